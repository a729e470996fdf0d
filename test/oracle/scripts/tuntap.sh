# tap and tun devices (ip tuntap, iproute2 6.1): what a VM's vnet0 is before and after QEMU opens it.
# A persistent tap with nobody attached has no carrier (NO-CARRIER, state DOWN once up).
ip tuntap add tap0 mode tap
ip tuntap show
ip link show tap0
ip -d link show tap0
ip link set tap0 up
ip link show tap0
ip -br link show tap0
ip tuntap add tap0 mode tap
ip tuntap add tun0 mode tun
ip tuntap list
ip -d link show tun0
ip link show tun0
ip tuntap add tap1
ip tuntap add mode tap
ip tuntap show
ip tuntap add dev vnet0 mode tap
ip tuntap del tap1 mode tun
ip tuntap show
ip tuntap del tap1 mode tap
ip tuntap del tun0 mode tun
ip tuntap del nosuch mode tap
ip tuntap add tap9 mode frob
ip tuntap show
ip link add br0 type bridge
ip link set br0 up
ip link set vnet0 master br0 up
ip link show vnet0
ip -br link
ip link del tap0
ip tuntap show
ip tuntap help
ip tuntap add vnet0 mode tun
ip tuntap add eth0 mode tap
ip tuntap add tap5 mode tap vnet_hdr multi_queue user 0 group 0
ip tuntap add tap6 mode tap pi one_queue
ip tuntap show
ip -d link show tap5
ip tuntap del tap5 mode tap multi_queue
ip tuntap show dev vnet0
ip tuntap frob
