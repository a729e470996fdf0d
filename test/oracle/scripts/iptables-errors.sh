# iptables: the errors a learner meets (typos, missing arguments, wrong chains and tables).
iptables -A FOO -j ACCEPT
iptables -A INPUT -j FOO
iptables -A INPUT -j accept
iptables -A INPUT -p tcp -dport 80 -j ACCEPT
iptables -t nat -A PREROUTING -dport 80 --to-destination 192.168.15.2:80 -j DNAT
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT
iptables -A INPUT --dport 80 -j ACCEPT
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j masquerade
iptables -t foo -L
iptables -L FOO
iptables -P INPUT REJECT
iptables -N web
iptables -N web
iptables -P web DROP
iptables -A web -j ACCEPT
iptables -X web
iptables -A INPUT -j web
iptables -F web
iptables -X web
iptables -D INPUT -s 1.2.3.4 -j DROP
iptables -D INPUT 9
iptables -R INPUT 5 -j ACCEPT
iptables -I INPUT 10 -j ACCEPT
iptables -A INPUT -s 300.1.1.1 -j DROP
iptables -A INPUT -p tcpp -j ACCEPT
iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
iptables -A INPUT -j
iptables -A
iptables
iptables -A INPUT -o eth0 -j ACCEPT
iptables -t nat -A POSTROUTING -i eth0 -j MASQUERADE
iptables -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -A INPUT -j REJECT --reject-with foo
iptables -L -n -v FOO
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT ACCEPT
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination
iptables -t nat -L -n
iptables -L -n
