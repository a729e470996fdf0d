# dnsmasq 2.90's sockets (ss, netstat) and ISC dhclient 4.4.3-P1 renewing a 2-minute lease at
# T1 (about half the lease): DHCPREQUEST unicast to the server, DHCPACK back, a new lease block;
# then -r releases it. The renewal is awaited by a capture that ends with it (-c 2), so the
# recorder's own pace does not matter; dnsmasq --no-ping offers at once (a single DISCOVER).
# Both loopbacks are up: a namespace whose lo is down does not answer ARP, and the server's
# unicast reply to the renewal never leaves.
ip netns add red
ip netns add blue
ip link add veth-red netns red type veth peer name veth-blue netns blue
ip -n red link set lo up
ip -n blue link set lo up
ip -n red addr add 10.50.0.1/24 dev veth-red
ip -n red link set veth-red up
ip -n blue link set veth-blue address 02:00:00:00:0b:01
ip -n blue link set veth-blue up
ip netns exec red ss -tulnp
ip netns exec red dnsmasq --interface=veth-red --no-ping --dhcp-range=10.50.0.10,10.50.0.50,2m
ip netns exec red ss -tulnp
ip netns exec red ss -ulnp
ip netns exec red ss -tln
ip netns exec red netstat -tulnp
ip netns exec red netstat -uln
ss -tulnp
ip netns exec blue dhclient -v veth-blue
ip netns exec blue ss -ulnp
ip netns exec blue netstat -ulnp
cat /var/lib/misc/dnsmasq.leases
sleep 28
ip netns exec red timeout 29 tcpdump -n -i veth-red -c 2 udp port 67
cat /var/lib/dhcp/dhclient.leases
ip -n blue -4 addr show dev veth-blue
cat /var/lib/misc/dnsmasq.leases
ip netns exec red tcpdump -n -i veth-red -c 1 udp port 67 > /tmp/release.txt 2>/dev/null &
sleep 1
ip netns exec blue dhclient -r -v veth-blue
sleep 1
cat /tmp/release.txt
cat /var/lib/misc/dnsmasq.leases
ip -n blue -4 addr show dev veth-blue
ip netns exec blue ss -ulnp
