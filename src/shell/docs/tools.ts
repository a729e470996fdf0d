/** bridge, brctl, sysctl, ping and the net-tools programs. */
import { flagDoc, doc } from './types';

export const BRIDGE_DOC = doc({
  name: 'bridge',
  summary: 'show and change bridge ports and forwarding databases (iproute2)',
  kernel: 'Reads and changes the software switches (bridges) of the namespace: which interfaces are ports, their STP state, cost and settings, and which MAC the bridge sends to which port (learned, or added by hand).',
  usage: 'bridge [-n NETNS] [-d] { link [set dev PORT …] | fdb [show|add|del|replace] … | vlan { add | del | show } … }',
  abbreviations: true,
  flags: [
    flagDoc('-n NETNS, -netns NETNS', 'run in the named network namespace (like `ip netns exec NETNS bridge …`)'),
    flagDoc('-d, -details', 'bridge link: also the port settings (hairpin, learning, flood, …)'),
    flagDoc('-s, -stats', 'statistics (accepted; nothing extra is printed for link and fdb)'),
    flagDoc('-c, -color', 'colour output (accepted, printed plain as when not on a terminal)'),
    flagDoc('-o, -oneline', 'one line per record (accepted)'),
    flagDoc('-t, -timestamp', 'timestamps for monitor (accepted)'),
    flagDoc('-j, -json', 'link, fdb and vlan show print JSON: one object per port or entry, with iproute2’s field names (ifname, flags, state, …; -d adds the port settings as true/false)'),
    flagDoc('-p, -pretty', 'with -j, indented JSON'),
    flagDoc('-force', 'batch mode keeps going on errors (accepted)'),
    flagDoc('-V, -Version', 'print the version and exit'),
    flagDoc('-h, -help', 'print the usage'),
  ],
  subcommands: [
    { name: 'link show', usage: 'bridge link [show] [dev PORT]', words: 'lists bridge ports with their state (forwarding, disabled, …), priority, cost and master bridge.' },
    {
      name: 'link set',
      usage: 'bridge link set dev PORT [cost N] [priority N] [state 0-4|NAME] [hairpin|learning|flood|… on|off]',
      words: 'changes a port: STP cost (1-65535) and priority (0-63), its state (0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking — without STP a blocking port goes straight back to forwarding), and its settings: learning off stops the bridge learning MACs behind it, hairpin on lets frames go back out the port they came in.',
    },
    { name: 'fdb show', usage: 'bridge fdb [show] [br BRIDGE] [brport|dev PORT]', words: 'prints the forwarding database: for each MAC, the port it was last seen on (learned entries age out after the ageing time, 300 s; `static` and `permanent` ones do not), then each device’s own addresses ("self").' },
    {
      name: 'fdb add',
      usage: 'bridge fdb { add | append | replace } MAC dev PORT [master|self] [permanent|static|dynamic] [dst IP]',
      words: 'adds an entry: with `master` to the bridge the port belongs to (frames for MAC then go only to PORT; `static` and `permanent` never age, `dynamic` ages like a learned one and needs a port that learns), with `self` (the default) to the device’s own table (a VXLAN device: the remote tunnel endpoint `dst` for MAC). add fails if the MAC is there already; replace and append update it.',
    },
    { name: 'fdb delete', usage: 'bridge fdb del MAC dev PORT [master|self]', words: 'removes an entry (without `master`, from the device’s own table).' },
    { name: 'vlan show', usage: 'bridge vlan [show] [dev PORT] [vid VID]', words: 'lists the VLANs of each bridge port and of the bridge itself: PVID (the VLAN untagged frames arriving there belong to) and Egress Untagged (frames of that VLAN leave without a tag). Ports start in VLAN 1.' },
    { name: 'vlan add', usage: 'bridge vlan add vid VID dev PORT [pvid] [untagged] [self]', words: 'makes the port a member of the VLAN. It only filters once the bridge has `vlan_filtering 1` (`ip link set BR type bridge vlan_filtering 1`): then frames cross only between ports of the same VLAN.' },
    { name: 'vlan delete', usage: 'bridge vlan del vid VID dev PORT [self]', words: 'removes the port from the VLAN.' },
  ],
});

