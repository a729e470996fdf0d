/** ping's command line (iputils 20221126, GNU getopt): options, their values and their errors. */
import { PING_USAGE } from './ping-format';

export interface PingOptions {
  count: number | null;
  /** ms between echo requests. */
  interval: number;
  /** -W: ms to wait for replies after the last request. */
  linger: number;
  /** -w: seconds before ping exits whatever happens. */
  deadline: number | null;
  quiet: boolean;
  numeric: boolean;
  broadcast: boolean;
  dataLen: number;
  ttl: number | null;
  iface: string | null;
  family: 4 | 6 | null;
  targets: string[];
}

export type ParsedPing = { ok: true; opts: PingOptions; warnings: string } | { ok: false; stdout?: string; stderr: string; exitCode: number };

const WITH_ARG = new Set('ceilImMpQsStTwWFN'.split(''));
const FLAGS = new Set('46aAbBCdDfhLnOqrRUvV'.split(''));
const LONG_MAX = '9223372036854775807';

function usage(prefix: string): ParsedPing {
  return { ok: false, stderr: prefix + PING_USAGE, exitCode: 2 };
}

/** strtol_or_err(optarg, "invalid argument", lo, hi) */
function integer(text: string, lo: number, hi: number, hiText = String(hi)): number | string {
  if (!/^\s*[-+]?\d+$/.test(text)) return `ping: invalid argument: '${text}'\n`;
  const n = Number(text);
  if (n < lo || n > hi) return `ping: invalid argument: '${text}': out of range: ${lo} <= value <= ${hiText}\n`;
  return n;
}

/** ping_strtod: garbage after a number is only a warning (for now, says iputils). */
function decimal(text: string, warnings: string[]): number {
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(text);
  const value = m ? Number(m[0]) : 0;
  const rest = m ? text.slice(m[0].length) : text;
  if (!m || rest.length > 0) warnings.push(`ping: option argument contains garbage: ${rest}`, 'ping: this will become fatal error in the future');
  return value;
}

export function parsePingArgs(args: string[]): ParsedPing {
  const opts: PingOptions = { count: null, interval: 1000, linger: 10000, deadline: null, quiet: false, numeric: false, broadcast: false, dataLen: 56, ttl: null, iface: null, family: null, targets: [] };
  const warnings: string[] = [];
  const pairs: [string, string | undefined][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      opts.targets.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      opts.targets.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (WITH_ARG.has(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return usage(`ping: option requires an argument -- '${f}'\n`);
        pairs.push([f, value]);
        break;
      }
      if (!FLAGS.has(f)) return usage(`ping: invalid option -- '${f}'\n`);
      pairs.push([f, undefined]);
    }
  }
  for (const [f, value] of pairs) {
    const v = value ?? '';
    switch (f) {
      case 'c': {
        const n = integer(v, 1, Number.MAX_SAFE_INTEGER, LONG_MAX);
        if (typeof n === 'string') return { ok: false, stderr: n, exitCode: 1 };
        opts.count = n;
        break;
      }
      case 'w': {
        const n = integer(v, 0, 2147483647);
        if (typeof n === 'string') return { ok: false, stderr: n, exitCode: 1 };
        opts.deadline = n;
        break;
      }
      case 's': {
        const n = integer(v, 0, 2147483647);
        if (typeof n === 'string') return { ok: false, stderr: n, exitCode: 1 };
        opts.dataLen = n;
        break;
      }
      case 't': {
        const n = integer(v, 0, 255);
        if (typeof n === 'string') return { ok: false, stderr: n, exitCode: 1 };
        opts.ttl = n;
        break;
      }
      case 'i': {
        const x = decimal(v, warnings);
        if (!(x >= 0.001) || x > 2147483.647) return { ok: false, stderr: warnings.map((w) => w + '\n').join('') + `ping: bad timing interval: ${v}\n`, exitCode: 2 };
        opts.interval = Math.trunc(x * 1000);
        break;
      }
      case 'W': {
        const x = decimal(v, warnings);
        if (x < 0 || x > 2147483.647) return { ok: false, stderr: warnings.map((w) => w + '\n').join('') + `ping: bad linger time: ${v}\n`, exitCode: 2 };
        opts.linger = Math.trunc(x * 1000);
        break;
      }
      case 'I':
        opts.iface = v;
        break;
      case 'q':
        opts.quiet = true;
        break;
      case 'n':
        opts.numeric = true;
        break;
      case 'b':
        opts.broadcast = true;
        break;
      case '4':
        opts.family = 4;
        break;
      case '6':
        opts.family = 6;
        break;
      case 'h':
        return usage('');
      case 'V':
        return { ok: false, stdout: 'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n', stderr: '', exitCode: 0 };
      default:
        break;
    }
  }
  if (opts.targets.length === 0) return { ok: false, stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
  return { ok: true, opts, warnings: warnings.map((w) => w + '\n').join('') };
}
