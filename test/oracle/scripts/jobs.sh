# Job control on simulated time: background jobs, wait, subshells, sleep, timeout (bash 5.2,
# coreutils 9.1). Each line is one `bash -c`, so a job's output belongs to the line it ran in.
sleep 0.2 & wait; echo $?
timeout 1 sleep 5; echo $?
timeout 5 sleep 0.1; echo $?
(sleep 0.3; echo later) & echo first; wait
(sleep 0.2; echo b) & (sleep 0.1; echo a) & wait
false & wait $!
true & wait %1
wait %3
wait 99999
(sleep 0.2; exit 3) & wait $!; echo "status $?"
timeout 2 ping 192.168.1.3
timeout 1.5 ping -c 5 -i 0.4 192.168.1.3 | tail -1
timeout 0.5 sleep 1 && echo done || echo "timed out: $?"
timeout abc sleep 1
timeout
timeout 1 nosuchcommand
timeout -s INT 1 sleep 3; echo $?
(sleep 0.5; ping -c 2 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 4 icmp; wait
sh -c 'sleep 0.2; echo child' & wait
for i in 1 2 3; do (sleep 0.$i; echo $i) & done; wait
sleep 0.1 & sleep 0.2 & wait; echo all
kill %1
kill 99999
