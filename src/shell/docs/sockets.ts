/** ss, nc, tcpdump and traceroute: sockets, connections, captures and paths. */
import { doc } from './types';

export const SOCKET_TOOL_DOCS = [
  doc({
    name: 'ss',
    summary: 'list sockets (iproute2)',
    kernel: 'Reads (does not change) the sockets of the current namespace: which programs listen on which address and port (on a Docker host, docker-proxy on every published port, IPv4 and IPv6; in an nginx container’s namespace, nginx on port 80).',
    usage: 'ss [-t] [-u] [-l] [-a] [-n] [-p]',
    flags: [
      { flag: '-t, --tcp', words: 'TCP sockets' },
      { flag: '-u, --udp', words: 'UDP sockets' },
      { flag: '-l, --listening', words: 'only listening sockets' },
      { flag: '-a, --all', words: 'listening and others' },
      { flag: '-n, --numeric', words: 'numeric ports and addresses' },
      { flag: '-p, --processes', words: 'the program that owns each socket' },
    ],
  }),
  doc({
    name: 'nc',
    summary: 'open a TCP connection, or listen for one (netcat)',
    kernel: 'With -l it opens a listening socket in the namespace (ss shows it); otherwise it connects: a SYN is routed, ARPed, bridged and filtered like any packet, and the answer (SYN-ACK, RST, or nothing when dropped) decides success.',
    usage: 'nc -l [-p] PORT | nc [-z] [-v] [-w SECONDS] HOST PORT',
    flags: [
      { flag: '-l', words: 'listen for one connection' },
      { flag: '-p PORT', words: 'the local port' },
      { flag: '-z', words: 'only check that the port answers, send nothing' },
      { flag: '-v', words: 'say what happened' },
      { flag: '-w SECONDS', words: 'give up after this long' },
    ],
  }),
  doc({
    name: 'tcpdump',
    summary: 'print the packets crossing an interface',
    kernel: 'Taps an interface of the namespace and prints every frame that crosses it (ARP, ICMP, TCP, UDP; VXLAN on UDP 4789 as its header line, then the frame it carries), without changing anything.',
    usage: 'tcpdump [-i IFACE] [-n] [-e] [-c COUNT] [-w FILE] [-r FILE] [EXPRESSION]',
    flags: [
      { flag: '-i IFACE', words: 'the interface to watch (any: all of them)' },
      { flag: '-n', words: 'numeric addresses' },
      { flag: '-e', words: 'also print MAC addresses' },
      { flag: '-c COUNT', words: 'stop after COUNT packets' },
      { flag: '-w FILE', words: 'write a pcap file' },
      { flag: '-r FILE', words: 'read a pcap file' },
      { flag: '-t', words: 'no timestamps' },
    ],
  }),
  doc({
    name: 'traceroute',
    summary: 'show the routers on the way to a host',
    kernel: 'Sends UDP probes with TTL 1, 2, 3, …: each router where the TTL runs out answers "time exceeded", so every hop (and where packets stop) shows up.',
    usage: 'traceroute [-n] [-m MAX_TTL] [-w SECONDS] HOST',
    flags: [
      { flag: '-n', words: 'numeric addresses' },
      { flag: '-m MAX_TTL', words: 'at most this many hops' },
      { flag: '-w SECONDS', words: 'wait this long for each probe' },
    ],
  }),
];
