# ip netns: create, list, exec, delete.
ip netns
ip netns list
ip netns add red
ip netns add red
ip netns add blue
ip netns list
ip netns exec red ip link
ip netns exec nosuch ip link
ip netns exec red
ip netns exec red foo
ip netns exec red ping -c 1 -W 1 127.0.0.1
ip netns exec red ip link set lo up
ip netns exec red ping -c 1 -W 1 127.0.0.1
ip -n red addr
ip -n nosuch link
ip netns exec red hostname
ip netns identify
ip netns exec red ip netns identify
ip link add veth-r type veth peer name veth-b
ip link set veth-r netns red
ip netns list
ip link set veth-b netns blue
ip netns list
ip -n red link
ip -n blue link
ip netns exec red ip link set veth-r netns blue
ip -n blue link
ip netns del blue
ip -n red link
ip netns del blue
ip netns delete red
ip netns list
ip netns exec red ip link
ip netns foo
