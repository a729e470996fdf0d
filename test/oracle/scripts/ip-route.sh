# ip route: show, add, delete, get, and common mistakes.
ip route
ip r
ip -6 route
ip route show table local
ip route add 10.1.0.0/16 via 192.168.1.3
ip route
ip route add 10.1.0.0/16 via 192.168.1.3
ip route add 10.2.0.0/16 via 10.9.9.9
ip route add 10.3.0.0/16 dev eth0
ip route add 10.4.0.0/33 via 192.168.1.1
ip route add 10.5.0.0/16
ip route add 10.6.0.0/16 via 192.168.1.1 dev nosuch
ip route add default via 192.168.1.1
ip route add 10.8.0.0/24 via 192.168.1.1 metric 100
ip route add 10.10.0.0/16 via 192.168.1.3 dev lo
ip route add 10.11.0.0/16 gw 192.168.1.3
ip route
ip route get 10.1.2.3
ip route get 8.8.8.8
ip route get 192.168.1.3
ip route get 192.168.1.2
ip route get 10.300.0.1
ip route get 10.7.0.1 from 192.168.1.2
ip route show 10.3.0.0/16
ip route show dev eth0
ip route replace 10.3.0.0/16 via 192.168.1.3
ip route change 10.8.0.0/24 via 192.168.1.3 metric 100
ip route
ip route del 10.1.0.0/16
ip route del 10.1.0.0/16
ip route del 10.8.0.0/24
ip route del default
ip route
ping -c 1 -W 1 8.8.8.8
ip route get 8.8.8.8
ip route add default via 192.168.1.1
ip route flush 10.3.0.0/16
ip route
