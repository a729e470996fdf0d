# How nft (1.0.6) shows the matches and targets iptables-nft (1.8.9) writes, one per rule.
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 0 -j ACCEPT
iptables -A INPUT -p icmp ! --icmp-type destination-unreachable -j ACCEPT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -A INPUT -p udp -m multiport --sports 53,67 -j ACCEPT
iptables -A INPUT -p udp --sport 67:68 --dport 68 -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -j ACCEPT
iptables -A INPUT -m conntrack ! --ctstate INVALID -j ACCEPT
iptables -A INPUT -m conntrack --ctstate DNAT -j ACCEPT
iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m limit --limit 5/min --limit-burst 10 -j LOG --log-prefix "x " --log-level 7
iptables -A INPUT -m comment --comment "allow web" -p tcp --dport 80 -j ACCEPT
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP
iptables -A INPUT -m mac --mac-source 52:54:00:12:34:56 -j DROP
iptables -A INPUT -m addrtype --src-type LOCAL -j RETURN
iptables -A INPUT ! -p tcp -j ACCEPT
iptables -A INPUT -p 47 -j ACCEPT
iptables -A INPUT -p all -j ACCEPT
iptables -A INPUT -d 224.0.0.0/4 -j DROP
iptables -A INPUT -s 10.1.2.3/255.255.0.255 -j DROP
iptables -A INPUT -f -j DROP
iptables -A OUTPUT -o eth0 -j ACCEPT
iptables -A INPUT -j REJECT --reject-with icmp-host-unreachable
iptables -A INPUT -j REJECT --reject-with icmp-net-prohibited
iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -A INPUT -j REJECT --reject-with icmp-port-unreachable
iptables -A INPUT -j LOG --log-level 4 --log-tcp-sequence
iptables -A INPUT -j LOG --log-level error --log-prefix "e "
iptables -A INPUT -j LOG --log-level 1 --log-ip-options --log-uid
iptables -A INPUT -j LOG --log-level 6 --log-tcp-options
iptables -A INPUT -j LOG --log-level 0
iptables -A INPUT -j REJECT --reject-with icmp-net-unreachable
iptables -A INPUT -j REJECT --reject-with icmp-proto-unreachable
iptables -A INPUT -j REJECT --reject-with icmp-host-prohibited
iptables -A INPUT -m conntrack --ctstate NEW,SNAT -j ACCEPT
iptables -A INPUT -m conntrack --ctstate UNTRACKED,INVALID,NEW -j ACCEPT
iptables -A INPUT -m state ! --state INVALID -j ACCEPT
iptables -A INPUT -m limit -j ACCEPT
iptables -A INPUT -m limit --limit 10/second -j ACCEPT
iptables -A INPUT -m limit --limit 1/day --limit-burst 1 -j ACCEPT
iptables -A INPUT -m limit --limit 100/hour -j ACCEPT
iptables -A INPUT ! -f -j ACCEPT
iptables -A INPUT -p udp -j ACCEPT
iptables -A INPUT ! -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -p tcp ! --sport 1:1023 --dport 1:1023 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --ports 22,80 -j ACCEPT
iptables -A INPUT -p tcp -m multiport ! --dports 22,80 -j ACCEPT
iptables -A INPUT -m mac ! --mac-source 52:54:00:12:34:56 -j DROP
iptables -A INPUT -m iprange ! --dst-range 10.0.0.1-10.0.0.9 -j DROP
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 --dst-range 10.0.1.1-10.0.1.2 -j DROP
iptables -A INPUT -m addrtype ! --dst-type LOCAL -j DROP
iptables -A INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j DROP
iptables -A INPUT -m addrtype --src-type LOCAL --dst-type UNICAST -j DROP
iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -A INPUT -p tcp ! --syn -j DROP
iptables -A INPUT -p icmp --icmp-type any -j DROP
iptables -A INPUT -p icmp --icmp-type 3/1 -j DROP
iptables -A INPUT -p tcp --dport 22 -m state --state NEW -m comment --comment "ssh" -j ACCEPT
iptables -A INPUT -m comment --comment "only a comment" -j ACCEPT
iptables -A INPUT -s 192.168.1.0/24 -p tcp -m tcp --dport 22 -j ACCEPT
nft list chain ip filter INPUT
nft list chain ip filter OUTPUT
iptables -t nat -A POSTROUTING -p tcp -o eth0 -j MASQUERADE --to-ports 1024-2000
iptables -t nat -A POSTROUTING -p udp -o eth0 -j MASQUERADE --to-ports 5000
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --random
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --random-fully
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --persistent
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 192.168.1.2-192.168.1.5:1000-2000
iptables -t nat -A POSTROUTING -j SNAT --to-source 192.168.1.2-192.168.1.5 --persistent
iptables -t nat -A POSTROUTING -j SNAT --to-source 192.168.1.2 --random
iptables -t nat -A POSTROUTING -j SNAT --to-source 192.168.1.2 --random-fully
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source :3000
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1-10.0.0.3
iptables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination 10.0.0.1:8080-8090
iptables -t nat -A PREROUTING -p tcp --dport 82 -j DNAT --to-destination :8080
iptables -t nat -A PREROUTING -p tcp --dport 85 -j DNAT --to-destination 10.0.0.1 --random
iptables -t nat -A PREROUTING -p tcp --dport 86 -j DNAT --to-destination 10.0.0.1 --persistent
iptables -t nat -A PREROUTING -p udp --dport 83 -j REDIRECT
iptables -t nat -A PREROUTING -p tcp --dport 84 -j REDIRECT --to-ports 8000-8010
iptables -t nat -A OUTPUT -d 127.0.0.0/8 -j RETURN
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j RETURN
nft list table ip nat
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -N DOCKER
iptables -t nat -A DOCKER -i docker0 -j RETURN
iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
iptables -N DOCKER
iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
nft list chain ip nat DOCKER
nft list chain ip filter DOCKER
nft list chain ip filter FORWARD
iptables -t nat -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
nft list chain ip nat POSTROUTING
