# Shell idioms learners combine with the network tools (pipes, exit codes, &&, ||, files).
ip a | grep inet
ip link | head -2
ip route | grep default
ip addr show eth0 | grep 'inet '
ip netns add red && ip netns list
ip netns add red || echo "red already exists"
ping -c 1 -W 1 192.168.1.3 > /dev/null && echo up
ping -c 1 -W 1 192.168.1.99 > /dev/null || echo down
ping -c 1 -W 1 192.168.1.99 > /dev/null; echo $?
ip link show eth9; echo "exit=$?"
ls /run/netns
cat /proc/sys/net/ipv4/ip_forward
cat /etc/hostname
false
timeout 1 sleep 5
for ns in red; do ip -n $ns link; done
ip -n red link set lo up; ip -n red addr show lo
iptables -t nat -S | grep -c MASQUERADE
ip -br addr | awk '{print $1, $3}'
ip route show default | cut -d' ' -f3
ip netns del red && ls /run/netns
