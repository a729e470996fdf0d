# traceroute 2.1.2 through the bare world's router and through a forwarding host (UDP probes,
# ICMP time exceeded from each router, port unreachable from the destination).
traceroute -n 8.8.8.8
traceroute 192.168.1.3
traceroute -n -q 1 192.168.1.1
sleep 5; traceroute -n -q 1 -w 1 -m 4 10.99.0.1
traceroute nosuch.example
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip netns add red
ip link add veth-host type veth peer name veth-red
ip link set veth-red netns red
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip -n red addr add 10.0.0.2/24 dev veth-red
ip -n red link set veth-red up
ip -n red route add default via 10.0.0.1
ip netns exec red traceroute -n -q 1 -w 1 -m 3 8.8.8.8
sysctl -w net.ipv4.ip_forward=1
ip netns exec red traceroute -n 8.8.8.8
ip netns exec red traceroute -n 192.168.1.3
