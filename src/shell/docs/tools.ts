/** bridge, brctl, sysctl, ping and the net-tools programs. */
import { doc } from './types';

export const BRIDGE_DOC = doc({
  name: 'bridge',
  summary: 'show bridge ports and forwarding databases (iproute2)',
  kernel: 'Reads the software switches (bridges) of the namespace: which interfaces are ports, their STP state, and which MAC was learned on which port.',
  usage: 'bridge link | bridge fdb [show] [br BRIDGE] | bridge vlan { add | del | show } …',
  abbreviations: true,
  flags: [
    { flag: '-s, -stats', words: 'statistics (accepted)' },
    { flag: '-d, -details', words: 'more details about ports (accepted)' },
    { flag: '-c, -color', words: 'colour output (accepted, printed plain)' },
    { flag: '-n NETNS, -netns NETNS', words: 'run in the named network namespace (Vethlab does not read the name yet: use `ip netns exec NETNS bridge …`)' },
  ],
  subcommands: [
    { name: 'link show', usage: 'bridge link [show]', words: 'lists bridge ports with their state (forwarding, disabled, …) and master bridge.' },
    { name: 'fdb show', usage: 'bridge fdb [show] [br BRIDGE] [dev PORT]', words: 'prints the forwarding database: for each MAC, the port it was last seen on (learned entries age out; `permanent` ones are the ports’ own addresses).' },
    { name: 'vlan show', usage: 'bridge vlan [show] [dev PORT] [vid VID]', words: 'lists the VLANs of each bridge port and of the bridge itself: PVID (the VLAN untagged frames arriving there belong to) and Egress Untagged (frames of that VLAN leave without a tag). Ports start in VLAN 1.' },
    { name: 'vlan add', usage: 'bridge vlan add vid VID dev PORT [pvid] [untagged] [self]', words: 'makes the port a member of the VLAN. It only filters once the bridge has `vlan_filtering 1` (`ip link set BR type bridge vlan_filtering 1`): then frames cross only between ports of the same VLAN.' },
    { name: 'vlan delete', usage: 'bridge vlan del vid VID dev PORT [self]', words: 'removes the port from the VLAN.' },
  ],
});

export const BRCTL_DOC = doc({
  name: 'brctl',
  summary: 'manage bridges, the old way (bridge-utils)',
  kernel: 'Creates and deletes software switches (bridges) and plugs interfaces into them, like `ip link add type bridge` and `ip link set X master BR`.',
  usage: 'brctl addbr|delbr BRIDGE | brctl addif|delif BRIDGE IFACE | brctl show | brctl showmacs BRIDGE | brctl stp BRIDGE on|off',
  subcommands: [
    { name: 'addbr', usage: 'brctl addbr BRIDGE', words: 'creates a bridge (down, no ports).' },
    { name: 'delbr', usage: 'brctl delbr BRIDGE', words: 'deletes a bridge (it must be down).' },
    { name: 'addif', usage: 'brctl addif BRIDGE IFACE', words: 'makes the interface a port of the bridge.' },
    { name: 'delif', usage: 'brctl delif BRIDGE IFACE', words: 'removes the port from the bridge.' },
    { name: 'show', usage: 'brctl show [BRIDGE]', words: 'lists bridges, their id, STP and ports.' },
    { name: 'showmacs', usage: 'brctl showmacs BRIDGE', words: 'prints the learned MAC table (port, MAC, local?, ageing timer).' },
    { name: 'stp', usage: 'brctl stp BRIDGE on|off', words: 'turns the spanning tree protocol on or off.' },
  ],
});

export const SYSCTL_DOC = doc({
  name: 'sysctl',
  summary: 'read and set kernel parameters (/proc/sys)',
  kernel: 'Reads or writes kernel settings of the current namespace; `net.ipv4.ip_forward=1` makes the namespace route packets between its interfaces (a router), 0 drops packets not addressed to it.',
  usage: 'sysctl [-w] NAME[=VALUE] ... | sysctl -a',
  flags: [
    { flag: '-w', words: 'write: NAME=VALUE' },
    { flag: '-a, --all', words: 'print every parameter' },
    { flag: '-n', words: 'print only values' },
    { flag: '-q', words: 'quiet: do not echo values set' },
    { flag: '-p [FILE]', words: 'load settings from a file (default /etc/sysctl.conf)' },
  ],
});

