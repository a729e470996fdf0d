# DHCP on the bare world's LAN: the router 192.168.1.1 runs a DHCP server (dnsmasq 2.90,
# range 192.168.1.100-200, 12h leases, router and DNS 192.168.1.1). ISC dhclient 4.4.3-P1.
ip addr flush dev eth0
ip route
dhclient -v eth0
ip -4 addr show dev eth0
ip route
cat /etc/resolv.conf
dhclient -v eth0
cat /var/lib/dhcp/dhclient.leases
dhclient -r -v eth0
ip -4 addr show dev eth0
ip route
dhclient -v nosuch
