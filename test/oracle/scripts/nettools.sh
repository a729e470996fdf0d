# net-tools (arp, route, ifconfig, netstat) and hostname.
hostname
hostname -I
arp
arp -n
route
ifconfig
ifconfig eth0
ifconfig veth-red
ping -c 1 -W 1 192.168.1.3
ping -c 1 -W 1 8.8.8.8
arp
arp -n
arp -a
arp -d 192.168.1.3
arp -n
arp -s 192.168.1.60 02:00:00:00:00:60
arp -n
ip netns add red
ip link add veth-red type veth peer name veth-blue
ifconfig veth-red
ifconfig -a
ifconfig veth-red 10.0.0.1 netmask 255.255.255.0 up
route -n
ip link set veth-red netns red
ifconfig veth-red
ip netns exec red ifconfig -a
ip netns exec red route
ip netns exec red arp
route add -net 10.20.0.0 netmask 255.255.0.0 gw 192.168.1.3
route -n
route del -net 10.20.0.0 netmask 255.255.0.0
route add -net 10.22.0.0 netmask 255.255.0.0 gw 10.9.9.9
route -n
netstat -rn
