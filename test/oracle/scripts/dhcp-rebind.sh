# ISC dhclient 4.4.3-P1 past T2: the server (dnsmasq 2.90, 2-minute lease) moves from 10.50.0.1
# to 10.50.0.2 after the client bound. The renewals from T1 are still unicast to 10.50.0.1 (to
# the MAC the client knows) and die there; after the rebinding time (7/8 of the lease, 105 s)
# dhclient broadcasts DHCPREQUEST from its address and the moved server answers (RFC 2131
# 4.4.5 REBINDING). Sleeps stay under the recorder's 30 s per line.
ip netns add red
ip netns add blue
ip link add veth-red netns red type veth peer name veth-blue netns blue
ip -n red link set lo up
ip -n blue link set lo up
ip -n red addr add 10.50.0.1/24 dev veth-red
ip -n red link set veth-red up
ip -n blue link set veth-blue address 02:00:00:00:0b:01
ip -n blue link set veth-blue up
ip netns exec red dnsmasq --interface=veth-red --no-ping --dhcp-range=10.50.0.10,10.50.0.50,2m
ip netns exec blue dhclient veth-blue
sleep 10
ip -n red addr del 10.50.0.1/24 dev veth-red
ip -n red addr add 10.50.0.2/24 dev veth-red
sleep 25
ip netns exec red timeout 25 tcpdump -n -i veth-red -c 1 udp port 67
sleep 25
sleep 10
ip netns exec red timeout 25 tcpdump -n -i veth-red -c 2 'udp port 67 and not dst host 10.50.0.1'
ip -n blue -4 addr show dev veth-blue
ip netns exec blue dhclient -x veth-blue
