/**
 * dnsmasq 2.90 as a DHCP server: `dnsmasq --dhcp-range=START,END[,MASK][,LEASE]
 * [--interface=IF] [--dhcp-option=…] …`. It checks its options, binds the DHCP socket and
 * goes to the background (exit 0, nothing printed), as recorded in
 * test/golden/dhcp-dnsmasq.txt; a second server on the same interface fails to bind.
 * With -d / -k it stays in the foreground until a signal. DNS service is not simulated.
 */
import { parseIpv4 } from '../../engine/net/ipv4';
import { activity } from '../../engine/packet/capture';
import { linkByName } from '../../engine/net/links';
import { startServer, type DhcpServer } from '../../engine/dhcp';
import type { Output } from '../types';
import type { Proc, ProcContext } from '../jobs/process';
import { DNSMASQ_LEASES } from './dnsmasq-leases';

/** dnsmasq's die(): an empty line, then the message, all on stderr (as run here: exit 1 for options). */
const BAD_OPTIONS = '\ndnsmasq: bad command line options: try --help';
/** Flags without a value that are accepted (and, but for -d/-k, have no effect here). */
const FLAGS = new Set(['no-daemon', 'keep-in-foreground', 'bind-interfaces', 'bind-dynamic', 'no-resolv', 'no-hosts', 'no-ping', 'log-dhcp', 'log-queries', 'dhcp-authoritative', 'dhcp-rapid-commit', 'leasefile-ro', 'no-poll', 'strict-order', 'domain-needed', 'bogus-priv', 'expand-hosts', 'quiet-dhcp', 'test']);
/** Long options that take a value; the value may follow `=` or be the next word. */
const WITH_VALUE = new Set(['dhcp-range', 'interface', 'dhcp-option', 'port', 'user', 'group', 'pid-file', 'dhcp-leasefile', 'conf-file', 'listen-address', 'except-interface', 'domain', 'server', 'address', 'dhcp-host', 'log-facility', 'cache-size']);
const SHORT: Record<string, string> = { '-F': 'dhcp-range', '-i': 'interface', '-O': 'dhcp-option', '-p': 'port', '-u': 'user', '-x': 'pid-file', '-l': 'dhcp-leasefile', '-C': 'conf-file', '-a': 'listen-address', '-I': 'except-interface', '-d': 'no-daemon', '-k': 'keep-in-foreground', '-z': 'bind-interfaces', '-R': 'no-resolv', '-h': 'no-hosts' };

interface Parsed {
  values: Record<string, string[]>;
  flags: Set<string>;
}

function parse(argv: string[]): Parsed | null {
  const values: Record<string, string[]> = {};
  const flags = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i]!;
    if (SHORT[a]) a = `--${SHORT[a]}`;
    if (!a.startsWith('--')) return null;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (WITH_VALUE.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) return null;
      (values[name] ??= []).push(value);
    } else if (eq > 0 || !FLAGS.has(name)) return null;
    else flags.add(name);
  }
  return { values, flags };
}

/** "12h", "30m", "45s", "3600", "infinite" (dnsmasq's lease time; default 1 h). */
function leaseSeconds(text: string): number | null {
  if (text === 'infinite') return 0xffffffff;
  const m = /^(\d+)([smhdw]?)$/.exec(text);
  if (!m) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

function optionAddress(options: string[], names: string[]): number | null | undefined {
  for (const o of options) {
    const [key, value] = [o.slice(0, o.indexOf(',')), o.slice(o.indexOf(',') + 1)];
    if (names.includes(key)) return parseIpv4(value.split(',')[0] ?? '') ?? null;
  }
  return undefined;
}

export function* dnsmasq(argv: string[], ctx: ProcContext, out: Output): Proc {
  const parsed = parse(argv);
  if (!parsed) {
    out.err(BAD_OPTIONS);
    return 1;
  }
  const ifname = parsed.values['interface']?.[0];
  const link = ifname === undefined ? undefined : linkByName(ctx.world, ctx.ns.id, ifname);
  if (ifname !== undefined && !link) {
    out.err(`\ndnsmasq: unknown interface ${ifname}`);
    return 2;
  }
  const range = parsed.values['dhcp-range']?.[0];
  if (range !== undefined) {
    const fields = range.split(',');
    const start = parseIpv4(fields[0] ?? '');
    const end = parseIpv4(fields[1] ?? '');
    const rest = fields.slice(2);
    const mask = rest.length > 0 && rest[0]!.includes('.') ? parseIpv4(rest.shift()!) : null;
    const lease = rest.length > 0 ? leaseSeconds(rest[0]!) : 3600;
    if (start === null || end === null || start > end || lease === null || (mask === null && rest.length === 0 && fields.length > 3)) {
      out.err('\ndnsmasq: bad command line options: bad dhcp-range');
      return 1;
    }
    const options = parsed.values['dhcp-option'] ?? [];
    const router = optionAddress(options, ['option:router', '3']);
    const dns = optionAddress(options, ['option:dns-server', '6']);
    const port = parsed.values['port']?.[0];
    const server: DhcpServer = {
      program: 'dnsmasq',
      pid: ctx.world.rng.int(1000, 32000),
      dnsPort: port !== undefined && /^\d+$/.test(port) ? Number(port) : 53,
      linkId: link?.id ?? null,
      start,
      end,
      mask,
      leaseSecs: lease,
      router: router ?? null,
      dns: dns ?? null,
      leases: [],
      leaseFile: parsed.values['dhcp-leasefile']?.[0] ?? DNSMASQ_LEASES,
    };
    if (startServer(ctx.world, ctx.ns, server) === 'EADDRINUSE') {
      out.err('\ndnsmasq: failed to bind DHCP server socket: Address already in use');
      return 2;
    }
  }
  if (!parsed.flags.has('no-daemon') && !parsed.flags.has('keep-in-foreground')) return 0;
  for (;;) yield { kind: 'activity', since: activity(ctx.world) };
}
