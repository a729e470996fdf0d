/** DHCP clients and servers: dhclient, udhcpc, dnsmasq. */
import { flagDoc, doc } from './types';

export const DHCP_DOCS = [
  doc({
    name: 'dhclient',
    summary: 'get an address from a DHCP server (ISC dhclient)',
    kernel: 'Brings the interface up and broadcasts DHCPDISCOVER from 0.0.0.0 through a packet socket; a server answers with an OFFER, the client REQUESTs it and gets an ACK (DORA). dhclient-script then adds the address with the lease’s lifetime ("dynamic" in `ip addr`), a default route via the offered router and /etc/resolv.conf, and the forked client renews the lease at T1 (about half the lease time, as simulated time passes): a DHCPREQUEST unicast to the server, whose DHCPACK extends the address’s lifetime and adds a lease block; `ss -ulnp` shows it on udp 0.0.0.0:68. The bare world’s router serves 192.168.1.100-200.',
    usage: 'dhclient [-v] [-1] [IFACE...] | dhclient -r [-v] [IFACE] | dhclient -x',
    flags: [
      flagDoc('-v', 'print the DORA exchange (DHCPDISCOVER, DHCPOFFER, …)'),
      flagDoc('-r', 'release the lease (DHCPRELEASE) and remove the address and routes; stops the running client'),
      flagDoc('-x', 'stop the running client, keeping the address'),
      flagDoc('-1', 'try once: exit 2 when no server answers'),
    ],
  }),
  doc({
    name: 'udhcpc',
    summary: 'get an address from a DHCP server (BusyBox udhcpc)',
    kernel: 'The small DHCP client of BusyBox (Alpine, embedded systems): same DORA exchange as dhclient; its default.script adds the address (no lifetime), the default route and /etc/resolv.conf.',
    usage: 'udhcpc -i IFACE [-n] [-q]',
    flags: [
      flagDoc('-i IFACE', 'the interface (default eth0)'),
      flagDoc('-n', 'exit with status 1 if no lease is obtained'),
      flagDoc('-q', 'quit once a lease is obtained'),
    ],
  }),
  doc({
    name: 'dnsmasq',
    summary: 'run a DHCP (and DNS) server in the current namespace',
    kernel: 'Starts a DHCP server that answers on the interface(s) of this namespace whose subnet holds the range, then goes to the background. It picks an address from the client’s MAC (a hash into the range), pings it before offering it the first time, and records leases in /var/lib/misc/dnsmasq.leases. By default it offers itself as router and DNS server. `ss -tulnp` shows its sockets: udp 0.0.0.0:67 (DHCP) and, unless --port=0, port 53 on udp and tcp, IPv4 and IPv6 (DNS answers themselves are not simulated).',
    usage: 'dnsmasq --dhcp-range=START,END[,MASK][,LEASE] [--interface=IFACE] [--dhcp-option=option:router,IP] [--dhcp-option=option:dns-server,IP]',
    flags: [
      flagDoc('--dhcp-range=START,END[,MASK][,LEASE]', 'the addresses to hand out and the lease time (e.g. 12h, 30m, infinite; default 1h)'),
      flagDoc('--interface=IFACE, -i IFACE', 'answer only on this interface'),
      flagDoc('--dhcp-option=option:router,IP', 'the default gateway to offer (option 3)'),
      flagDoc('--dhcp-option=option:dns-server,IP', 'the DNS server to offer (option 6)'),
      flagDoc('--port=0', 'no DNS service (DHCP only)'),
    ],
  }),
];
