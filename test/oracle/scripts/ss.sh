# ss (iproute2 6.1) and nc (netcat-openbsd) between namespaces: listeners started in the
# background stay up across lines; a client connecting ends `nc -l` (one connection).
ss -tulnp
ss -tln
nc -l -p 8080 >/dev/null & sleep 0.5; ss -tlnp
ss -tulnp
ss -ulnp
ip netns add red
ip link add veth-host type veth peer name veth-red
ip link set veth-red netns red
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip -n red addr add 10.0.0.2/24 dev veth-red
ip -n red link set veth-red up
ip netns exec red ss -tln
ip netns exec red nc -l -p 9000 >/dev/null & sleep 0.3; ip netns exec red ss -tln; nc -z -w 1 10.0.0.2 9000; echo $?
ip netns exec red ss -tln
nc -z -w 1 10.0.0.2 9001; echo $?
nc -zv -w 1 10.0.0.2 9001
ip netns exec red nc -l 9002 >/dev/null & sleep 0.3; nc -zv -w 1 10.0.0.2 9002
ip netns exec red nc -l 7000 & sleep 0.3; echo hello | nc -N 10.0.0.2 7000; wait $!
nc -zv -w 1 10.0.0.3 80
