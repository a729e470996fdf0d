# sysctl and /proc/sys: IP forwarding.
sysctl -n net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
cat /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/ip_forward
sysctl net.ipv4.ip_forward
sysctl net.ipv4.conf.eth0.forwarding
echo 0 > /proc/sys/net/ipv4/ip_forward
sysctl net.ipv4.conf.all.forwarding
sysctl net.ipv4.ip_forwarding
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_forward=2
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward = 0
sysctl net/ipv4/ip_forward
sysctl -q -w net.ipv4.ip_forward=0
sysctl -n net.ipv4.ip_forward
sysctl -a 2>/dev/null | grep 'ipv4.ip_forward'
sysctl -w net.ipv4.conf.eth0.forwarding=1
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl net.ipv4.conf.eth0.forwarding
ip netns add red
ip netns exec red sysctl net.ipv4.ip_forward
ip netns exec red sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
ip netns exec red sh -c 'echo 0 > /proc/sys/net/ipv4/ip_forward'
ip netns exec red sysctl -n net.ipv4.ip_forward
cat /proc/sys/net/ipv4/ip_forwarding
sysctl
