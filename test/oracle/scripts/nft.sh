# nft list (nftables 1.0.6) showing what iptables-nft 1.8.9 wrote: tables and chains appear
# only once written to, in creation order; "managed by iptables-nft" warnings go to stderr.
nft list ruleset
nft list tables
nft list table ip filter
nft list table ip nosuch
nft list table nosuch
nft list chain ip filter INPUT
nft list
nft list table
nft frobnicate
iptables -L -n
iptables -t nat -L -n
nft list ruleset
iptables -A INPUT -i lo -j ACCEPT
nft list ruleset
nft list tables
iptables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
nft list ruleset
iptables -A INPUT -m state --state NEW -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p tcp --sport 1024:65535 -j ACCEPT
iptables -A INPUT -s 192.168.1.0/24 -d 192.168.1.2 -j ACCEPT
iptables -A INPUT ! -s 10.0.0.0/8 -i eth0 -j RETURN
iptables -A INPUT -i veth+ -j ACCEPT
iptables -A INPUT ! -i eth0 -p tcp ! --dport 80 -j ACCEPT
iptables -A INPUT -j LOG --log-prefix "DROP: "
iptables -A INPUT -j LOG
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -j REJECT
iptables -A INPUT -p icmp -j DROP
iptables -A INPUT
iptables -P INPUT DROP
nft list table ip filter
iptables -N LOGDROP
iptables -A LOGDROP -j LOG --log-prefix "LOGDROP "
iptables -A LOGDROP -j DROP
iptables -P FORWARD DROP
iptables -A FORWARD -i br0 -o eth0 -j ACCEPT
iptables -A FORWARD -j LOGDROP
iptables -N EMPTY
iptables -I FORWARD -g EMPTY
nft list table ip filter
nft list chain ip filter LOGDROP
nft list chain ip filter FORWARD
nft list chain ip filter OUTPUT
nft list chain ip filter NOPE
nft list chain ip nat POSTROUTING
ping -c 2 192.168.1.1
nft list chain ip filter INPUT
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
nft list tables
nft list chain ip nat POSTROUTING
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80
iptables -t nat -A PREROUTING -d 192.168.1.2 -p tcp --dport 80 -j DNAT --to-destination 192.168.15.2
iptables -t nat -A OUTPUT -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80
iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -j SNAT --to-source 192.168.1.2
iptables -t nat -A PREROUTING -p tcp --dport 2222 -j REDIRECT --to-ports 22
iptables -t nat -A INPUT -j ACCEPT
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
nft list table ip nat
nft list ruleset
nft list tables
iptables -t mangle -A PREROUTING -j ACCEPT
iptables -t raw -A OUTPUT -j ACCEPT
nft list tables
nft list table ip mangle
nft list table ip raw
iptables -D INPUT -i lo -j ACCEPT
iptables -F INPUT
nft list chain ip filter INPUT
iptables -F
iptables -X
nft list table ip filter
iptables -t nat -F
iptables -t nat -X
nft list ruleset
