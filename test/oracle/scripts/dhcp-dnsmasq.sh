# dnsmasq 2.90 as the DHCP server of a namespace (it daemonizes), dhclient in another one.
ip netns add red
ip netns add blue
ip link add veth-red netns red type veth peer name veth-blue netns blue
ip -n red addr add 10.50.0.1/24 dev veth-red
ip -n red link set veth-red up
ip -n blue link set veth-blue address 02:00:00:00:0b:01
ip -n blue link set veth-blue up
ip netns exec red dnsmasq --interface=veth-red --dhcp-range=10.50.0.10,10.50.0.50,12h
ip netns exec blue dhclient -v veth-blue
ip -n blue -4 addr show dev veth-blue
ip -n blue route
cat /var/lib/misc/dnsmasq.leases
ip netns exec red dnsmasq --interface=veth-red --dhcp-range=10.50.0.10,10.50.0.50,12h
ip netns exec blue dhclient -r veth-blue
