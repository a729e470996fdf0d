# The seed's sloppy or broken lines, as a learner would copy them.
ip netns add mynamespace
ip netns exec mynamespace ip link
ip netns exec mynamespace ip addr add
ip netns del mynamespace
ip netns add red
ip netns add blue
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
ip -n red addr add 192.168.15.1 dev veth-red
ip -n blue addr add 192.168.15.2 dev veth-blue
ip -n red link set dev veth-red up
ip -n blue link set dev veth-blue up
ip -n red addr
ip netns exec red ping -c 1 -W 1 192.168.15.2
ip -n red link del veth-red
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red-br netns red
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip -n red link
ip netns exec blue ping -c 1 -W 1 google.com
ip netns exec blue ping -c 1 -W 1 8.8.8.8
iptables -t nat -A PREROUTING -dport 80 --to-destination 192.168.15.2:80 -j DNAT
iptables -t nat -A PREROUTING --dport 80 --to-destination 192.168.15.2:80 -j DNAT
iptables -t nat -A PREROUTING -p tcp --dport 80 --to-destination 192.168.15.2:80 -j DNAT
iptables -t nat -L -n
ping 192.168.15.1 -c 1 -W 1
ip netns exec blue ip route add 192.168.1.0/24 via 192.168.1.2
ip netns exec blue ip route add default via 192.168.15.5
