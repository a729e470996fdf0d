# ping (iputils): reachable and unreachable targets, options, errors, namespaces.
ping -c 1 -W 1 192.168.1.3
ping -c 2 -i 0.2 -W 1 192.168.1.1
ping -c 2 -i 0.2 -W 1 -q 1.1.1.1
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 localhost
ping -c 1 -W 1 192.168.1.99
ping -c 1 -W 4 192.168.1.98
ping -c 1 -W 1 10.1.2.3
ping -c 1 -W 1 -I eth0 192.168.1.3
ping -c 1 -W 1 -I nosuch 192.168.1.3
ping -c 1 -W 1 -t 1 8.8.8.8
ping -c 1 -W 1 192.168.1.255
ping -c 1 -W 1 -b 192.168.1.255
ping -c 1 -W 1 -6 ::1
ping -c 1 -W 1 google.com
ping -c 1 -W 1 192.168.1
ping -c 0 192.168.1.3
ping -z 192.168.1.3
ping
ip route del default
ping -c 1 -W 1 8.8.8.8
ip route add default via 192.168.1.1
ping -c 1 -W 1 8.8.8.8
ip netns add red
ip netns exec red ping -c 1 -W 1 192.168.1.3
ip netns exec red ip link set lo up
ip netns exec red ping -c 2 -i 0.2 -W 1 127.0.0.1
ip link add veth-red type veth peer name veth-host
ip link set veth-red netns red
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip -n red addr add 10.0.0.2/24 dev veth-red
ip -n red link set veth-red up
ip netns exec red ping -c 1 -W 1 10.0.0.1
ping -c 1 -W 1 10.0.0.2
ip netns exec red ping -c 1 -W 1 192.168.1.3
ip -n red route add default via 10.0.0.1
ip netns exec red ping -c 1 -W 1 192.168.1.2
ip netns exec red ping -c 1 -W 1 192.168.1.3
