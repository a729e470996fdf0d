# ip neigh: the neighbour (ARP) cache.
# The LAN host answering a ping sends its own ARP probe to us 5 s later (DELAY -> PROBE),
# which would re-create a flushed entry: the `sleep 6` lets that happen before the flush.
ip neigh
ip n
ping -c 1 -W 1 192.168.1.3
ip neigh
ip -4 neigh
ip neigh show 192.168.1.3
ip neigh show dev eth0
ip neigh add 192.168.1.50 lladdr 02:00:00:00:00:50 dev eth0
ip neigh add 192.168.1.50 lladdr 02:00:00:00:00:50 dev eth0
ip neigh show 192.168.1.50
ip neigh replace 192.168.1.50 lladdr 02:00:00:00:00:51 dev eth0 nud reachable
ip neigh show 192.168.1.50
ip neigh add 192.168.1.51 lladdr zz:zz dev eth0
ip neigh add 192.168.1.52 dev eth0
ip neigh add 192.168.1.53 lladdr 02:00:00:00:00:53 dev nosuch
ip neigh add 192.168.1.54 lladdr 02:00:00:00:00:54
ip neigh add 192.168.1.55 lladdr 02:00:00:00:00:55 dev eth0
ip neigh show nud permanent
ip neigh del 192.168.1.50 dev eth0
ip neigh del 192.168.1.50 dev eth0
ip neigh del 192.168.1.52
sleep 6
ip neigh flush dev eth0
ip neigh
ping -c 1 -W 1 192.168.1.99
ip neigh
ping -c 1 -W 4 192.168.1.98
ip neigh
arp -n
