# The network namespace walkthrough of seed 002 (lines 600-790), in order, with the
# inspection commands a learner runs between the steps. Starts from the `bare` world.

# --- two namespaces, nothing in them
ip netns add red
ip netns add blue
ip netns
ip netns list
ip link
ip netns exec red ip link
ip -n red link
arp
ip netns exec red arp
route
ip netns exec red route
ip netns exec red ip route

# --- a virtual cable between red and blue
ip link add veth-red type veth peer name veth-blue
ip link
ip link set veth-red netns red
ip link
ip link set veth-blue netns blue
ip link
ip netns list
ip -n red link
ip -n blue link
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red addr
ip -n red link set veth-red up
ip -n red link
ip -n blue link set veth-blue up
ip -n red link
ip -n red addr
ip netns exec blue ip addr
ip -n red route
ip netns exec red ping -c 1 -W 1 192.168.15.2
ip netns exec blue ping -c 1 -W 1 192.168.15.1
ip netns exec red arp
ip netns exec blue arp
ip -n red neigh
ip netns exec red route
arp
ip neigh

# --- a virtual switch: the bridge v-net-0
ip link add v-net-0 type bridge
ip link
ip link set dev v-net-0 up
ip link show v-net-0
ip addr show v-net-0
ip -n red link del veth-red
ip -n red link
ip -n blue link
ip link add veth-red type veth peer name veth-red-br
ip link add veth-blue type veth peer name veth-blue-br
ip link
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip link set veth-blue netns blue
ip link set veth-blue-br master v-net-0
ip link
bridge link
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red link set dev veth-red up
ip -n blue link set dev veth-blue up
ip -n red link
ip link set veth-red-br up
ip link set veth-blue-br up
ip link
bridge link
ip netns exec red ping -c 1 -W 1 192.168.15.2
ip netns exec blue ping -c 1 -W 1 192.168.15.1
ping -c 1 -W 1 192.168.15.1
ip addr add 192.168.15.5/24 dev v-net-0
ip addr show v-net-0
ip route
ping -c 1 -W 1 192.168.15.1
ip neigh

# --- reaching the LAN from blue
ip netns exec blue ping -c 1 -W 1 192.168.1.3
ip netns exec blue route
ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5
ip netns exec blue ip route
ip netns exec blue route
ip netns exec blue ping -c 1 -W 1 192.168.1.3
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
ip netns exec blue ping -c 1 -W 1 192.168.1.3
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
iptables -t nat -L
iptables -t nat -L -n -v
ip netns exec blue ping -c 1 -W 1 192.168.1.3
iptables -t nat -L -n -v
ip neigh

# --- reaching the internet from blue
ip netns exec blue ping -c 1 -W 1 8.8.8.8
ip netns exec blue route
ip netns exec blue ip route add default via 192.168.15.5
ip netns exec blue route
ip netns exec blue route -n
ip netns exec blue ip route
ip netns exec blue ping -c 1 -W 1 8.8.8.8
ip netns exec blue ping -c 2 -i 0.2 -W 1 1.1.1.1
ip netns exec red ping -c 1 -W 1 8.8.8.8
ip netns exec red ip route add default via 192.168.15.5
ip netns exec red ping -c 1 -W 1 8.8.8.8
iptables -t nat -L -n -v

# --- port forwarding into blue
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 192.168.15.2:80
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -L PREROUTING -n -v --line-numbers
iptables -t nat -S
iptables -S
iptables-save

# --- looking around
bridge link
bridge fdb show
brctl show
ip -br link
ip -br addr
ip -4 addr
ip -n blue -br a
ip -n red -br link
ip netns exec blue ip -4 a
ip route get 192.168.15.2
ip route get 8.8.8.8
ip netns exec blue ip route get 8.8.8.8
ip netns exec blue ip route get 192.168.15.1
ip -n red route
ip netns exec blue ip route
ip netns list

# --- cleaning up
ip netns del red
ip netns list
ip link
bridge link
ip netns del blue
ip link
ip link del v-net-0
iptables -t nat -F
iptables -t nat -L -n
sysctl -w net.ipv4.ip_forward=0
ip addr
ip route
