# tcpdump on simulated time: captures run in the foreground while a background job makes traffic.
# tcpdump 4.99.3 / libpcap 1.10.3. Always -n and a filter: the host's eth0 also sends IPv6
# router solicitations at random times, which the simulator does not model.
(sleep 0.5; ping -c 2 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 4 icmp; wait
(sleep 0.5; ping -c 1 192.168.1.1 >/dev/null) & timeout 2 tcpdump -i eth0 -n -e -c 4 'arp or icmp'; wait
timeout 1 tcpdump -i eth0 -n icmp; echo $?
timeout 1 tcpdump -i eth0 -n -c 5 'udp or (icmp and host 10.1.1.1)'
tcpdump -i nosuch -n
tcpdump -i eth0 -n 'icmp and'
tcpdump -i eth0 -n 'icmp or frob'
(sleep 0.5; ping -c 1 192.168.1.1 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 host 192.168.1.1; wait
(sleep 0.5; ping -c 1 127.0.0.1 >/dev/null) & timeout 3 tcpdump -i lo -n -c 2 icmp; wait
(sleep 0.5; ping -c 1 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 -w /tmp/icmp.pcap icmp; wait
tcpdump -r /tmp/icmp.pcap -n
tcpdump -n -r /tmp/icmp.pcap -e
tcpdump -r /tmp/nosuch.pcap
(sleep 0.5; ping -c 1 8.8.8.8 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 'icmp and not host 192.168.1.3'; wait
(sleep 0.5; ping -c 1 -s 1000 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 icmp; wait
ip link add veth-a type veth peer name veth-b
timeout 1 tcpdump -i veth-a -n
ip link set veth-a up
ip link set veth-b up
ip addr add 10.9.0.1/24 dev veth-a
