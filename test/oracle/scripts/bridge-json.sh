# bridge(8) -j / -json and -p / -pretty (iproute2 6.1 json_print.c): `bridge link` and `bridge fdb`
# as JSON, with -d details, dev filters, a port whose peer is in another namespace (link_index),
# errors, and the root namespace without ports. `bridge vlan -j` needs bridge VLAN support, which
# the recording kernel lacks (its JSON format is taken from iproute2's vlan.c, see vlan.ts).
ip netns add red
ip -n red link add br0 type bridge
ip -n red link add v0 type veth peer name v1
ip -n red link add v2 type veth peer name v3
ip -n red link set dev br0 address 02:00:00:00:0b:00
ip -n red link set dev v0 address 02:00:00:00:00:a0
ip -n red link set dev v1 address 02:00:00:00:00:a1
ip -n red link set dev v2 address 02:00:00:00:00:a2
ip -n red link set dev v3 address 02:00:00:00:00:a3
ip -n red link set v0 master br0
ip -n red link set v2 master br0
ip -n red link set br0 up
ip -n red link set v0 up
ip -n red link set v1 up
bridge -j -n red link
bridge -json -n red link show
bridge -j -p -n red link
bridge -n red -j link show dev v0
bridge -n red -j -d link show dev v0
bridge -n red -j -p -d link show dev v2
bridge -n red -j link show dev v1
bridge -n red -j link show dev nope
bridge -j link
bridge -n red link set dev v0 cost 7 priority 9 state 1 hairpin on learning off
bridge -n red -j link show dev v0
bridge -n red -j -d link show dev v0
bridge -n red fdb add 02:00:00:00:00:cc dev v0 master static
bridge -n red fdb add 02:00:00:00:00:dd dev v2 master
bridge -n red -j fdb show
bridge -n red -j fdb show br br0
bridge -n red -j -p fdb show dev v0
bridge -n red -j fdb show dev v1
bridge -n red -j fdb show dev nope
ip netns add blue
ip -n red link add v4 type veth peer name v5 netns blue
ip -n red link set v4 master br0
bridge -n red -j link show dev v4
bridge -n red -j -p fdb show br br0 brport v4
bridge -n red -j fdb show br nope
