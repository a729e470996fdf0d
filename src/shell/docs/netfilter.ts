/** `iptables` and `iptables-save`: the packet filter and NAT. */
import { flagDoc, doc } from './types';

export const IPTABLES_DOC = doc({
  name: 'iptables',
  summary: 'packet filtering and NAT rules (netfilter)',
  kernel: 'Edits the netfilter rules of the current namespace. Packets pass the hooks PREROUTING → INPUT (to this namespace) or FORWARD (routed through) → OUTPUT (sent from here) → POSTROUTING; at each hook the chains of each table are walked rule by rule until a target (ACCEPT, DROP, …) decides, else the chain policy does.',
  usage: 'iptables [-t TABLE] COMMAND [CHAIN] [MATCHES] [-j TARGET]',
  flags: [
    flagDoc('-t TABLE, --table TABLE', 'filter (default: accept/drop), nat (address translation), mangle, raw'),
    flagDoc('-A CHAIN, --append CHAIN', 'add a rule at the end of the chain'),
    flagDoc('-I CHAIN [N], --insert CHAIN', 'insert a rule at position N (default 1: first)'),
    flagDoc('-D CHAIN RULE|N, --delete', 'delete a rule (by its specification or number)'),
    flagDoc('-R CHAIN N, --replace', 'replace rule number N'),
    flagDoc('-C CHAIN RULE, --check', 'exit 0 if the rule exists, 1 if not'),
    flagDoc('-L [CHAIN], --list', 'list the rules'),
    flagDoc('-S [CHAIN], --list-rules', 'print rules as the commands that create them'),
    flagDoc('-F [CHAIN], --flush', 'delete all rules of the chain (or table)'),
    flagDoc('-Z [CHAIN], --zero', 'reset packet and byte counters'),
    flagDoc('-N CHAIN, --new-chain', 'create a user chain'),
    flagDoc('-X [CHAIN], --delete-chain', 'delete an empty user chain'),
    flagDoc('-E OLD NEW, --rename-chain', 'rename a user chain'),
    flagDoc('-P CHAIN TARGET, --policy', 'what happens to packets no rule decided: ACCEPT or DROP'),
    flagDoc('-n, --numeric', 'print addresses and ports as numbers (no name lookups)'),
    flagDoc('-v, --verbose', 'show interfaces and packet/byte counters'),
    flagDoc('-x, --exact', 'exact counters (no K/M)'),
    flagDoc('--line-numbers', 'number the rules'),
    flagDoc('-p PROTO, --protocol', 'match tcp, udp, icmp or all'),
    flagDoc('-s ADDR[/MASK], --source, --src', 'match the source address'),
    flagDoc('-d ADDR[/MASK], --destination, --dst', 'match the destination address'),
    flagDoc('-i IFACE, --in-interface', 'match the interface the packet arrived on (PREROUTING, INPUT, FORWARD)'),
    flagDoc('-o IFACE, --out-interface', 'match the interface the packet leaves by (FORWARD, OUTPUT, POSTROUTING)'),
    flagDoc('--dport PORT, --sport PORT', 'match destination/source port (with -p tcp or udp)'),
    flagDoc('-m MODULE, --match', 'load a match: conntrack/state (--ctstate NEW,ESTABLISHED), multiport, icmp, addrtype, comment, limit, iprange, mac'),
    flagDoc('-j TARGET, --jump', 'what to do: ACCEPT, DROP, REJECT, RETURN, LOG, a user chain, or in nat: MASQUERADE, SNAT --to-source, DNAT --to-destination, REDIRECT --to-ports'),
    flagDoc('!', 'negate the next match'),
    flagDoc('-g CHAIN, --goto', 'continue in a user chain without coming back (its RETURN returns to the caller of this chain)'),
    flagDoc('-f, --fragments', 'match only second and later fragments of a packet'),
    flagDoc('-c PACKETS BYTES, --set-counters', "set the new rule's packet and byte counters"),
    flagDoc('-w [SECONDS], --wait', 'wait for the xtables lock instead of failing (nothing else holds it in Vethlab)'),
    flagDoc('-W USECS, --wait-interval', 'how often to retry the lock while waiting'),
    flagDoc('-4, --ipv4', 'IPv4 (the default for iptables)'),
    flagDoc('-6, --ipv6', 'IPv6 rules: refused by iptables (use ip6tables)'),
    flagDoc('-M CMD, --modprobe', 'the program that loads kernel modules (accepted)'),
    flagDoc('-V, --version', 'print the version (iptables v1.8.9 (nf_tables))'),
    flagDoc('-h, --help', 'print the usage'),
  ],
});

export const IPTABLES_SAVE_DOC = doc({
  name: 'iptables-save',
  summary: 'print all iptables rules in the format iptables-restore reads',
  kernel: 'Reads (does not change) every netfilter table of the current namespace and prints its chains, policies, counters and rules.',
  usage: 'iptables-save [-c] [-t TABLE]',
  flags: [
    flagDoc('-c, --counters', 'include packet and byte counters'),
    flagDoc('-t TABLE, --table TABLE', 'only this table'),
  ],
});

export const CONNTRACK_DOC = doc({
  name: 'conntrack',
  summary: 'list, count or flush tracked connections (conntrack-tools)',
  kernel: 'Reads the connection tracking table of the namespace: every flow netfilter has seen (while a rule needs tracking, e.g. NAT or -m conntrack), with its state and, after NAT, the rewritten reply addresses. -F forgets them all.',
  usage: 'conntrack -L [-p PROTO] [-s ADDR] [-d ADDR] | conntrack -C | conntrack -F',
  flags: [
    flagDoc('-L, --dump', 'list tracked connections'),
    flagDoc('-C, --count', 'count them'),
    flagDoc('-F, --flush', 'delete every entry (NAT decisions are made again for the next packets)'),
    flagDoc('-p PROTO, --proto PROTO', 'only tcp, udp or icmp'),
    flagDoc('-s ADDR, --src ADDR, --orig-src ADDR', 'only flows from this source'),
    flagDoc('-d ADDR, --dst ADDR, --orig-dst ADDR', 'only flows to this destination'),
  ],
});