export const BRCTL_DOC = doc({
  name: 'brctl',
  summary: 'manage bridges, the old way (bridge-utils)',
  kernel: 'Creates and deletes software switches (bridges) and plugs interfaces into them, like `ip link add type bridge` and `ip link set X master BR`.',
  usage: 'brctl addbr|delbr BRIDGE | brctl addif|delif BRIDGE IFACE | brctl show | brctl showmacs BRIDGE | brctl setageing BRIDGE SECONDS | brctl setpathcost|setportprio BRIDGE PORT N | brctl hairpin BRIDGE PORT on|off',
  subcommands: [
    { name: 'addbr', usage: 'brctl addbr BRIDGE', words: 'creates a bridge (down, no ports).' },
    { name: 'delbr', usage: 'brctl delbr BRIDGE', words: 'deletes a bridge (it must be down).' },
    { name: 'addif', usage: 'brctl addif BRIDGE IFACE', words: 'makes the interface a port of the bridge.' },
    { name: 'delif', usage: 'brctl delif BRIDGE IFACE', words: 'removes the port from the bridge.' },
    { name: 'show', usage: 'brctl show [BRIDGE]', words: 'lists bridges, their id, STP and ports.' },
    { name: 'showmacs', usage: 'brctl showmacs BRIDGE', words: 'prints the forwarding table by port number: each MAC, whether it is the port’s own (local), and the seconds since it was last seen (learned entries go after the ageing time).' },
    { name: 'setageing', usage: 'brctl setageing BRIDGE SECONDS', words: 'how long a learned MAC stays in the table without traffic from it (default 300 s; `ip -d link` shows it in centiseconds as ageing_time).' },
    { name: 'setpathcost', usage: 'brctl setpathcost BRIDGE PORT COST', words: 'the port’s STP path cost (1-65535), as `bridge link set dev PORT cost`.' },
    { name: 'setportprio', usage: 'brctl setportprio BRIDGE PORT PRIO', words: 'the port’s STP priority (0-63), as `bridge link set dev PORT priority`.' },
    { name: 'hairpin', usage: 'brctl hairpin BRIDGE PORT on|off', words: 'lets frames go back out the port they came in (what a VM or container talking to itself through the bridge needs), as `bridge link set dev PORT hairpin on`.' },
  ],
});

export const SYSCTL_DOC = doc({
  name: 'sysctl',
  summary: 'read and set kernel parameters (/proc/sys)',
  kernel: 'Reads or writes kernel settings of the current namespace; `net.ipv4.ip_forward=1` makes the namespace route packets between its interfaces (a router), 0 drops packets not addressed to it.',
  usage: 'sysctl [-w] NAME[=VALUE] ... | sysctl -a',
  flags: [
    flagDoc('-w', 'write: NAME=VALUE'),
    flagDoc('-a, --all', 'print every parameter'),
    flagDoc('-n', 'print only values'),
    flagDoc('-q', 'quiet: do not echo values set'),
    flagDoc('-p [FILE]', 'load settings from a file (default /etc/sysctl.conf)'),
  ],
});

export const PING_DOC = doc({
  name: 'ping',
  summary: 'send ICMP echo requests and report the replies (iputils)',
  kernel: 'Sends ICMP echo requests from this namespace: the kernel picks a route and source address, resolves the next hop with ARP, and the packet crosses veths, bridges and netfilter hooks; each echo reply (or ICMP error) is reported. The topology view animates the last packet’s path.',
  usage: 'ping [-c COUNT] [-W TIMEOUT] [-w DEADLINE] [-i INTERVAL] [-I IFACE|ADDR] [-t TTL] [-n] [-q] DEST',
  flags: [
    flagDoc('-c COUNT', 'stop after COUNT replies (or errors)'),
    flagDoc('-W TIMEOUT', 'seconds to wait for a reply'),
    flagDoc('-w DEADLINE', 'stop after DEADLINE seconds whatever happens'),
    flagDoc('-i INTERVAL', 'seconds between requests'),
    flagDoc('-I IFACE|ADDR', 'send from this interface or source address'),
    flagDoc('-t TTL', 'time to live: how many routers the packet may cross'),
    flagDoc('-s SIZE', 'payload bytes'),
    flagDoc('-n', 'numeric output, no name lookups'),
    flagDoc('-q', 'quiet: only the summary'),
    flagDoc('-b', 'allow pinging a broadcast address'),
    flagDoc('-4, -6', 'IPv4 or IPv6 only'),
  ],
});

