# ip: abbreviations, output formats, details and top-level errors.
ip a
ip r
ip n
ip l
ip ad
ip -br link
ip -br addr
ip -4 a
ip -6 a
ip -4 route
ip -o addr
ip -o link
ip -d link show lo
ip link add veth0 type veth peer name veth1
ip link add br0 type bridge
ip -d link show veth0
ip link set veth0 master br0
ip -d link show veth0
ip -d link show br0
ip -br link
ip -n nosuch link
ip foo
ip link foo
ip addr foo
ip route foo
ip
ip help
ip link help
ip -V
ip -x link
ip route get 8.8.8.8
ip route get
