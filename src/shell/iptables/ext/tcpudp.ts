/** `-p tcp` / `-p udp` matches: --sport, --dport (ranges a:b), tcp --syn and --tcp-flags. */
import type { MatchModule, PortMatch, TcpFlagsMatch } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { parsePort, portText, unsupported } from './common';
import type { ExtOption, MatchExtension, PrintEnv } from './types';

type PortsModule = Extract<MatchModule, { kind: 'tcp' | 'udp' }>;

interface PortsState {
  sport?: PortMatch;
  dport?: PortMatch;
  flags?: TcpFlagsMatch;
}

const TCP_FLAGS: [string, number][] = [['FIN', 0x01], ['SYN', 0x02], ['RST', 0x04], ['PSH', 0x08], ['ACK', 0x10], ['URG', 0x20]];
const FLAG_WORDS: Record<string, number> = { ...Object.fromEntries(TCP_FLAGS), ALL: 0x3f, NONE: 0 };
const SYN_MASK = 0x17;

function options(tcp: boolean): ExtOption[] {
  const ports: ExtOption[] = [
    { name: 'source-port', hasArg: 1, id: 'sport' },
    { name: 'sport', hasArg: 1, id: 'sport' },
    { name: 'destination-port', hasArg: 1, id: 'dport' },
    { name: 'dport', hasArg: 1, id: 'dport' },
  ];
  if (!tcp) return ports;
  return [...ports, { name: 'syn', hasArg: 0, id: 'syn' }, { name: 'tcp-flags', hasArg: 1, id: 'flags' }, { name: 'tcp-option', hasArg: 1, id: 'option' }];
}

/** parse_tcp_ports: "port", "a:b", ":b" (from 0), "a:" (to 65535). */
function parsePortRange(text: string, proto: string, invert: boolean, checkOrder: boolean): PortMatch | IptError {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text, proto);
    return typeof p === 'number' ? { lo: p, hi: p, neg: invert } : p;
  }
  const loText = text.slice(0, colon);
  const hiText = text.slice(colon + 1);
  const lo = loText ? parsePort(loText, proto) : 0;
  if (typeof lo !== 'number') return lo;
  const hi = hiText ? parsePort(hiText, proto) : 0xffff;
  if (typeof hi !== 'number') return hi;
  if (checkOrder && lo > hi) return paramError('invalid portrange (min > max)');
  return { lo, hi, neg: invert };
}

function parseFlags(text: string): number | IptError {
  let bits = 0;
  for (const word of text.split(',')) {
    const bit = FLAG_WORDS[word.toUpperCase()];
    if (bit === undefined) return paramError(`Unknown TCP flag \`${word}'`);
    bits |= bit;
  }
  return bits;
}

function makeExtension(kind: 'tcp' | 'udp'): MatchExtension<PortsState> {
  const tcp = kind === 'tcp';
  const upper = kind.toUpperCase();
  return {
    name: kind,
    options: options(tcp),
    init: () => ({}),
    parse(id, arg, invert, state, env) {
      if (id === 'sport' || id === 'dport') {
        if (state[id]) return paramError(`Only one \`--${id === 'sport' ? 'source' : 'destination'}-port' allowed`);
        // udp looks services up under any protocol ("ssh" works), tcp only under tcp.
        const range = parsePortRange(arg, tcp ? 'tcp' : 'any', invert, tcp);
        if ('kind' in range) return range;
        state[id] = range;
        return null;
      }
      if (id === 'option') return unsupported('tcp', 'tcp-option');
      if (state.flags) return paramError("Only one of `--syn' or `--tcp-flags'  allowed");
      if (id === 'syn') {
        state.flags = { mask: SYN_MASK, cmp: 0x02, neg: invert };
        return null;
      }
      const comp = env.takeArg();
      if (comp === null) return paramError('--tcp-flags requires two args.');
      const mask = parseFlags(arg);
      if (typeof mask !== 'number') return mask;
      const cmp = parseFlags(comp);
      if (typeof cmp !== 'number') return cmp;
      state.flags = { mask, cmp, neg: invert };
      return null;
    },
    final(_state, env) {
      const wanted = tcp ? 6 : 17;
      if (env.proto !== wanted) return paramError(`${upper} match requires '-p ${kind}'`);
      return null;
    },
    build: (state) => ({ kind, ...state }),
  };
}

export const tcpMatch = makeExtension('tcp');
export const udpMatch = makeExtension('udp');

function isFull(m: PortMatch | undefined): boolean {
  return !m || (m.lo === 0 && m.hi === 0xffff && !m.neg);
}

function listPorts(name: string, m: PortMatch | undefined, proto: string, numeric: boolean): string {
  if (!m || isFull(m)) return '';
  const inv = m.neg ? '!' : '';
  if (m.lo === m.hi) return ` ${name}:${inv}${portText(m.lo, proto, numeric)}`;
  return ` ${name}s:${inv}${portText(m.lo, proto, numeric)}:${portText(m.hi, proto, numeric)}`;
}

function flagNames(bits: number): string {
  if (bits === 0) return 'NONE';
  return TCP_FLAGS.filter(([, b]) => bits & b).map(([n]) => n).join(',');
}

function hex(n: number): string {
  return `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** ` tcp spt:1024 dpts:80:90 flags:FIN,SYN,RST,ACK/SYN` */
export function listPortsModule(m: PortsModule, env: PrintEnv): string {
  let out = ` ${m.kind}${listPorts('spt', m.sport, m.kind, env.numeric)}${listPorts('dpt', m.dport, m.kind, env.numeric)}`;
  if (m.kind === 'tcp' && m.flags) {
    const f = m.flags;
    out += ` flags:${f.neg ? '!' : ''}${env.numeric ? `${hex(f.mask)}/${hex(f.cmp)}` : `${flagNames(f.mask)}/${flagNames(f.cmp)}`}`;
  }
  return out;
}

function savePorts(name: string, m: PortMatch | undefined): string {
  if (!m || isFull(m)) return '';
  const inv = m.neg ? ' !' : '';
  return m.lo === m.hi ? `${inv} --${name} ${m.lo}` : `${inv} --${name} ${m.lo}:${m.hi}`;
}

export function savePortsModule(m: PortsModule): string {
  let out = savePorts('sport', m.sport) + savePorts('dport', m.dport);
  if (m.kind === 'tcp' && m.flags) out += `${m.flags.neg ? ' !' : ''} --tcp-flags ${flagNames(m.flags.mask)} ${flagNames(m.flags.cmp)}`;
  return out;
}
