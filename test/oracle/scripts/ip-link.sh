# ip link: show, add, set, delete, and the mistakes learners make.
ip link
ip link show lo
ip link show eth1
ip link add veth0 type veth peer name veth1
ip link add veth0 type veth peer name veth1
ip link show veth0
ip link add veth2 type veth
ip link add name veth-a type veth peer veth-b
ip link add vethz type foo
ip link add a type veth peer name b
ip link add veth-with-a-long-name type veth peer name veth-x
ip link add br0 type bridge
ip link add type bridge
ip link
ip link set veth0 up
ip link show veth0
ip link set veth1 up
ip link show veth0
ip link set veth0 down
ip link set veth0 upp
ip link set veth9 up
ip link set veth0 mtu 9000
ip link set veth0 mtu 10
ip link set veth0 down
ip link set veth0 name veth-renamed
ip link set veth-renamed address 02:00:00:00:00:01
ip link set veth-renamed netns nosuch
ip link set veth-renamed master br0
ip link show master br0
ip link set veth-renamed master nosuch
ip link set veth-renamed nomaster
ip link del veth-renamed
ip link del veth-renamed
ip link delete br0
ip link del lo
ip link
