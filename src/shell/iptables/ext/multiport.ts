/** `-m multiport --dports|--sports|--ports [!] p1,p2,a:b`: up to 15 ports, a range takes two. */
import type { MatchModule, PortRange } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { protocolName } from '../netdb';
import { excluded, parsePort, portText, protoName, x6Checks } from './common';
import type { ExtOption, MatchExtension, ParseEnv, PrintEnv } from './types';

type MultiportModule = Extract<MatchModule, { kind: 'multiport' }>;

interface MultiportState {
  dir: 'src' | 'dst' | 'any' | null;
  ports: PortRange[];
  neg: boolean;
}

const OPTIONS: ExtOption[] = [
  { name: 'source-ports', hasArg: 1, id: 'src' },
  { name: 'sports', hasArg: 1, id: 'src' },
  { name: 'destination-ports', hasArg: 1, id: 'dst' },
  { name: 'dports', hasArg: 1, id: 'dst' },
  { name: 'ports', hasArg: 1, id: 'any' },
];

const MAX_PORTS = 15;
const PORT_PROTOS = new Set([6, 17, 33, 132, 136]);

/** check_proto: multiport needs a protocol with ports, not negated. */
function checkProto(env: ParseEnv): string | IptError {
  const onlyWorks = paramError('multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
  if (env.protoInverted) return onlyWorks;
  const proto = env.proto ?? 0;
  if (proto === 0) return paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
  if (!PORT_PROTOS.has(proto) || !protocolName(proto)) return onlyWorks;
  return protoName(proto);
}

function parseList(text: string, proto: string): PortRange[] | IptError {
  const ranges: PortRange[] = [];
  let slots = 0;
  for (const item of text.split(',')) {
    if (slots >= MAX_PORTS) return paramError('too many ports specified');
    const colon = item.indexOf(':');
    const lo = parsePort(colon < 0 ? item : item.slice(0, colon), proto);
    if (typeof lo !== 'number') return lo;
    if (colon < 0) {
      ranges.push({ lo, hi: lo });
      slots += 1;
      continue;
    }
    if (slots + 2 > MAX_PORTS) return paramError('too many ports specified');
    const hi = parsePort(item.slice(colon + 1), proto);
    if (typeof hi !== 'number') return hi;
    if (lo >= hi) return paramError('invalid portrange specified');
    ranges.push({ lo, hi });
    slots += 2;
  }
  return ranges;
}

export const multiportMatch: MatchExtension<MultiportState> = {
  name: 'multiport',
  options: OPTIONS,
  init: () => ({ dir: null, ports: [], neg: false }),
  parse(id, arg, invert, state, env, seen) {
    const check = x6Checks('multiport', OPTIONS, id, invert, seen, true);
    if (check) return check;
    const proto = checkProto(env);
    if (typeof proto !== 'string') return proto;
    const ports = parseList(arg, proto);
    if (!Array.isArray(ports)) return ports;
    Object.assign(state, { dir: id, ports, neg: invert });
    return null;
  },
  final(_state, _env, seen) {
    if (seen.has('src') && (seen.has('dst') || seen.has('any'))) return excluded('multiport', 'source-ports', seen.has('dst') ? 'destination-ports' : 'ports');
    if (seen.has('dst') && seen.has('any')) return excluded('multiport', 'destination-ports', 'ports');
    if (seen.size === 0) return paramError('multiport expection an option');
    return null;
  },
  build: (s) => ({ kind: 'multiport', dir: s.dir ?? 'any', ports: s.ports, neg: s.neg }),
};

function portList(m: MultiportModule, proto: string, numeric: boolean): string {
  return m.ports.map((r) => (r.lo === r.hi ? portText(r.lo, proto, numeric) : `${portText(r.lo, proto, numeric)}:${portText(r.hi, proto, numeric)}`)).join(',');
}

const DIR_WORD = { src: 'sports', dst: 'dports', any: 'ports' } as const;

export function listMultiport(m: MultiportModule, env: PrintEnv): string {
  return ` multiport ${DIR_WORD[m.dir]} ${m.neg ? ' !' : ''}${portList(m, protoName(env.proto), env.numeric)}`;
}

export function saveMultiport(m: MultiportModule): string {
  return `${m.neg ? ' !' : ''} --${DIR_WORD[m.dir]} ${portList(m, '', true)}`;
}
