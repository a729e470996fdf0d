# iptables (filter table): list, append, insert, delete, replace, user chains, policies,
# negations, counters.
iptables -L
iptables -S
iptables -A INPUT -s 10.0.0.0/8 -j DROP
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -I INPUT -p icmp -j ACCEPT
iptables -I INPUT 2 -s 192.168.1.3 -j REJECT
iptables -L INPUT
iptables -L INPUT -n --line-numbers
iptables -R INPUT 2 -s 192.168.1.3 -p tcp -j REJECT --reject-with tcp-reset
iptables -D INPUT -i lo -j ACCEPT
iptables -D INPUT 1
iptables -N web
iptables -A web -p tcp --dport 80 -j ACCEPT
iptables -A web -p tcp --dport 443 -j ACCEPT
iptables -A web -j RETURN
iptables -A INPUT -p tcp -j web
iptables -A INPUT -p tcp -m multiport --dports 8080,8443 -j ACCEPT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -L -n
iptables -L web
iptables -S web
iptables -A OUTPUT -d 192.168.1.3 -p icmp -j DROP
ping -c 1 -W 1 192.168.1.3
iptables -A OUTPUT -d 192.168.1.1 -p icmp -j REJECT
ping -c 1 -W 1 192.168.1.1
iptables -L OUTPUT -n -v --line-numbers
iptables -Z
iptables -L OUTPUT -n -v
iptables -A FORWARD ! -s 192.168.15.0/24 -o eth0 -j DROP
iptables -A FORWARD -i v-net-0 ! -o v-net-0 -j ACCEPT
iptables -A FORWARD -p tcp ! --dport 22 -d 192.168.15.2 -j ACCEPT
iptables -P FORWARD DROP
iptables -L FORWARD -n -v
iptables-save
iptables -F INPUT
iptables -F
iptables -X web
iptables -X
iptables -P FORWARD ACCEPT
iptables -L -n -x -v