export const ARP_DOC = doc({
  name: 'arp',
  summary: 'show and change the ARP cache (net-tools)',
  kernel: 'Reads or changes the neighbour table (IP → MAC) of the namespace, like `ip neigh`.',
  usage: 'arp [-n] [-a] [-i IFACE] | arp -s ADDR MAC | arp -d ADDR',
  flags: [
    flagDoc('-n', 'numeric addresses'),
    flagDoc('-a', 'BSD style listing'),
    flagDoc('-e', 'Linux style table (default)'),
    flagDoc('-i IFACE', 'only entries on this interface'),
    flagDoc('-s ADDR MAC', 'add a static entry'),
    flagDoc('-d ADDR', 'delete an entry'),
  ],
});

export const ROUTE_DOC = doc({
  name: 'route',
  summary: 'show and change the routing table (net-tools)',
  kernel: 'Reads or changes the main routing table of the namespace, like `ip route`.',
  usage: 'route [-n] | route add|del [-net|-host] TARGET [netmask MASK] [gw GATEWAY] [dev IFACE] | route add default gw GATEWAY',
  flags: [
    flagDoc('-n', 'numeric addresses'),
    flagDoc('-net, -host', 'the target is a network or a single host'),
    flagDoc('netmask MASK', 'the network mask'),
    flagDoc('gw GATEWAY', 'route through this router'),
    flagDoc('dev IFACE', 'send on this interface'),
    flagDoc('metric N', 'route preference'),
  ],
  subcommands: [
    { name: 'add', usage: 'route add ...', words: 'adds a route.' },
    { name: 'del', usage: 'route del ...', words: 'deletes a route.' },
  ],
});

export const IFCONFIG_DOC = doc({
  name: 'ifconfig',
  summary: 'show and configure interfaces (net-tools)',
  kernel: 'Shows interfaces with addresses and counters, or sets an address, netmask and up/down state, like `ip addr` and `ip link set`.',
  usage: 'ifconfig [-a] [IFACE] | ifconfig IFACE ADDR [netmask MASK] [up|down]',
  flags: [
    flagDoc('-a', 'also interfaces that are down'),
    flagDoc('up, down', 'turn the interface on or off'),
    flagDoc('netmask MASK', 'the prefix of the address'),
    flagDoc('broadcast ADDR', 'the broadcast address'),
    flagDoc('mtu N', 'the MTU'),
    flagDoc('hw ether MAC', 'the MAC address'),
  ],
});

export const NETSTAT_DOC = doc({
  name: 'netstat',
  summary: 'routing table and interface statistics (net-tools)',
  kernel: 'Reads (does not change) the routing table (-r), the interface counters (-i) or the sockets (-t/-u, -l for listening ones, -p with their program) of the namespace.',
  usage: 'netstat -r [-n] | netstat -i | netstat -tulnp',
  flags: [
    flagDoc('-r, --route', 'the routing table'),
    flagDoc('-i, --interfaces', 'per-interface packet counters'),
    flagDoc('-n, --numeric', 'numeric addresses'),
    flagDoc('-t, --tcp', 'TCP sockets'),
    flagDoc('-u, --udp', 'UDP sockets'),
    flagDoc('-l, --listening', 'only listening sockets (servers such as `nc -l`)'),
    flagDoc('-p, --program', 'the PID/program name owning each socket'),
  ],
});
