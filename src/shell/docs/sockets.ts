/** ss, nc, tcpdump and traceroute: sockets, connections, captures and paths. */
import { flagDoc, doc } from './types';

export const SOCKET_TOOL_DOCS = [
  doc({
    name: 'ss',
    summary: 'list sockets (iproute2)',
    kernel: 'Reads (does not change) the sockets of the current namespace: which programs listen on which address and port (on a Docker host, docker-proxy on every published port, IPv4 and IPv6; in an nginx container’s namespace, nginx on port 80).',
    usage: 'ss [-t] [-u] [-l] [-a] [-n] [-p]',
    flags: [
      flagDoc('-t, --tcp', 'TCP sockets'),
      flagDoc('-u, --udp', 'UDP sockets'),
      flagDoc('-l, --listening', 'only listening sockets'),
      flagDoc('-a, --all', 'listening and others'),
      flagDoc('-n, --numeric', 'numeric ports and addresses'),
      flagDoc('-p, --processes', 'the program that owns each socket'),
    ],
  }),
  doc({
    name: 'nc',
    summary: 'open a TCP connection, or listen for one (netcat)',
    kernel: 'With -l it opens a listening socket in the namespace (ss shows it); otherwise it connects: a SYN is routed, ARPed, bridged and filtered like any packet, and the answer (SYN-ACK, RST, or nothing when dropped) decides success.',
    usage: 'nc -l [-p] PORT | nc [-z] [-v] [-w SECONDS] HOST PORT',
    flags: [
      flagDoc('-l', 'listen for one connection'),
      flagDoc('-p PORT', 'the local port'),
      flagDoc('-z', 'only check that the port answers, send nothing'),
      flagDoc('-v', 'say what happened'),
      flagDoc('-w SECONDS', 'give up after this long'),
    ],
  }),
  doc({
    name: 'tcpdump',
    summary: 'print the packets crossing an interface',
    kernel: 'Taps an interface of the namespace and prints every frame that crosses it (ARP, ICMP, TCP, UDP; VXLAN on UDP 4789 as its header line, then the frame it carries), without changing anything.',
    usage: 'tcpdump [-i IFACE] [-n] [-e] [-c COUNT] [-w FILE] [-r FILE] [EXPRESSION]',
    flags: [
      flagDoc('-i IFACE', 'the interface to watch (any: all of them)'),
      flagDoc('-n', 'numeric addresses'),
      flagDoc('-e', 'also print MAC addresses'),
      flagDoc('-c COUNT', 'stop after COUNT packets'),
      flagDoc('-w FILE', 'write a pcap file'),
      flagDoc('-r FILE', 'read a pcap file'),
      flagDoc('-t', 'no timestamps'),
    ],
  }),
  doc({
    name: 'traceroute',
    summary: 'show the routers on the way to a host',
    kernel: 'Sends UDP probes with TTL 1, 2, 3, …: each router where the TTL runs out answers "time exceeded", so every hop (and where packets stop) shows up.',
    usage: 'traceroute [-n] [-m MAX_TTL] [-w SECONDS] HOST',
    flags: [
      flagDoc('-n', 'numeric addresses'),
      flagDoc('-m MAX_TTL', 'at most this many hops'),
      flagDoc('-w SECONDS', 'wait this long for each probe'),
    ],
  }),
];
