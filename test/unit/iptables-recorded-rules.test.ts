/**
 * iptables transcripts recorded on real Linux (rules, matches and targets as -L, -S and iptables-save print them): Debian 12, iptables 1.8.9 (nf_tables),
 * kernel 6.18, each in a private network namespace whose /etc/hosts is the bare world's and whose
 * resolver answers nothing. Replayed command by command on a fresh bare world; dates are the only
 * field normalised.
 */
import { replayTranscripts } from './iptables-replay.helper.test';

replayTranscripts('iptables recorded: rules', [
  [
    't3',
    `$ iptables -N DOCKER
[exit 0]

$ iptables -N very-long-chain-name-abcdefghijkl
iptables v1.8.9 (nf_tables): chain name \`very-long-chain-name-abcdefghijkl' too long (must be under 29 chars)
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -c 5 300 -i lo -j ACCEPT
[exit 0]

$ iptables -A INPUT -c 12345 1234567 ! -i eth0 -p udp ! --sport 53 -j DROP
[exit 0]

$ iptables -A INPUT -c 999999 99999 -i verylongifname0 -j DOCKER
[exit 0]

$ iptables -A INPUT -c 100000 100000 -s 127.0.0.1 -d 192.168.1.2 -j ACCEPT
[exit 0]

$ iptables -A INPUT -c 1000000 10000000 -s 127.0.1.1/32 ! -d 192.168.1.0/255.255.255.0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -c 123456789 12345678901 -s 10.1.2.3/255.0.255.0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -c 99999 99999999999999 ! -p tcp -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 3/1 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp ! --icmp-type any -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --sport 1024:65535 --dport 443 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport :1023 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 1024: -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp ! --dport 22:22 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --dport 0:65535 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m conntrack --ctstate NEW,INVALID,UNTRACKED,SNAT,DNAT -j ACCEPT
[exit 0]

$ iptables -A INPUT -m conntrack ! --ctstate ESTABLISHED -j ACCEPT
[exit 0]

$ iptables -A INPUT -m addrtype --dst-type LOCAL -j DOCKER
[exit 0]

$ iptables -A INPUT -m addrtype ! --dst-type LOCAL --src-type UNICAST -j DOCKER
[exit 0]

$ iptables -A INPUT -m comment --comment "hello world" -j ACCEPT
[exit 0]

$ iptables -A INPUT -m comment --comment hi -p tcp --dport 80 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m tcp --dport 80 -m comment --comment x -j ACCEPT
[exit 0]

$ iptables -A INPUT -j LOG
[exit 0]

$ iptables -A INPUT -j LOG --log-prefix "IN: " --log-level 4
[exit 0]

$ iptables -A INPUT -j LOG --log-prefix drop
[exit 0]

$ iptables -A INPUT -j REJECT
[exit 0]

$ iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-net-unreachable
[exit 0]

$ iptables -A INPUT -g DOCKER
[exit 0]

$ iptables -A INPUT -j RETURN
[exit 0]

$ iptables -A INPUT
[exit 0]

$ iptables -A INPUT -p all
[exit 0]

$ iptables -A INPUT -p 6
[exit 0]

$ iptables -A INPUT -p 47
[exit 0]

$ iptables -A DOCKER -j RETURN
[exit 0]

$ iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --to-ports 1000-2000
iptables v1.8.9 (nf_tables): Need TCP, UDP, SCTP or DCCP with port specification
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A POSTROUTING -p tcp -o eth0 -j MASQUERADE --to-ports 1000-2000
[exit 0]

$ iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
[exit 0]

$ iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10
[exit 0]

$ iptables -t nat -A POSTROUTING -p tcp -o eth0 -j SNAT --to-source 1.2.3.4:1000-2000
[exit 0]

$ iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.1
[exit 0]

$ iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to 10.0.0.1:80
[exit 0]

$ iptables -t nat -A PREROUTING -p tcp -m addrtype --dst-type LOCAL -j DNAT --to-destination :8080
[exit 0]

$ iptables -t nat -A OUTPUT -p tcp ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables v1.8.9 (nf_tables): Chain 'DOCKER' does not exist
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -N DOCKER
[exit 0]

$ iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
[exit 0]

$ iptables -t nat -A PREROUTING -j REDIRECT --to-ports 3128
iptables v1.8.9 (nf_tables): Need TCP, UDP, SCTP or DCCP with port specification
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -L
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     all  --  anywhere             anywhere            
DROP       udp  --  anywhere             anywhere             udp spt:!domain
DOCKER     all  --  anywhere             anywhere            
ACCEPT     all  --  localhost            192.168.1.2         
ACCEPT     all  --  host                !192.168.1.0/24      
ACCEPT     all  --  10.0.2.0/255.0.255.0  anywhere            
ACCEPT    !tcp  --  anywhere             anywhere            
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request
ACCEPT     icmp --  anywhere             anywhere             icmp host-unreachable
ACCEPT     icmp --  anywhere             anywhere             icmp !any
ACCEPT     tcp  --  anywhere             anywhere             tcp spts:1024:65535 dpt:https
ACCEPT     tcp  --  anywhere             anywhere             tcp dpts:0:1023
ACCEPT     tcp  --  anywhere             anywhere             tcp dpts:1024:65535
ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:!ssh
ACCEPT     udp  --  anywhere             anywhere             udp
ACCEPT     all  --  anywhere             anywhere             ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT
ACCEPT     all  --  anywhere             anywhere             ! ctstate ESTABLISHED
DOCKER     all  --  anywhere             anywhere             ADDRTYPE match dst-type LOCAL
DOCKER     all  --  anywhere             anywhere             ADDRTYPE match src-type UNICAST dst-type !LOCAL
ACCEPT     all  --  anywhere             anywhere             /* hello world */
ACCEPT     tcp  --  anywhere             anywhere             /* hi */ tcp dpt:http
ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:http /* x */
LOG        all  --  anywhere             anywhere             LOG level warn
LOG        all  --  anywhere             anywhere             LOG level warn prefix "IN: "
LOG        all  --  anywhere             anywhere             LOG level warn prefix "drop"
REJECT     all  --  anywhere             anywhere             reject-with icmp-port-unreachable
REJECT     tcp  --  anywhere             anywhere             reject-with tcp-reset
REJECT     all  --  anywhere             anywhere             reject-with icmp-net-unreachable
DOCKER     all  --  anywhere             anywhere            [goto] 
RETURN     all  --  anywhere             anywhere            
           all  --  anywhere             anywhere            
           all  --  anywhere             anywhere            
           tcp  --  anywhere             anywhere            
           gre  --  anywhere             anywhere            

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         

Chain DOCKER (4 references)
target     prot opt source               destination         
RETURN     all  --  anywhere             anywhere            
[exit 0]

$ iptables -L -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    5   300 ACCEPT     all  --  lo     any     anywhere             anywhere            
12345 1235K DROP       udp  --  !eth0  any     anywhere             anywhere             udp spt:!domain
1000K 99999 DOCKER     all  --  verylongifname0 any     anywhere             anywhere            
 100K  100K ACCEPT     all  --  any    any     localhost            192.168.1.2         
1000K   10M ACCEPT     all  --  any    any     host                !192.168.1.0/24      
 123M   12G ACCEPT     all  --  any    any     10.0.2.0/255.0.255.0  anywhere            
99999  100T ACCEPT    !tcp  --  any    any     anywhere             anywhere            
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp echo-request
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp echo-request
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp host-unreachable
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp !any
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp spts:1024:65535 dpt:https
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpts:0:1023
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpts:1024:65535
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpt:!ssh
    0     0 ACCEPT     udp  --  any    any     anywhere             anywhere             udp
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             ! ctstate ESTABLISHED
    0     0 DOCKER     all  --  any    any     anywhere             anywhere             ADDRTYPE match dst-type LOCAL
    0     0 DOCKER     all  --  any    any     anywhere             anywhere             ADDRTYPE match src-type UNICAST dst-type !LOCAL
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             /* hello world */
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             /* hi */ tcp dpt:http
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpt:http /* x */
    0     0 LOG        all  --  any    any     anywhere             anywhere             LOG level warn
    0     0 LOG        all  --  any    any     anywhere             anywhere             LOG level warn prefix "IN: "
    0     0 LOG        all  --  any    any     anywhere             anywhere             LOG level warn prefix "drop"
    0     0 REJECT     all  --  any    any     anywhere             anywhere             reject-with icmp-port-unreachable
    0     0 REJECT     tcp  --  any    any     anywhere             anywhere             reject-with tcp-reset
    0     0 REJECT     all  --  any    any     anywhere             anywhere             reject-with icmp-net-unreachable
    0     0 DOCKER     all  --  any    any     anywhere             anywhere            [goto] 
    0     0 RETURN     all  --  any    any     anywhere             anywhere            
    0     0            all  --  any    any     anywhere             anywhere            
    0     0            all  --  any    any     anywhere             anywhere            
    0     0            tcp  --  any    any     anywhere             anywhere            
    0     0            gre  --  any    any     anywhere             anywhere            

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain DOCKER (4 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     all  --  any    any     anywhere             anywhere            
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    5   300 ACCEPT     0    --  lo     *       0.0.0.0/0            0.0.0.0/0           
12345 1235K DROP       17   --  !eth0  *       0.0.0.0/0            0.0.0.0/0            udp spt:!53
1000K 99999 DOCKER     0    --  verylongifname0 *       0.0.0.0/0            0.0.0.0/0           
 100K  100K ACCEPT     0    --  *      *       127.0.0.1            192.168.1.2         
1000K   10M ACCEPT     0    --  *      *       127.0.1.1           !192.168.1.0/24      
 123M   12G ACCEPT     0    --  *      *       10.0.2.0/255.0.255.0  0.0.0.0/0           
99999  100T ACCEPT    !6    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8
    0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8
    0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 3 code 1
    0     0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmp !type 255
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spts:1024:65535 dpt:443
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpts:0:1023
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpts:1024:65535
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:!22
    0     0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            udp
    0     0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT
    0     0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ! ctstate ESTABLISHED
    0     0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL
    0     0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match src-type UNICAST dst-type !LOCAL
    0     0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            /* hello world */
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            /* hi */ tcp dpt:80
    0     0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:80 /* x */
    0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4
    0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "IN: "
    0     0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "drop"
    0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable
    0     0 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with tcp-reset
    0     0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-unreachable
    0     0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] 
    0     0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            6    --  *      *       0.0.0.0/0            0.0.0.0/0           
    0     0            47   --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain DOCKER (4 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
[exit 0]

$ iptables -L -n -x -v --line-numbers
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
num      pkts      bytes target     prot opt in     out     source               destination         
1           5      300 ACCEPT     0    --  lo     *       0.0.0.0/0            0.0.0.0/0           
2       12345  1234567 DROP       17   --  !eth0  *       0.0.0.0/0            0.0.0.0/0            udp spt:!53
3      999999    99999 DOCKER     0    --  verylongifname0 *       0.0.0.0/0            0.0.0.0/0           
4      100000   100000 ACCEPT     0    --  *      *       127.0.0.1            192.168.1.2         
5     1000000 10000000 ACCEPT     0    --  *      *       127.0.1.1           !192.168.1.0/24      
6    123456789 12345678901 ACCEPT     0    --  *      *       10.0.2.0/255.0.255.0  0.0.0.0/0           
7       99999 99999999999999 ACCEPT    !6    --  *      *       0.0.0.0/0            0.0.0.0/0           
8           0        0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8
9           0        0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8
10          0        0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 3 code 1
11          0        0 ACCEPT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmp !type 255
12          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spts:1024:65535 dpt:443
13          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpts:0:1023
14          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpts:1024:65535
15          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:!22
16          0        0 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0            udp
17          0        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT
18          0        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ! ctstate ESTABLISHED
19          0        0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL
20          0        0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match src-type UNICAST dst-type !LOCAL
21          0        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            /* hello world */
22          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            /* hi */ tcp dpt:80
23          0        0 ACCEPT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:80 /* x */
24          0        0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4
25          0        0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "IN: "
26          0        0 LOG        0    --  *      *       0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "drop"
27          0        0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable
28          0        0 REJECT     6    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with tcp-reset
29          0        0 REJECT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-unreachable
30          0        0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0           [goto] 
31          0        0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
32          0        0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
33          0        0            0    --  *      *       0.0.0.0/0            0.0.0.0/0           
34          0        0            6    --  *      *       0.0.0.0/0            0.0.0.0/0           
35          0        0            47   --  *      *       0.0.0.0/0            0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
num      pkts      bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
num      pkts      bytes target     prot opt in     out     source               destination         

Chain DOCKER (4 references)
num      pkts      bytes target     prot opt in     out     source               destination         
1           0        0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
[exit 0]

$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N DOCKER
-A INPUT -i lo -j ACCEPT
-A INPUT ! -i eth0 -p udp -m udp ! --sport 53 -j DROP
-A INPUT -i verylongifname0 -j DOCKER
-A INPUT -s 127.0.0.1/32 -d 192.168.1.2/32 -j ACCEPT
-A INPUT -s 127.0.1.1/32 ! -d 192.168.1.0/24 -j ACCEPT
-A INPUT -s 10.0.2.0/255.0.255.0 -j ACCEPT
-A INPUT ! -p tcp -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/1 -j ACCEPT
-A INPUT -p icmp -m icmp ! --icmp-type any -j ACCEPT
-A INPUT -p tcp -m tcp --sport 1024:65535 --dport 443 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 0:1023 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 1024:65535 -j ACCEPT
-A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT
-A INPUT -p udp -m udp -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT -j ACCEPT
-A INPUT -m conntrack ! --ctstate ESTABLISHED -j ACCEPT
-A INPUT -m addrtype --dst-type LOCAL -j DOCKER
-A INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL -j DOCKER
-A INPUT -m comment --comment "hello world" -j ACCEPT
-A INPUT -p tcp -m comment --comment hi -m tcp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -m comment --comment x -j ACCEPT
-A INPUT -j LOG
-A INPUT -j LOG --log-prefix "IN: "
-A INPUT -j LOG --log-prefix drop
-A INPUT -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p tcp -j REJECT --reject-with tcp-reset
-A INPUT -j REJECT --reject-with icmp-net-unreachable
-A INPUT -g DOCKER
-A INPUT -j RETURN
-A INPUT
-A INPUT
-A INPUT -p tcp
-A INPUT -p gre
-A DOCKER -j RETURN
[exit 0]

$ iptables -S -v
-P INPUT ACCEPT -c 0 0
-P FORWARD ACCEPT -c 0 0
-P OUTPUT ACCEPT -c 0 0
-N DOCKER
-A INPUT -i lo -c 5 300 -j ACCEPT
-A INPUT ! -i eth0 -p udp -m udp ! --sport 53 -c 12345 1234567 -j DROP
-A INPUT -i verylongifname0 -c 999999 99999 -j DOCKER
-A INPUT -s 127.0.0.1/32 -d 192.168.1.2/32 -c 100000 100000 -j ACCEPT
-A INPUT -s 127.0.1.1/32 ! -d 192.168.1.0/24 -c 1000000 10000000 -j ACCEPT
-A INPUT -s 10.0.2.0/255.0.255.0 -c 123456789 12345678901 -j ACCEPT
-A INPUT ! -p tcp -c 99999 99999999999999 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -c 0 0 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -c 0 0 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/1 -c 0 0 -j ACCEPT
-A INPUT -p icmp -m icmp ! --icmp-type any -c 0 0 -j ACCEPT
-A INPUT -p tcp -m tcp --sport 1024:65535 --dport 443 -c 0 0 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 0:1023 -c 0 0 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 1024:65535 -c 0 0 -j ACCEPT
-A INPUT -p tcp -m tcp ! --dport 22 -c 0 0 -j ACCEPT
-A INPUT -p udp -m udp -c 0 0 -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT -c 0 0 -j ACCEPT
-A INPUT -m conntrack ! --ctstate ESTABLISHED -c 0 0 -j ACCEPT
-A INPUT -m addrtype --dst-type LOCAL -c 0 0 -j DOCKER
-A INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL -c 0 0 -j DOCKER
-A INPUT -m comment --comment "hello world" -c 0 0 -j ACCEPT
-A INPUT -p tcp -m comment --comment hi -m tcp --dport 80 -c 0 0 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -m comment --comment x -c 0 0 -j ACCEPT
-A INPUT -c 0 0 -j LOG
-A INPUT -c 0 0 -j LOG --log-prefix "IN: "
-A INPUT -c 0 0 -j LOG --log-prefix drop
-A INPUT -c 0 0 -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p tcp -c 0 0 -j REJECT --reject-with tcp-reset
-A INPUT -c 0 0 -j REJECT --reject-with icmp-net-unreachable
-A INPUT -c 0 0 -g DOCKER
-A INPUT -c 0 0 -j RETURN
-A INPUT -c 0 0
-A INPUT -c 0 0
-A INPUT -p tcp -c 0 0
-A INPUT -p gre -c 0 0
-A DOCKER -c 0 0 -j RETURN
[exit 0]

$ iptables -t nat -L
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         
DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:10.0.0.1
DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:10.0.0.1:80
DNAT       tcp  --  anywhere             anywhere             ADDRTYPE match dst-type LOCAL to::8080

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
DOCKER     all  --  anywhere            !loopback/8           ADDRTYPE match dst-type LOCAL

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
MASQUERADE  tcp  --  anywhere             anywhere             masq ports: 1000-2000
SNAT       all  --  anywhere             anywhere             to:1.2.3.4
SNAT       all  --  anywhere             anywhere             to:1.2.3.4-1.2.3.10
SNAT       tcp  --  anywhere             anywhere             to:1.2.3.4:1000-2000

Chain DOCKER (1 references)
target     prot opt source               destination         
[exit 0]

$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:10.0.0.1
    0     0 DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:10.0.0.1:80
    0     0 DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL to::8080

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DOCKER     0    --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  6    --  *      eth0    0.0.0.0/0            0.0.0.0/0            masq ports: 1000-2000
    0     0 SNAT       0    --  *      eth0    0.0.0.0/0            0.0.0.0/0            to:1.2.3.4
    0     0 SNAT       0    --  *      eth0    0.0.0.0/0            0.0.0.0/0            to:1.2.3.4-1.2.3.10
    0     0 SNAT       6    --  *      eth0    0.0.0.0/0            0.0.0.0/0            to:1.2.3.4:1000-2000

Chain DOCKER (1 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1:80
-A PREROUTING -p tcp -m addrtype --dst-type LOCAL -j DNAT --to-destination :8080
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -o eth0 -p tcp -j MASQUERADE --to-ports 1000-2000
-A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
-A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10
-A POSTROUTING -o eth0 -p tcp -j SNAT --to-source 1.2.3.4:1000-2000
[exit 0]

$ iptables-save
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Nov 24 14:11:19 2026
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT ! -i eth0 -p udp -m udp ! --sport 53 -j DROP
-A INPUT -i verylongifname0 -j DOCKER
-A INPUT -s 127.0.0.1/32 -d 192.168.1.2/32 -j ACCEPT
-A INPUT -s 127.0.1.1/32 ! -d 192.168.1.0/24 -j ACCEPT
-A INPUT -s 10.0.2.0/255.0.255.0 -j ACCEPT
-A INPUT ! -p tcp -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/1 -j ACCEPT
-A INPUT -p icmp -m icmp ! --icmp-type any -j ACCEPT
-A INPUT -p tcp -m tcp --sport 1024:65535 --dport 443 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 0:1023 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 1024:65535 -j ACCEPT
-A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT
-A INPUT -p udp -m udp -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT -j ACCEPT
-A INPUT -m conntrack ! --ctstate ESTABLISHED -j ACCEPT
-A INPUT -m addrtype --dst-type LOCAL -j DOCKER
-A INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL -j DOCKER
-A INPUT -m comment --comment "hello world" -j ACCEPT
-A INPUT -p tcp -m comment --comment hi -m tcp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -m comment --comment x -j ACCEPT
-A INPUT -j LOG
-A INPUT -j LOG --log-prefix "IN: "
-A INPUT -j LOG --log-prefix drop
-A INPUT -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p tcp -j REJECT --reject-with tcp-reset
-A INPUT -j REJECT --reject-with icmp-net-unreachable
-A INPUT -g DOCKER
-A INPUT -j RETURN
-A INPUT
-A INPUT
-A INPUT -p tcp
-A INPUT -p gre
-A DOCKER -j RETURN
COMMIT
# Completed on Tue Nov 24 14:11:19 2026
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Nov 24 14:11:19 2026
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1:80
-A PREROUTING -p tcp -m addrtype --dst-type LOCAL -j DNAT --to-destination :8080
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -o eth0 -p tcp -j MASQUERADE --to-ports 1000-2000
-A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
-A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10
-A POSTROUTING -o eth0 -p tcp -j SNAT --to-source 1.2.3.4:1000-2000
COMMIT
# Completed on Tue Nov 24 14:11:19 2026
[exit 0]

$ iptables-save -c
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Nov 24 14:11:19 2026
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
[5:300] -A INPUT -i lo -j ACCEPT
[12345:1234567] -A INPUT ! -i eth0 -p udp -m udp ! --sport 53 -j DROP
[999999:99999] -A INPUT -i verylongifname0 -j DOCKER
[100000:100000] -A INPUT -s 127.0.0.1/32 -d 192.168.1.2/32 -j ACCEPT
[1000000:10000000] -A INPUT -s 127.0.1.1/32 ! -d 192.168.1.0/24 -j ACCEPT
[123456789:12345678901] -A INPUT -s 10.0.2.0/255.0.255.0 -j ACCEPT
[99999:99999999999999] -A INPUT ! -p tcp -j ACCEPT
[0:0] -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
[0:0] -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
[0:0] -A INPUT -p icmp -m icmp --icmp-type 3/1 -j ACCEPT
[0:0] -A INPUT -p icmp -m icmp ! --icmp-type any -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp --sport 1024:65535 --dport 443 -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp --dport 0:1023 -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp --dport 1024:65535 -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT
[0:0] -A INPUT -p udp -m udp -j ACCEPT
[0:0] -A INPUT -m conntrack --ctstate INVALID,NEW,UNTRACKED,SNAT,DNAT -j ACCEPT
[0:0] -A INPUT -m conntrack ! --ctstate ESTABLISHED -j ACCEPT
[0:0] -A INPUT -m addrtype --dst-type LOCAL -j DOCKER
[0:0] -A INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL -j DOCKER
[0:0] -A INPUT -m comment --comment "hello world" -j ACCEPT
[0:0] -A INPUT -p tcp -m comment --comment hi -m tcp --dport 80 -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp --dport 80 -m comment --comment x -j ACCEPT
[0:0] -A INPUT -j LOG
[0:0] -A INPUT -j LOG --log-prefix "IN: "
[0:0] -A INPUT -j LOG --log-prefix drop
[0:0] -A INPUT -j REJECT --reject-with icmp-port-unreachable
[0:0] -A INPUT -p tcp -j REJECT --reject-with tcp-reset
[0:0] -A INPUT -j REJECT --reject-with icmp-net-unreachable
[0:0] -A INPUT -g DOCKER
[0:0] -A INPUT -j RETURN
[0:0] -A INPUT
[0:0] -A INPUT
[0:0] -A INPUT -p tcp
[0:0] -A INPUT -p gre
[0:0] -A DOCKER -j RETURN
COMMIT
# Completed on Tue Nov 24 14:11:19 2026
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Nov 24 14:11:19 2026
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
[0:0] -A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1
[0:0] -A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.1:80
[0:0] -A PREROUTING -p tcp -m addrtype --dst-type LOCAL -j DNAT --to-destination :8080
[0:0] -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
[0:0] -A POSTROUTING -o eth0 -p tcp -j MASQUERADE --to-ports 1000-2000
[0:0] -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
[0:0] -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10
[0:0] -A POSTROUTING -o eth0 -p tcp -j SNAT --to-source 1.2.3.4:1000-2000
COMMIT
# Completed on Tue Nov 24 14:11:19 2026
[exit 0]

`,
  ],
  [
    't8',
    `$ iptables -A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp -m multiport ! --sports 53,67 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m multiport --ports 22 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m multiport --dports 80 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport needs \`-p tcp', \`-p udp', \`-p udplite', \`-p sctp' or \`-p dccp'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dports 80 --sports 22 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport: option "--source-ports" cannot be used together with "--destination-ports".

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport -j ACCEPT
iptables v1.8.9 (nf_tables): multiport expection an option
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT
iptables v1.8.9 (nf_tables): too many ports specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
[exit 0]

$ iptables -A INPUT -m state --state FOO -j ACCEPT
iptables v1.8.9 (nf_tables): Bad state "FOO"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m conntrack --ctstate FOO -j ACCEPT
iptables v1.8.9 (nf_tables): Bad ctstate "FOO"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m conntrack -j ACCEPT
iptables v1.8.9 (nf_tables): conntrack: At least one option is required
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m icmp --icmp-type 8 -j ACCEPT
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT
[exit 4]

$ iptables -A INPUT -m tcp --dport 22 -j ACCEPT
iptables v1.8.9 (nf_tables): TCP match requires '-p tcp'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p udp -m tcp --dport 22 -j ACCEPT
iptables v1.8.9 (nf_tables): TCP match requires '-p tcp'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type foo -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown ICMP type \`foo'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type 300 -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown ICMP type \`300'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m addrtype --dst-type FOO -j ACCEPT
iptables v1.8.9 (nf_tables): addrtype: bad type "FOO"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m addrtype --dst-type LOCAL,BROADCAST -j ACCEPT
[exit 0]

$ iptables -A INPUT -m addrtype -j ACCEPT
iptables v1.8.9 (nf_tables): addrtype: you must specify --src-type or --dst-type
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m foo -j ACCEPT
iptables v1.8.9 (nf_tables): Couldn't load match \`foo':No such file or directory

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m comment -j ACCEPT
iptables v1.8.9 (nf_tables): comment: option "--comment" must be specified

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m comment --comment 'a"b\\c' -j ACCEPT
[exit 0]

$ iptables -A INPUT -m comment --comment '' -j ACCEPT
[exit 0]

$ iptables -A INPUT -j LOG --log-level debug
[exit 0]

$ iptables -A INPUT -j LOG --log-level 0
[exit 0]

$ iptables -A INPUT -j LOG --log-level 1
[exit 0]

$ iptables -A INPUT -j LOG --log-level 2
[exit 0]

$ iptables -A INPUT -j LOG --log-level 3
[exit 0]

$ iptables -A INPUT -j LOG --log-level 5
[exit 0]

$ iptables -A INPUT -j LOG --log-level 6
[exit 0]

$ iptables -A INPUT -j LOG --log-level 7
[exit 0]

$ iptables -A INPUT -j LOG --log-level 8
iptables v1.8.9 (nf_tables): log level "8" unknown

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -j LOG --log-level warning
[exit 0]

$ iptables -A INPUT -j LOG --log-level foo
iptables v1.8.9 (nf_tables): log level "foo" unknown

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -j LOG --log-prefix 012345678901234567890123456789
[exit 0]

$ iptables -A INPUT -j LOG --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid
[exit 0]

$ iptables -A INPUT -p tcp -j REJECT --reject-with tcp-rst
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with tcp-reset
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT
[exit 4]

$ iptables -A INPUT -j REJECT --reject-with host-prohib
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-proto-unreachable
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-net-prohibited
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-host-unreachable
[exit 0]

$ iptables -L INPUT
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     tcp  --  anywhere             anywhere             multiport dports http,https,8000:http-alt
ACCEPT     udp  --  anywhere             anywhere             multiport sports  !domain,bootps
ACCEPT     tcp  --  anywhere             anywhere             multiport ports ssh
ACCEPT     all  --  anywhere             anywhere             state NEW,ESTABLISHED
ACCEPT     all  --  anywhere             anywhere             ADDRTYPE match dst-type LOCAL,BROADCAST
ACCEPT     all  --  anywhere             anywhere             /* a"b\\c */
ACCEPT     all  --  anywhere             anywhere             /*  */
LOG        all  --  anywhere             anywhere             LOG level debug
LOG        all  --  anywhere             anywhere             LOG level emerg
LOG        all  --  anywhere             anywhere             LOG level alert
LOG        all  --  anywhere             anywhere             LOG level crit
LOG        all  --  anywhere             anywhere             LOG level err
LOG        all  --  anywhere             anywhere             LOG level notice
LOG        all  --  anywhere             anywhere             LOG level info
LOG        all  --  anywhere             anywhere             LOG level debug
LOG        all  --  anywhere             anywhere             LOG level warn
LOG        all  --  anywhere             anywhere             LOG level warn prefix "01234567890123456789012345678"
LOG        all  --  anywhere             anywhere             LOG level warn tcp-sequence tcp-options ip-options uid
REJECT     tcp  --  anywhere             anywhere             reject-with tcp-reset
REJECT     all  --  anywhere             anywhere             reject-with icmp-host-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-proto-unreachable
REJECT     all  --  anywhere             anywhere             reject-with icmp-admin-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-net-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-host-unreachable
[exit 0]

$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            multiport dports 80,443,8000:8080
ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            multiport sports  !53,67
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            multiport ports 22
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            state NEW,ESTABLISHED
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL,BROADCAST
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            /* a"b\\c */
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            /*  */
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 7
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 0
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 1
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 2
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 3
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 5
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 6
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 7
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "01234567890123456789012345678"
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 15 level 4
REJECT     6    --  0.0.0.0/0            0.0.0.0/0            reject-with tcp-reset
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-proto-unreachable
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-admin-prohibited
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-prohibited
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-unreachable
[exit 0]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
-A INPUT -p udp -m multiport ! --sports 53,67 -j ACCEPT
-A INPUT -p tcp -m multiport --ports 22 -j ACCEPT
-A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
-A INPUT -m addrtype --dst-type LOCAL,BROADCAST -j ACCEPT
-A INPUT -m comment --comment "a\\"b\\\\c" -j ACCEPT
-A INPUT -m comment --comment "" -j ACCEPT
-A INPUT -j LOG --log-level 7
-A INPUT -j LOG --log-level 0
-A INPUT -j LOG --log-level 1
-A INPUT -j LOG --log-level 2
-A INPUT -j LOG --log-level 3
-A INPUT -j LOG --log-level 5
-A INPUT -j LOG --log-level 6
-A INPUT -j LOG --log-level 7
-A INPUT -j LOG
-A INPUT -j LOG --log-prefix 01234567890123456789012345678
-A INPUT -j LOG --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid
-A INPUT -p tcp -j REJECT --reject-with tcp-reset
-A INPUT -j REJECT --reject-with icmp-host-prohibited
-A INPUT -j REJECT --reject-with icmp-proto-unreachable
-A INPUT -j REJECT --reject-with icmp-admin-prohibited
-A INPUT -j REJECT --reject-with icmp-net-prohibited
-A INPUT -j REJECT --reject-with icmp-host-unreachable
[exit 0]

`,
  ],
  [
    't13',
    `$ iptables -t foo -A INPUT -s 300.1.1.1
iptables v1.8.9 (nf_tables): host/network \`300.1.1.1' not found
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t foo -A INPUT -o eth0
iptables v1.8.9 (nf_tables): Can't use -o with INPUT

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t foo -N abcdefghijklmnopqrstuvwxyz1234
iptables v1.8.9 (nf_tables): chain name \`abcdefghijklmnopqrstuvwxyz1234' too long (must be under 29 chars)
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t foo -A abcdefghijklmnopqrstuvwxyz1234 -j ACCEPT
iptables v1.8.9 (nf_tables): chain name \`abcdefghijklmnopqrstuvwxyz1234' too long (must be under 29 chars)
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A abcdefghijklmnopqrstuvwxyz1234 -j ACCEPT
iptables v1.8.9 (nf_tables): chain name \`abcdefghijklmnopqrstuvwxyz1234' too long (must be under 29 chars)
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dport 22 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m multiport --dports 22 --dport 23 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport: option "--destination-ports" can only be used once.

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m tcp -m multiport --dport 22 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport expection an option
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m tcp -p tcp --dport 22 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m tcp -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 22 -m tcp --sport 5 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m udp --dport 22 -j ACCEPT
iptables v1.8.9 (nf_tables): UDP match requires '-p udp'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`-j' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport 22 --syn -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --syn -j ACCEPT
iptables v1.8.9 (nf_tables): unknown option "--syn"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit 5/min -j ACCEPT
[exit 0]

$ iptables -A INPUT -m mac --mac-source aa:bb:cc:dd:ee:ff -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type echo-request -m icmp --icmp-type 0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type echo-request --icmp-type 0 -j ACCEPT
iptables v1.8.9 (nf_tables): icmp: option "--icmp-type" can only be used once.

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport 1:2:3 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`2:3' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport 1-2 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`1-2' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport " 22" -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 022 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 0x16 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 65535 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport "" -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --dport : -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport SSH -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`SSH' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p udp --dport domain -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --dport ssh -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --dport 22 -j ACCEPT
[exit 0]

$ iptables -N A
[exit 0]

$ iptables -N B
[exit 0]

$ iptables -A A -j B
[exit 0]

$ iptables -A B -j A
[exit 0]

$ iptables -A INPUT -j A
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT
[exit 4]

$ iptables -F B
[exit 0]

$ iptables -A INPUT -j A
[exit 0]

$ iptables -A B -j A
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain B
[exit 4]

$ iptables -A B -j RETURN
[exit 0]

$ iptables -D A -j B
[exit 0]

$ iptables -X A
iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain A
[exit 4]

$ iptables -X B
iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain B
[exit 4]

$ iptables -X
iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain A
[exit 4]

$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N A
-N B
-A INPUT -p tcp -m multiport --dports 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp -j ACCEPT
-A INPUT -p tcp -m tcp --sport 5 --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT
-A INPUT -p tcp -m tcp --tcp-flags SYN,ACK SYN -j ACCEPT
-A INPUT -m limit --limit 5/min -j ACCEPT
-A INPUT -m mac --mac-source aa:bb:cc:dd:ee:ff -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -m icmp --icmp-type 0 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 18 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 65535 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 0 -j ACCEPT
-A INPUT -p tcp -m tcp -j ACCEPT
-A INPUT -p udp -m udp --dport 53 -j ACCEPT
-A INPUT -p udp -m udp --dport 22 -j ACCEPT
-A INPUT -p udp -m udp --dport 22 -j ACCEPT
-A INPUT -j A
-A B -j RETURN
[exit 0]

$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            multiport dports 22
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp spt:5 dpt:22
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22 flags:0x17/0x02
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:0x12/0x02
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 5/min burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            MAC aa:bb:cc:dd:ee:ff
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8 icmptype 0
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:18
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:65535
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:0
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp
ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:53
ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:22
ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:22
A          0    --  0.0.0.0/0            0.0.0.0/0           
[exit 0]

`,
  ],
  [
    't14b',
    `$ iptables -A INPUT -m state ! --state NEW -j ACCEPT
[exit 0]

$ iptables -A INPUT -m addrtype ! --src-type LOCAL -j ACCEPT
[exit 0]

$ iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-in -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp ! --syn -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp ! --tcp-flags ALL NONE -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --tcp-flags FOO SYN -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown TCP flag \`FOO'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -j LOG --log-level 4 --log-prefix "x"
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 3 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 11/0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 8/0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 3/99 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type 42 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type ping -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type echo -j ACCEPT
iptables v1.8.9 (nf_tables): Ambiguous ICMP type \`echo': \`echo-reply' or \`echo-request'?
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type port-unreachable -j ACCEPT
[exit 0]

$ iptables -A INPUT -f -j ACCEPT
[exit 0]

$ iptables -A INPUT ! -f -j ACCEPT
[exit 0]

$ iptables -A INPUT -m comment --comment aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa -j ACCEPT
[exit 0]

$ iptables -L INPUT
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     all  --  anywhere             anywhere             ! state NEW
ACCEPT     all  --  anywhere             anywhere             ADDRTYPE match src-type !LOCAL
ACCEPT     all  --  anywhere             anywhere             ADDRTYPE match src-type LOCAL limit-in
ACCEPT     tcp  --  anywhere             anywhere             tcp flags:!FIN,SYN,RST,ACK/SYN
ACCEPT     tcp  --  anywhere             anywhere             tcp flags:!FIN,SYN,RST,PSH,ACK,URG/NONE
LOG        all  --  anywhere             anywhere             LOG level warn prefix "x"
ACCEPT     icmp --  anywhere             anywhere             icmp destination-unreachable
ACCEPT     icmp --  anywhere             anywhere             icmp echo-reply
ACCEPT     icmp --  anywhere             anywhere             icmp ttl-zero-during-transit
ACCEPT     icmp --  anywhere             anywhere             icmptype 8 code 0
ACCEPT     icmp --  anywhere             anywhere             icmptype 3 code 99
ACCEPT     icmp --  anywhere             anywhere             icmptype 42
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request
ACCEPT     icmp --  anywhere             anywhere             icmp port-unreachable
ACCEPT     all  -f  anywhere             anywhere            
ACCEPT     all  !f  anywhere             anywhere            
ACCEPT     all  --  anywhere             anywhere             /* aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa */
[exit 0]

$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ! state NEW
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match src-type !LOCAL
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match src-type LOCAL limit-in
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:!0x17/0x02
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            tcp flags:!0x3F/0x00
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "x"
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 3
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 0
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 11 code 0
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8 code 0
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 3 code 99
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 42
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 3 code 3
ACCEPT     0    -f  0.0.0.0/0            0.0.0.0/0           
ACCEPT     0    !f  0.0.0.0/0            0.0.0.0/0           
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            /* aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa */
[exit 0]

$ iptables -L INPUT -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             ! state NEW
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             ADDRTYPE match src-type !LOCAL
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             ADDRTYPE match src-type LOCAL limit-in
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp flags:!FIN,SYN,RST,ACK/SYN
    0     0 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp flags:!FIN,SYN,RST,PSH,ACK,URG/NONE
    0     0 LOG        all  --  any    any     anywhere             anywhere             LOG level warn prefix "x"
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp destination-unreachable
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp echo-reply
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp ttl-zero-during-transit
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmptype 8 code 0
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmptype 3 code 99
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmptype 42
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp echo-request
    0     0 ACCEPT     icmp --  any    any     anywhere             anywhere             icmp port-unreachable
    0     0 ACCEPT     all  -f  any    any     anywhere             anywhere            
    0     0 ACCEPT     all  !f  any    any     anywhere             anywhere            
    0     0 ACCEPT     all  --  any    any     anywhere             anywhere             /* aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa */
[exit 0]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -m state ! --state NEW -j ACCEPT
-A INPUT -m addrtype ! --src-type LOCAL -j ACCEPT
-A INPUT -m addrtype --src-type LOCAL --limit-iface-in -j ACCEPT
-A INPUT -p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT
-A INPUT -p tcp -m tcp ! --tcp-flags FIN,SYN,RST,PSH,ACK,URG NONE -j ACCEPT
-A INPUT -j LOG --log-prefix x
-A INPUT -p icmp -m icmp --icmp-type 3 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 0 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 11/0 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8/0 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/99 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 42 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 3/3 -j ACCEPT
-A INPUT -f -j ACCEPT
-A INPUT ! -f -j ACCEPT
-A INPUT -m comment --comment aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa -j ACCEPT
[exit 0]

`,
  ],
  [
    't20',
    `$ iptables -A INPUT -p icmp --icmp-type 3/300 -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown ICMP code \`3/300'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type 8/ -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown ICMP code \`8/'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type /1 -j ACCEPT
iptables v1.8.9 (nf_tables): Unknown ICMP type \`/1'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type "" -j ACCEPT
iptables v1.8.9 (nf_tables): Ambiguous ICMP type \`': \`any' or \`echo-reply'?
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp --icmp-type ECHO-REQUEST -j ACCEPT
[exit 0]

$ iptables -A INPUT -p icmp --icmp-type echo-req -j ACCEPT
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp-host-p
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with icmp
[exit 0]

$ iptables -A INPUT -j REJECT --reject-with TCP-RESET
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT
[exit 4]

$ iptables -A INPUT -j REJECT --reject-with port
[exit 0]

$ iptables -A INPUT -p tcp -m multiport --dports 90:80 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid portrange specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dports 80,,90 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dports foo -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`foo' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT ! -p tcp -m multiport --dports 80 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p icmp -m multiport --dports 80 -j ACCEPT
iptables v1.8.9 (nf_tables): multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:20 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --dport 90:80 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid portrange (min > max)
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m state -j ACCEPT
iptables v1.8.9 (nf_tables): state: option "--state" must be specified

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m addrtype --limit-iface-in --limit-iface-out --src-type LOCAL -j ACCEPT
iptables v1.8.9 (nf_tables): addrtype: option "--limit-iface-in" cannot be used together with "--limit-iface-out".

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4-foo
iptables v1.8.9 (nf_tables): Bad IP address "foo"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-
iptables v1.8.9 (nf_tables): Port \`' not valid
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:-80
iptables v1.8.9 (nf_tables): Port \`-80' not valid
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination :
iptables v1.8.9 (nf_tables): Port \`' not valid
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination ""
iptables v1.8.9 (nf_tables): Bad IP address ""
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80:90
iptables v1.8.9 (nf_tables): Bad IP address "1.2.3.4:80:90"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 01.2.3.4
iptables v1.8.9 (nf_tables): Bad IP address "01.2.3.4"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 90-80
iptables v1.8.9 (nf_tables): Port range \`80' funky
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 80:90
iptables v1.8.9 (nf_tables): Invalid port:port syntax - use dash
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 70000
iptables v1.8.9 (nf_tables): Port \`70000' not valid
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4 --random-fully
[exit 0]

$ iptables -t nat -A POSTROUTING -j MASQUERADE --random-fully
[exit 0]

$ iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080
[exit 0]

$ iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080-8090 --random
[exit 0]

$ iptables -t nat -A OUTPUT -p tcp -j REDIRECT
[exit 0]

$ iptables -A INPUT -j LOG --log-level 3 --log-macdecode
[exit 0]

$ iptables -A INPUT -j LOG --log-level ERR
iptables v1.8.9 (nf_tables): log level "ERR" unknown

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -j LOG --log-level " 3"
[exit 0]

$ iptables -A INPUT -j LOG --log-level panic
[exit 0]

$ iptables -A INPUT -j LOG --log-prefix "a'b"
[exit 0]

$ iptables -L INPUT
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request
ACCEPT     icmp --  anywhere             anywhere             icmp echo-request
REJECT     all  --  anywhere             anywhere             reject-with icmp-host-prohibited
REJECT     all  --  anywhere             anywhere             reject-with icmp-net-unreachable
REJECT     all  --  anywhere             anywhere             reject-with icmp-port-unreachable
ACCEPT     tcp  --  anywhere             anywhere             multiport dports tcpmux,2,3,4,5,6,echo,8,discard,10,systat,12,daytime,14,netstat
ACCEPT     tcp  --  anywhere             anywhere             multiport dports tcpmux,2,3,4,5,6,echo,8,discard,10,systat,12,daytime,14:ftp-data
LOG        all  --  anywhere             anywhere             LOG level err macdecode
LOG        all  --  anywhere             anywhere             LOG level err
LOG        all  --  anywhere             anywhere             LOG level emerg
LOG        all  --  anywhere             anywhere             LOG level warn prefix "a'b"
[exit 0]

$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
ACCEPT     1    --  0.0.0.0/0            0.0.0.0/0            icmptype 8
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-unreachable
REJECT     0    --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            multiport dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
ACCEPT     6    --  0.0.0.0/0            0.0.0.0/0            multiport dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:20
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 32 level 3
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 3
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 0
LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG flags 0 level 4 prefix "a'b"
[exit 0]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-host-prohibited
-A INPUT -j REJECT --reject-with icmp-net-unreachable
-A INPUT -j REJECT --reject-with icmp-port-unreachable
-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT
-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:20 -j ACCEPT
-A INPUT -j LOG --log-level 3 --log-macdecode
-A INPUT -j LOG --log-level 3
-A INPUT -j LOG --log-level 0
-A INPUT -j LOG --log-prefix "a\\'b"
[exit 0]

$ iptables -t nat -L -n
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   6    --  0.0.0.0/0            0.0.0.0/0            redir ports 8080
REDIRECT   6    --  0.0.0.0/0            0.0.0.0/0            redir ports 8080-8090 random

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   6    --  0.0.0.0/0            0.0.0.0/0           

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
SNAT       6    --  0.0.0.0/0            0.0.0.0/0            to:1.2.3.4 random-fully
MASQUERADE  0    --  0.0.0.0/0            0.0.0.0/0            random-fully
[exit 0]

$ iptables -t nat -L
Chain PREROUTING (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   tcp  --  anywhere             anywhere             redir ports 8080
REDIRECT   tcp  --  anywhere             anywhere             redir ports 8080-8090 random

Chain INPUT (policy ACCEPT)
target     prot opt source               destination         

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
REDIRECT   tcp  --  anywhere             anywhere            

Chain POSTROUTING (policy ACCEPT)
target     prot opt source               destination         
SNAT       tcp  --  anywhere             anywhere             to:1.2.3.4 random-fully
MASQUERADE  all  --  anywhere             anywhere             random-fully
[exit 0]

$ iptables -t nat -S
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -p tcp -j REDIRECT --to-ports 8080
-A PREROUTING -p tcp -j REDIRECT --to-ports 8080-8090 --random
-A OUTPUT -p tcp -j REDIRECT
-A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4 --random-fully
-A POSTROUTING -j MASQUERADE --random-fully
[exit 0]

`,
  ],
  [
    't23',
    `$ iptables -A INPUT -p tcp --dport bootps -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`bootps' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p udp --dport ssh -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --dport 22 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --dport 80 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m multiport --dports bootps,ssh -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`bootps' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p udp -m multiport --dports bootps,ssh,80 -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`ssh' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -p tcp --sport www -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --sport webcache -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m tcp --dport 5 -m comment --comment a -m tcp --sport 7 -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp -m tcp --dport 5 -m tcp --dport 7 -j ACCEPT
[exit 0]

$ iptables -L INPUT
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     udp  --  anywhere             anywhere             udp dpt:22
ACCEPT     udp  --  anywhere             anywhere             udp dpt:22
ACCEPT     udp  --  anywhere             anywhere             udp dpt:80
ACCEPT     tcp  --  anywhere             anywhere             tcp spt:http
ACCEPT     tcp  --  anywhere             anywhere             tcp spt:http-alt
ACCEPT     tcp  --  anywhere             anywhere             tcp spt:echo dpt:5 /* a */
ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:echo
[exit 0]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p udp -m udp --dport 22 -j ACCEPT
-A INPUT -p udp -m udp --dport 22 -j ACCEPT
-A INPUT -p udp -m udp --dport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --sport 80 -j ACCEPT
-A INPUT -p tcp -m tcp --sport 8080 -j ACCEPT
-A INPUT -p tcp -m tcp --sport 7 --dport 5 -m comment --comment a -j ACCEPT
-A INPUT -p tcp -m tcp --dport 7 -j ACCEPT
[exit 0]

`,
  ],
  [
    't24',
    `$ iptables -A INPUT -p udp --dport bootps -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --sport domain -j ACCEPT
[exit 0]

$ iptables -A INPUT -p udp --sport ntp -j ACCEPT
[exit 0]

$ iptables -A INPUT -p tcp --sport ntp -j ACCEPT
iptables v1.8.9 (nf_tables): invalid port/service \`ntp' specified
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -p udp -m udp --dport 67 -j ACCEPT
-A INPUT -p udp -m udp --sport 53 -j ACCEPT
-A INPUT -p udp -m udp --sport 123 -j ACCEPT
[exit 0]

`,
  ],
  [
    't25',
    `$ iptables -A INPUT -m limit -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 5/min -j LOG
[exit 0]

$ iptables -A INPUT -m limit --limit 10/second --limit-burst 20 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 3/h -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 1/d -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 100/s -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 7/m -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 90/min -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 20000/s -j ACCEPT
iptables v1.8.9 (nf_tables): Rate too fast "20000/s"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit 5 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit 5/week -j ACCEPT
iptables v1.8.9 (nf_tables): bad rate "5/week"'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit abc -j ACCEPT
iptables v1.8.9 (nf_tables): bad rate "abc"'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit 0/s -j ACCEPT
iptables v1.8.9 (nf_tables): bad rate "0/s"'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit 5/ -j ACCEPT
iptables v1.8.9 (nf_tables): bad rate "5/"'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit-burst 0 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m limit --limit-burst 10001 -j ACCEPT
iptables v1.8.9 (nf_tables): limit: bad value for option "--limit-burst", or out of range (0-10000).

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit-burst x -j ACCEPT
iptables v1.8.9 (nf_tables): limit: bad value for option "--limit-burst", or out of range (0-10000).

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit ! --limit 5/s -j ACCEPT
iptables v1.8.9 (nf_tables): limit: option "--limit" cannot be inverted.

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m limit --limit 5/s --limit 6/s -j ACCEPT
iptables v1.8.9 (nf_tables): limit: option "--limit" can only be used once.

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m iprange ! --dst-range 10.0.0.1-10.0.0.9 --src-range 1.1.1.1-2.2.2.2 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m iprange --src-range 10.0.0.1 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m iprange --src-range 10.0.0.9-10.0.0.1 -j ACCEPT
xt_iprange: range 10.0.0.9-10.0.0.1 is reversed and will never match
[exit 0]

$ iptables -A INPUT -m iprange --src-range foo -j ACCEPT
iptables v1.8.9 (nf_tables): iprange: Bad value for "--src-range" option: "foo"
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m iprange -j ACCEPT
iptables v1.8.9 (nf_tables): iprange match: You must specify \`--src-range' or \`--dst-range'
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -L INPUT
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     all  --  anywhere             anywhere             limit: avg 3/hour burst 5
LOG        all  --  anywhere             anywhere             limit: avg 5/min burst 5 LOG level warn
ACCEPT     all  --  anywhere             anywhere             limit: avg 10/sec burst 20
ACCEPT     all  --  anywhere             anywhere             limit: avg 3/hour burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 1/day burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 100/sec burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 7/min burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 90/min burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 5/sec burst 5
ACCEPT     all  --  anywhere             anywhere             limit: avg 3/hour burst 5
ACCEPT     all  --  anywhere             anywhere             source IP range 10.0.0.1-10.0.0.9
ACCEPT     all  --  anywhere             anywhere             source IP range 1.1.1.1-2.2.2.2 destination IP range ! 10.0.0.1-10.0.0.9
ACCEPT     all  --  anywhere             anywhere             source IP range 10.0.0.1-10.0.0.1
ACCEPT     all  --  anywhere             anywhere             source IP range 10.0.0.9-10.0.0.1
[exit 0]

$ iptables -L INPUT -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 3/hour burst 5
LOG        0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 5/min burst 5 LOG flags 0 level 4
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 10/sec burst 20
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 3/hour burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 1/day burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 100/sec burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 7/min burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 90/min burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 5/sec burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 3/hour burst 5
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            source IP range 10.0.0.1-10.0.0.9
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            source IP range 1.1.1.1-2.2.2.2 destination IP range ! 10.0.0.1-10.0.0.9
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            source IP range 10.0.0.1-10.0.0.1
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            source IP range 10.0.0.9-10.0.0.1
[exit 0]

$ iptables -S INPUT
-P INPUT ACCEPT
-A INPUT -m limit --limit 3/hour -j ACCEPT
-A INPUT -m limit --limit 5/min -j LOG
-A INPUT -m limit --limit 10/sec --limit-burst 20 -j ACCEPT
-A INPUT -m limit --limit 3/hour -j ACCEPT
-A INPUT -m limit --limit 1/day -j ACCEPT
-A INPUT -m limit --limit 100/sec -j ACCEPT
-A INPUT -m limit --limit 7/min -j ACCEPT
-A INPUT -m limit --limit 90/min -j ACCEPT
-A INPUT -m limit --limit 5/sec -j ACCEPT
-A INPUT -m limit --limit 3/hour -j ACCEPT
-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
-A INPUT -m iprange --src-range 1.1.1.1-2.2.2.2 ! --dst-range 10.0.0.1-10.0.0.9 -j ACCEPT
-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.1 -j ACCEPT
-A INPUT -m iprange --src-range 10.0.0.9-10.0.0.1 -j ACCEPT
[exit 0]

`,
  ],
  [
    't26',
    `$ iptables -A INPUT -m mac --mac-source AA:bb:cc:dd:ee:01 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m mac ! --mac-source aa:bb:cc:dd:ee:02 -j ACCEPT
[exit 0]

$ iptables -A INPUT -m mac --mac-source aa:bb:cc:dd:ee -j ACCEPT
iptables v1.8.9 (nf_tables): Invalid MAC address specified.
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m mac --mac-source zz:bb:cc:dd:ee:ff -j ACCEPT
iptables v1.8.9 (nf_tables): Invalid MAC address specified.
Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A INPUT -m mac -j ACCEPT
iptables v1.8.9 (nf_tables): mac: option "--mac-source" must be specified

Try \`iptables -h' or 'iptables --help' for more information.
[exit 2]

$ iptables -A OUTPUT -m mac --mac-source aa:bb:cc:dd:ee:02 -j ACCEPT
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain OUTPUT
[exit 4]

$ iptables -t nat -A POSTROUTING -m mac --mac-source aa:bb:cc:dd:ee:02 -j ACCEPT
iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING
[exit 4]

$ iptables -A FORWARD -m mac --mac-source a:b:c:d:e:f -j ACCEPT
[exit 0]

$ iptables -L -n
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            MAC aa:bb:cc:dd:ee:01
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            MAC ! aa:bb:cc:dd:ee:02

Chain FORWARD (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            MAC 0a:0b:0c:0d:0e:0f

Chain OUTPUT (policy ACCEPT)
target     prot opt source               destination         
[exit 0]

$ iptables -S
-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-A INPUT -m mac --mac-source aa:bb:cc:dd:ee:01 -j ACCEPT
-A INPUT -m mac ! --mac-source aa:bb:cc:dd:ee:02 -j ACCEPT
-A FORWARD -m mac --mac-source 0a:0b:0c:0d:0e:0f -j ACCEPT
[exit 0]

`,
  ],
]);
