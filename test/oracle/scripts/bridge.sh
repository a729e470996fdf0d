# Linux bridges: bridge(8) from iproute2 and brctl(8) from bridge-utils.
bridge link
bridge fdb show
ip link add br0 type bridge
ip link show br0
brctl show
bridge link
ip link add veth0 type veth peer name veth0-br
ip link set veth0-br master br0
ip link show br0
bridge link
brctl show
ip link set br0 up
ip link set veth0-br up
ip link set veth0 up
ip link show master br0
bridge link
bridge fdb show br br0
bridge fdb show dev veth0-br
brctl show
brctl addbr br1
brctl addif br1 nosuch
brctl addif br1 veth0-br
brctl addbr br1
ip link set veth0-br nomaster
bridge link
brctl show
brctl addif br1 veth0-br
brctl show
brctl delbr br1
brctl delbr br0
ip link del br0
brctl delbr nosuch
bridge fdb show
brctl
bridge foo
bridge link show dev nosuch
ip link set veth0 master veth0-br
