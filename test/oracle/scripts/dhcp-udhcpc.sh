# busybox udhcpc 1.35.0 (Debian's udhcpc package, default.script) against the router's DHCP server.
ip addr flush dev eth0
udhcpc -i eth0 -n -q
ip -4 addr show dev eth0
ip route
cat /etc/resolv.conf
udhcpc -i nosuch -n -q
