/** `iptables` and `iptables-save`: the packet filter and NAT. */
import { doc } from './types';

export const IPTABLES_DOC = doc({
  name: 'iptables',
  summary: 'packet filtering and NAT rules (netfilter)',
  kernel: 'Edits the netfilter rules of the current namespace. Packets pass the hooks PREROUTING → INPUT (to this namespace) or FORWARD (routed through) → OUTPUT (sent from here) → POSTROUTING; at each hook the chains of each table are walked rule by rule until a target (ACCEPT, DROP, …) decides, else the chain policy does.',
  usage: 'iptables [-t TABLE] COMMAND [CHAIN] [MATCHES] [-j TARGET]',
  flags: [
    { flag: '-t TABLE, --table TABLE', words: 'filter (default: accept/drop), nat (address translation), mangle, raw' },
    { flag: '-A CHAIN, --append CHAIN', words: 'add a rule at the end of the chain' },
    { flag: '-I CHAIN [N], --insert CHAIN', words: 'insert a rule at position N (default 1: first)' },
    { flag: '-D CHAIN RULE|N, --delete', words: 'delete a rule (by its specification or number)' },
    { flag: '-R CHAIN N, --replace', words: 'replace rule number N' },
    { flag: '-C CHAIN RULE, --check', words: 'exit 0 if the rule exists, 1 if not' },
    { flag: '-L [CHAIN], --list', words: 'list the rules' },
    { flag: '-S [CHAIN], --list-rules', words: 'print rules as the commands that create them' },
    { flag: '-F [CHAIN], --flush', words: 'delete all rules of the chain (or table)' },
    { flag: '-Z [CHAIN], --zero', words: 'reset packet and byte counters' },
    { flag: '-N CHAIN, --new-chain', words: 'create a user chain' },
    { flag: '-X [CHAIN], --delete-chain', words: 'delete an empty user chain' },
    { flag: '-E OLD NEW, --rename-chain', words: 'rename a user chain' },
    { flag: '-P CHAIN TARGET, --policy', words: 'what happens to packets no rule decided: ACCEPT or DROP' },
    { flag: '-n, --numeric', words: 'print addresses and ports as numbers (no name lookups)' },
    { flag: '-v, --verbose', words: 'show interfaces and packet/byte counters' },
    { flag: '-x, --exact', words: 'exact counters (no K/M)' },
    { flag: '--line-numbers', words: 'number the rules' },
    { flag: '-p PROTO, --protocol', words: 'match tcp, udp, icmp or all' },
    { flag: '-s ADDR[/MASK], --source, --src', words: 'match the source address' },
    { flag: '-d ADDR[/MASK], --destination, --dst', words: 'match the destination address' },
    { flag: '-i IFACE, --in-interface', words: 'match the interface the packet arrived on (PREROUTING, INPUT, FORWARD)' },
    { flag: '-o IFACE, --out-interface', words: 'match the interface the packet leaves by (FORWARD, OUTPUT, POSTROUTING)' },
    { flag: '--dport PORT, --sport PORT', words: 'match destination/source port (with -p tcp or udp)' },
    { flag: '-m MODULE, --match', words: 'load a match: conntrack/state (--ctstate NEW,ESTABLISHED), multiport, icmp, addrtype, comment, limit, iprange, mac' },
    { flag: '-j TARGET, --jump', words: 'what to do: ACCEPT, DROP, REJECT, RETURN, LOG, a user chain, or in nat: MASQUERADE, SNAT --to-source, DNAT --to-destination, REDIRECT --to-ports' },
    { flag: '!', words: 'negate the next match' },
    { flag: '-g CHAIN, --goto', words: 'continue in a user chain without coming back (its RETURN returns to the caller of this chain)' },
    { flag: '-f, --fragments', words: 'match only second and later fragments of a packet' },
    { flag: '-c PACKETS BYTES, --set-counters', words: "set the new rule's packet and byte counters" },
    { flag: '-w [SECONDS], --wait', words: 'wait for the xtables lock instead of failing (nothing else holds it in Vethlab)' },
    { flag: '-W USECS, --wait-interval', words: 'how often to retry the lock while waiting' },
    { flag: '-4, --ipv4', words: 'IPv4 (the default for iptables)' },
    { flag: '-6, --ipv6', words: 'IPv6 rules: refused by iptables (use ip6tables)' },
    { flag: '-M CMD, --modprobe', words: 'the program that loads kernel modules (accepted)' },
    { flag: '-V, --version', words: 'print the version (iptables v1.8.9 (nf_tables))' },
    { flag: '-h, --help', words: 'print the usage' },
  ],
});

export const IPTABLES_SAVE_DOC = doc({
  name: 'iptables-save',
  summary: 'print all iptables rules in the format iptables-restore reads',
  kernel: 'Reads (does not change) every netfilter table of the current namespace and prints its chains, policies, counters and rules.',
  usage: 'iptables-save [-c] [-t TABLE]',
  flags: [
    { flag: '-c, --counters', words: 'include packet and byte counters' },
    { flag: '-t TABLE, --table TABLE', words: 'only this table' },
  ],
});

export const CONNTRACK_DOC = doc({
  name: 'conntrack',
  summary: 'list, count or flush tracked connections (conntrack-tools)',
  kernel: 'Reads the connection tracking table of the namespace: every flow netfilter has seen (while a rule needs tracking, e.g. NAT or -m conntrack), with its state and, after NAT, the rewritten reply addresses. -F forgets them all.',
  usage: 'conntrack -L [-p PROTO] [-s ADDR] [-d ADDR] | conntrack -C | conntrack -F',
  flags: [
    { flag: '-L, --dump', words: 'list tracked connections' },
    { flag: '-C, --count', words: 'count them' },
    { flag: '-F, --flush', words: 'delete every entry (NAT decisions are made again for the next packets)' },
    { flag: '-p PROTO, --proto PROTO', words: 'only tcp, udp or icmp' },
    { flag: '-s ADDR, --src ADDR, --orig-src ADDR', words: 'only flows from this source' },
    { flag: '-d ADDR, --dst ADDR, --orig-dst ADDR', words: 'only flows to this destination' },
  ],
});
