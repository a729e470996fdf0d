# The `bare` world as the recorder builds it, before any learner command.
hostname
ip addr
ip route
ip neigh
iptables-save
sysctl net.ipv4.ip_forward
ip netns list
ip link
ip -6 route
ip -br addr
iptables -L
iptables -t nat -L
ip rule
