# conntrack-tools 1.4.7: the host's connection tracking table while it masquerades a namespace.
conntrack -L
conntrack
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip netns add red
ip link add veth-host type veth peer name veth-red
ip link set veth-red netns red
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip -n red addr add 10.0.0.2/24 dev veth-red
ip -n red link set veth-red up
ip -n red route add default via 10.0.0.1
sysctl -w net.ipv4.ip_forward=1
ip netns exec red ping -c 1 192.168.1.3
conntrack -L
conntrack -L -p icmp
conntrack -L -p tcp
conntrack -C
ip netns exec red ping -c 1 8.8.8.8 >/dev/null; conntrack -L -d 8.8.8.8
conntrack -F
conntrack -L
