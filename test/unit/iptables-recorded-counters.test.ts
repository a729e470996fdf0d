/**
 * iptables transcripts recorded on real Linux (which chains nf_tables really has, policy counters, when conntrack runs): Debian 12, iptables 1.8.9 (nf_tables),
 * kernel 6.18, each in a private network namespace whose /etc/hosts is the bare world's and whose
 * resolver answers nothing. Replayed command by command on a fresh bare world; dates are the only
 * field normalised.
 */
import { replayTranscripts } from './iptables-replay.helper.test';

replayTranscripts('iptables recorded: counters', [
  [
    't27',
    `$ iptables -t nat -A POSTROUTING -s 10.9.9.9 -j MASQUERADE
[exit 0]

$ iptables -t mangle -A OUTPUT -s 10.9.9.9 -j ACCEPT
[exit 0]

$ iptables -t raw -A OUTPUT -s 10.9.9.9 -j ACCEPT
[exit 0]

$ iptables -A OUTPUT -s 10.9.9.9 -j ACCEPT
[exit 0]

$ ping -c 2 -i 0.2 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -t mangle -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  *      *       10.9.9.9             0.0.0.0/0           

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -t raw -L OUTPUT -n -v
Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -L OUTPUT -n -v
Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

`,
  ],
  [
    't28',
    `$ iptables -t nat -A POSTROUTING -s 10.9.9.9 -j MASQUERADE
[exit 0]

$ iptables -A OUTPUT -s 10.9.9.9 -j ACCEPT
[exit 0]

$ iptables -Z OUTPUT
[exit 0]

$ iptables -t nat -Z
[exit 0]

$ ping -c 2 -i 0.2 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 1 packets, 84 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 4 packets, 336 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -N X
[exit 0]

$ iptables -Z X
[exit 0]

$ iptables -P INPUT DROP
[exit 0]

$ iptables -P INPUT ACCEPT
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 2 packets, 168 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 6 packets, 504 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 ACCEPT     0    --  *      *       10.9.9.9             0.0.0.0/0           

Chain X (0 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -F
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 2 packets, 168 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 6 packets, 504 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain X (0 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -Z INPUT 1
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 2 packets, 168 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 6 packets, 504 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain X (0 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

`,
  ],
  [
    't29',
    `$ iptables -t nat -A POSTROUTING -s 10.9.9.9 -j MASQUERADE
[exit 0]

$ iptables -t nat -Z OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

$ iptables -t nat -P PREROUTING ACCEPT
[exit 0]

$ iptables -Z
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ ping -c 1 -W 1 192.168.1.2 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -L -n -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -t nat -Z
[exit 0]

$ iptables -t nat -L -n -v
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

`,
  ],
  [
    't30',
    `$ iptables -N X
[exit 0]

$ iptables -L INPUT -Z
Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
[exit 0]

$ iptables -S INPUT -Z
-P INPUT ACCEPT
[exit 0]

$ iptables -Z INPUT
[exit 0]

$ iptables -L -Z -v
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain X (0 references)
 pkts bytes target     prot opt in     out     source               destination         
Zeroing chain \`INPUT'
Zeroing chain \`FORWARD'
Zeroing chain \`OUTPUT'
Zeroing chain \`X'
[exit 0]

$ iptables -Z FORWARD 1
[exit 0]

$ iptables -R FORWARD 1 -j ACCEPT
iptables: Index of replacement too big.
[exit 1]

$ iptables -D FORWARD 1
iptables: Index of deletion too big.
[exit 1]

$ iptables -F FORWARD
[exit 0]

$ iptables -X FORWARD
[exit 0]

$ iptables-save
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Nov 24 14:21:31 2026
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:X - [0:0]
COMMIT
# Completed on Tue Nov 24 14:21:31 2026
[exit 0]

`,
  ],
  [
    't31',
    `$ iptables -N X
[exit 0]

$ iptables -Z
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -L -v -n
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain X (0 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -t nat -A POSTROUTING -s 10.9.9.9
[exit 0]

$ iptables -t nat -Z
[exit 0]

$ iptables -t nat -Z OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

$ iptables -t nat -X OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

$ iptables -t nat -N Y
[exit 0]

$ iptables -t nat -Z OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L -v -n
Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       10.9.9.9             0.0.0.0/0           

Chain Y (0 references)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

`,
  ],
  [
    't32',
    `$ iptables -A INPUT -s 10.9.9.9
[exit 0]

$ iptables -Z
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -L -v -n
Chain INPUT (policy ACCEPT 2 packets, 168 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       10.9.9.9             0.0.0.0/0           

Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
[exit 0]

$ iptables -Z OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

`,
  ],
  [
    't33',
    `$ iptables -t nat -A POSTROUTING -s 10.9.9.9
[exit 0]

$ iptables -t nat -Z
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L POSTROUTING -v -n
Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -t nat -N Y
[exit 0]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L POSTROUTING -v -n
Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

$ iptables -t nat -Z OUTPUT
iptables: No chain/target/match by that name.
[exit 1]

$ ping -c 1 -W 1 127.0.0.1 >/dev/null; echo $?
0
[exit 0]

$ iptables -t nat -L POSTROUTING -v -n
Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0            0    --  *      *       10.9.9.9             0.0.0.0/0           
[exit 0]

`,
  ],
]);
