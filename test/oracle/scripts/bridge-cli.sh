# bridge(8) global options (-n NETNS, -d, -V, unknown ones), `bridge link set` (cost, priority,
# state, on/off settings) and `bridge fdb add/append/replace/del` (master and self entries).
bridge
bridge -V
bridge -foo link
bridge --foo link
bridge -n nosuch link
bridge -n
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
ip -n red link set br0 up
ip -n red link set v0 up
ip -n red link set v1 up
bridge -n red link
bridge -netns red link show
bridge --netns red link
bridge -s -n red link
bridge -n red -d link
bridge link
bridge -n red link set dev v0 cost 10
bridge -n red link show dev v0
bridge -n red link set dev v0 cost 0
bridge -n red link set dev v0 cost 70000
bridge -n red link set dev v0 cost abc
bridge -n red link set dev v0 priority 64
bridge -n red link set dev v0 priority 63
bridge -n red link set dev v0 hairpin foo
bridge -n red link set dev v0 state 9
bridge -n red link set dev v0 state bogus
bridge -n red link set dev v0 state 1
bridge -n red link
bridge -n red link set dev v0 state 4
bridge -n red link
bridge -n red link set dev v0 state learning
bridge -n red link
bridge -n red link set dev v0 state forwarding
bridge -n red link set v0 cost 5
bridge -n red link set dev v0
bridge -n red link set
bridge -n red link set dev nope cost 3
bridge -n red link set dev v1 cost 3
bridge -n red link set dev br0 cost 4
bridge -n red link set dev v0 hairpin on learning off flood off
bridge -n red -d link show dev v0
bridge -n red link set dev v0 learning on flood on hairpin off
bridge -n red -d link show dev v0
bridge -n red link help
bridge -n red fdb add 02:00:00:00:00:01 dev v0 master static
bridge -n red fdb show br br0
bridge -n red fdb add 02:00:00:00:00:01 dev v0 master static
bridge -n red fdb replace 02:00:00:00:00:01 dev v0 master dynamic
bridge -n red fdb replace 02:00:00:00:00:01 dev v0 master static
bridge -n red fdb append 02:00:00:00:00:01 dev v0 master static
bridge -n red fdb add 02:00:00:00:00:02 dev v0 master dynamic
bridge -n red fdb add 02:00:00:00:00:03 dev v0 master local
bridge -n red fdb add 02:00:00:00:00:04 dev v0 master
bridge -n red fdb add 02:00:00:00:00:07 dev v2 master
bridge -n red fdb add 02:00:00:00:00:08 dev br0 master
bridge -n red fdb add 02:00:00:00:00:09 dev br0
bridge -n red fdb add 02:00:00:00:00:0a dev v0 master static vlan 5
bridge -n red fdb add 02:00:00:00:00:0b dev v0 dst 10.0.0.1
bridge -n red fdb add 2:0:0:0:0:C dev v0
bridge -n red fdb add 02:00:00:00:00:0c dev v0
bridge -n red fdb add 02:00:00:00:00:0d dev v0 dst bogus
bridge -n red fdb add zz dev v0
bridge -n red fdb add 02:00:00:00:00:0e
bridge -n red fdb add dev v0
bridge -n red fdb add
bridge -n red fdb add 02:00:00:00:00:0e dev nope
bridge -n red fdb show
bridge -n red fdb show dev v0
bridge -n red fdb del 02:00:00:00:00:0b dev v0
bridge -n red fdb del 02:00:00:00:00:01 dev v0
bridge -n red fdb del 02:00:00:00:00:01 dev v0 master
bridge -n red fdb del 02:00:00:00:00:01 dev v0 master
bridge -n red fdb del 02:00:00:00:00:09 dev br0
bridge -n red fdb show br br0
bridge -n red fdb foo
bridge -n red fdb help
ip netns exec red bridge fdb show dev v0
# brctl on the same bridge (hairpin is left out: inside the recording sandbox /sys shows the
# machine's own devices, so brctl's sysfs write fails there while it works on a real host).
ip netns exec red brctl addbr
ip netns exec red brctl addif br0
ip netns exec red brctl showmacs
ip netns exec red brctl showmacs nope
ip netns exec red brctl showmacs v0
ip netns exec red brctl showmacs br0 | head -1
ip netns exec red brctl showmacs br0 | grep yes
ip netns exec red brctl setageing br0 10
ip -n red -d link show br0 | grep -o 'ageing_time [0-9]*'
ip netns exec red brctl setageing br0 1.5
ip -n red -d link show br0 | grep -o 'ageing_time [0-9]*'
ip netns exec red brctl setageing br0 abc
ip netns exec red brctl setageing nope 10
ip netns exec red brctl setpathcost br0 v0 7
ip netns exec red brctl setportprio br0 v0 9
bridge -n red link
ip netns exec red brctl setpathcost br0 nope 7
ip netns exec red brctl setpathcost br0 v0
ip netns exec red brctl setpathcost br0 v0 x
ip netns exec red brctl setportprio br0 v0 x
ip netns exec red brctl hairpin br0 v0 maybe
