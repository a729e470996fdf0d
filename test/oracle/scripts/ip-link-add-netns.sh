# ip link add NAME netns X type veth peer name P [netns Y]: a `netns` before `type` moves the
# first device only; the peer stays in the caller's namespace unless its own `netns` says otherwise.
ip netns add red
ip netns add blue
ip link add veth-a netns red type veth peer name veth-b
ip -br link
ip -n red -br link
ip link add veth-c type veth peer name veth-d netns blue
ip -br link
ip -n blue -br link
ip link add veth-e netns red type veth peer name veth-f netns blue
ip -n red -br link
ip -n blue -br link
ip link add veth-g type veth peer name veth-h netns nosuch
ip link add veth-i netns nosuch type veth peer name veth-j
ip link add veth-b netns red type veth peer name veth-k
ip link add veth-b netns red type veth peer name veth-l
ip link add veth-m type veth peer name veth-a netns red
ip link add name veth-m netns red type veth peer veth-n
ip -br link
ip -n red -br link
ip -n red link show veth-a
ip link show veth-b
ip link del veth-b
ip -n red -br link
ip netns del red
ip -br link
ip -n blue -br link