export const PING_DOC = doc({
  name: 'ping',
  summary: 'send ICMP echo requests and report the replies (iputils)',
  kernel: 'Sends ICMP echo requests from this namespace: the kernel picks a route and source address, resolves the next hop with ARP, and the packet crosses veths, bridges and netfilter hooks; each echo reply (or ICMP error) is reported. The topology view animates the last packet’s path.',
  usage: 'ping [-c COUNT] [-W TIMEOUT] [-w DEADLINE] [-i INTERVAL] [-I IFACE|ADDR] [-t TTL] [-n] [-q] DEST',
  flags: [
    { flag: '-c COUNT', words: 'stop after COUNT replies (or errors)' },
    { flag: '-W TIMEOUT', words: 'seconds to wait for a reply' },
    { flag: '-w DEADLINE', words: 'stop after DEADLINE seconds whatever happens' },
    { flag: '-i INTERVAL', words: 'seconds between requests' },
    { flag: '-I IFACE|ADDR', words: 'send from this interface or source address' },
    { flag: '-t TTL', words: 'time to live: how many routers the packet may cross' },
    { flag: '-s SIZE', words: 'payload bytes' },
    { flag: '-n', words: 'numeric output, no name lookups' },
    { flag: '-q', words: 'quiet: only the summary' },
    { flag: '-b', words: 'allow pinging a broadcast address' },
    { flag: '-4, -6', words: 'IPv4 or IPv6 only' },
  ],
});

export const ARP_DOC = doc({
  name: 'arp',
  summary: 'show and change the ARP cache (net-tools)',
  kernel: 'Reads or changes the neighbour table (IP → MAC) of the namespace, like `ip neigh`.',
  usage: 'arp [-n] [-a] [-i IFACE] | arp -s ADDR MAC | arp -d ADDR',
  flags: [
    { flag: '-n', words: 'numeric addresses' },
    { flag: '-a', words: 'BSD style listing' },
    { flag: '-e', words: 'Linux style table (default)' },
    { flag: '-i IFACE', words: 'only entries on this interface' },
    { flag: '-s ADDR MAC', words: 'add a static entry' },
    { flag: '-d ADDR', words: 'delete an entry' },
  ],
});

export const ROUTE_DOC = doc({
  name: 'route',
  summary: 'show and change the routing table (net-tools)',
  kernel: 'Reads or changes the main routing table of the namespace, like `ip route`.',
  usage: 'route [-n] | route add|del [-net|-host] TARGET [netmask MASK] [gw GATEWAY] [dev IFACE] | route add default gw GATEWAY',
  flags: [
    { flag: '-n', words: 'numeric addresses' },
    { flag: '-net, -host', words: 'the target is a network or a single host' },
    { flag: 'netmask MASK', words: 'the network mask' },
    { flag: 'gw GATEWAY', words: 'route through this router' },
    { flag: 'dev IFACE', words: 'send on this interface' },
    { flag: 'metric N', words: 'route preference' },
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
    { flag: '-a', words: 'also interfaces that are down' },
    { flag: 'up, down', words: 'turn the interface on or off' },
    { flag: 'netmask MASK', words: 'the prefix of the address' },
    { flag: 'broadcast ADDR', words: 'the broadcast address' },
    { flag: 'mtu N', words: 'the MTU' },
    { flag: 'hw ether MAC', words: 'the MAC address' },
  ],
});

export const NETSTAT_DOC = doc({
  name: 'netstat',
  summary: 'routing table and interface statistics (net-tools)',
  kernel: 'Reads (does not change) the routing table (-r), the interface counters (-i) or the sockets (-t/-u, -l for listening ones, -p with their program) of the namespace.',
  usage: 'netstat -r [-n] | netstat -i | netstat -tulnp',
  flags: [
    { flag: '-r, --route', words: 'the routing table' },
    { flag: '-i, --interfaces', words: 'per-interface packet counters' },
    { flag: '-n, --numeric', words: 'numeric addresses' },
    { flag: '-t, --tcp', words: 'TCP sockets' },
    { flag: '-u, --udp', words: 'UDP sockets' },
    { flag: '-l, --listening', words: 'only listening sockets (servers such as `nc -l`)' },
    { flag: '-p, --program', words: 'the PID/program name owning each socket' },
  ],
});
