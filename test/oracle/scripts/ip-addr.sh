# ip address: show, add, delete, flush, and common mistakes.
ip addr
ip addr show eth0
ip addr show eth9
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip addr show veth0
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2 dev veth0
ip addr add 10.0.0.300/24 dev veth0
ip addr add 10.0.0.4/24 veth0
ip addr add 10.0.0.4/24
ip addr add 10.0.0.5/24 dev nosuch
ip addr add 10.0.0.6/24 brd + dev veth0
ip addr add 10.0.1.1/24 broadcast 10.0.1.255 dev veth0
ip addr add 10.0.2.1/24 dev veth0 label veth0:web
ip addr show veth0
ip link set veth0 up
ip link set veth1 up
ip addr show veth0
ip route
ip addr del 10.0.0.2 dev veth0
ip addr del 10.0.0.1/24 dev veth0
ip addr del 10.9.9.9/24 dev veth0
ip addr show veth0
ip route
ip addr flush dev veth0
ip addr show veth0
ip -4 addr
ip -6 addr
ip a s lo
ip addr add 192.168.1.2/24 dev eth0
ip addr add 192.168.1.20/24 dev eth0
ip addr show eth0
ip addr del 192.168.1.20/24 dev eth0
ip addr show eth0
