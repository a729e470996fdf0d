# iptables -t nat: MASQUERADE, SNAT, DNAT (port forwarding), and the other tables.
iptables -t nat -L
iptables -t nat -S
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.10.0.0/16 -j SNAT --to-source 192.168.1.2
iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80
iptables -t nat -A PREROUTING -p udp --dport 53 -j DNAT --to-destination 192.168.15.3
iptables -t nat -A OUTPUT -p tcp -d 192.168.1.2 --dport 8080 -j DNAT --to-destination 192.168.15.2:80
iptables -t nat -L
iptables -t nat -L -n -v
iptables -t nat -L POSTROUTING -n --line-numbers
iptables -t nat -S
iptables -t nat -S PREROUTING
iptables-save
iptables-save -t nat
iptables -t nat -D POSTROUTING 2
iptables -t nat -D PREROUTING -p udp --dport 53 -j DNAT --to-destination 192.168.15.3
iptables -t nat -I POSTROUTING 1 -o eth0 -j MASQUERADE
iptables -t nat -L POSTROUTING -n
iptables -L -n
iptables -t nat -F
iptables -t nat -D POSTROUTING 1
iptables -t nat -L -n
iptables -t mangle -L
iptables -t raw -L -n
iptables -t filter -S
iptables-save
