/** iputils ping's printf formats (ping_common.c gather_statistics/finish, ping.c pr_icmph). */

/** " time=%ld.%03ld ms" and friends: triptime in microseconds. */
export function formatTripTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.trunc((us + 500) / 1000)}`;
  if (us >= 10000 - 5) return `${Math.trunc((us + 50) / 1000)}.${Math.trunc(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.trunc((us + 5) / 1000)}.${String(Math.trunc(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/** printf("%g") for the packet-loss percentage. */
export function formatG(x: number): string {
  if (x === 0) return '0';
  return String(Number(x.toPrecision(6)));
}

function ms3(us: number): string {
  return `${Math.trunc(us / 1000)}.${String(Math.trunc(us) % 1000).padStart(3, '0')}`;
}

function llsqrt(a: number): number {
  if (a <= 0) return a < 0 ? a : 0;
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  while (x < prev) {
    prev = x;
    x = Math.trunc((x + Math.trunc(a / x)) / 2);
  }
  return x;
}

export interface PingStats {
  target: string;
  transmitted: number;
  received: number;
  errors: number;
  /** ms between the first and the last send. */
  elapsed: number;
  /** Round-trip times in microseconds, or null when timing is off (-s < 16). */
  rtts: number[] | null;
  pipe: number;
}

export function formatStatistics(s: PingStats): string {
  let out = `\n--- ${s.target} ping statistics ---\n`;
  out += `${s.transmitted} packets transmitted, ${s.received} received`;
  if (s.errors) out += `, +${s.errors} errors`;
  if (s.transmitted) {
    out += `, ${formatG(((s.transmitted - s.received) * 100) / s.transmitted)}% packet loss`;
    out += `, time ${s.elapsed}ms`;
  }
  out += '\n';
  let comma = '';
  if (s.received && s.rtts && s.rtts.length > 0) {
    const total = s.rtts.length;
    const tsum = s.rtts.reduce((a, b) => a + b, 0);
    const tsum2 = s.rtts.reduce((a, b) => a + b * b, 0);
    const tavg = Math.trunc(tsum / total);
    const tmvar = Math.trunc((tsum2 - (tsum * tsum) / total) / total);
    const mdev = llsqrt(tmvar);
    out += `rtt min/avg/max/mdev = ${ms3(Math.min(...s.rtts))}/${ms3(tavg)}/${ms3(Math.max(...s.rtts))}/${ms3(mdev)} ms`;
    comma = ', ';
  }
  if (s.pipe > 1) out += `${comma}pipe ${s.pipe}`;
  return out + '\n';
}

/** pr_icmph for the errors the simulator produces. */
export function icmpErrorText(type: string, code: number): string {
  if (type === 'time-exceeded') return code === 0 ? 'Time to live exceeded' : 'Frag reassembly time exceeded';
  const texts: Record<number, string> = {
    0: 'Destination Net Unreachable',
    1: 'Destination Host Unreachable',
    2: 'Destination Protocol Unreachable',
    3: 'Destination Port Unreachable',
    5: 'Source Route Failed',
    6: 'Destination Net Unknown',
    7: 'Destination Host Unknown',
    8: 'Source Host Isolated',
    9: 'Destination Net Prohibited',
    10: 'Destination Host Prohibited',
    11: 'Destination Net Unreachable for Type of Service',
    12: 'Destination Host Unreachable for Type of Service',
    13: 'Packet filtered',
    14: 'Precedence Violation',
    15: 'Precedence Cutoff',
  };
  return texts[code] ?? `Dest Unreachable, Bad Code: ${code}`;
}

export const PING_USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`;
