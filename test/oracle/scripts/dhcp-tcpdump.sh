# The DORA exchange on the wire (tcpdump 4.99.3): dhclient on eth0 against the router's dnsmasq.
# The first lease is taken before capturing: dnsmasq pings a new address for about 3 s before
# offering it, and dhclient's random retransmission interval races with that.
ip addr flush dev eth0
dhclient eth0
dhclient -r eth0
(sleep 0.5; dhclient eth0 >/dev/null 2>&1) & timeout 10 tcpdump -i eth0 -n -c 4 'port 67 or port 68'; wait
dhclient -r eth0
(sleep 0.5; dhclient eth0 >/dev/null 2>&1) & timeout 10 tcpdump -i eth0 -n -e -c 2 udp; wait
dhclient -x eth0
