/** `-m addrtype [!] --src-type T[,T] [!] --dst-type T[,T] [--limit-iface-in|--limit-iface-out]`. */
import type { AddrTypeMatch, MatchModule } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { excluded, x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

type AddrtypeModule = Extract<MatchModule, { kind: 'addrtype' }>;

/** Route types in bit order (how lists print). */
const TYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];

interface AddrtypeState {
  src?: AddrTypeMatch;
  dst?: AddrTypeMatch;
  limitIfaceIn?: boolean;
  limitIfaceOut?: boolean;
}

const OPTIONS: ExtOption[] = [
  { name: 'src-type', hasArg: 1, id: 'src' },
  { name: 'dst-type', hasArg: 1, id: 'dst' },
  { name: 'limit-iface-in', hasArg: 0, id: 'in' },
  { name: 'limit-iface-out', hasArg: 0, id: 'out' },
];

function parseTypes(text: string): string[] | IptError {
  const found = new Set<string>();
  for (const word of text.split(',')) {
    const type = TYPES.find((t) => t === word.toUpperCase());
    if (!type) return paramError(`addrtype: bad type "${word}"`);
    found.add(type);
  }
  return TYPES.filter((t) => found.has(t));
}

export const addrtypeMatch: MatchExtension<AddrtypeState> = {
  name: 'addrtype',
  options: OPTIONS,
  init: () => ({}),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('addrtype', OPTIONS, id, invert, seen, id === 'src' || id === 'dst');
    if (check) return check;
    if (id === 'in' || id === 'out') {
      state[id === 'in' ? 'limitIfaceIn' : 'limitIfaceOut'] = true;
      return null;
    }
    const types = parseTypes(arg);
    if (!Array.isArray(types)) return types;
    state[id as 'src' | 'dst'] = { types, neg: invert };
    return null;
  },
  final(state, _env, seen) {
    if (seen.has('in') && seen.has('out')) return excluded('addrtype', 'limit-iface-in', 'limit-iface-out');
    if (!state.src && !state.dst) return paramError('addrtype: you must specify --src-type or --dst-type');
    return null;
  },
  build: (s) => ({ kind: 'addrtype', ...s }),
};

/** ` ADDRTYPE match src-type UNICAST dst-type !LOCAL limit-in` */
export function listAddrtype(m: AddrtypeModule): string {
  let out = ' ADDRTYPE match';
  if (m.src) out += ` src-type ${m.src.neg ? '!' : ''}${m.src.types.join(',')}`;
  if (m.dst) out += ` dst-type ${m.dst.neg ? '!' : ''}${m.dst.types.join(',')}`;
  if (m.limitIfaceIn) out += ' limit-in';
  if (m.limitIfaceOut) out += ' limit-out';
  return out;
}

export function saveAddrtype(m: AddrtypeModule): string {
  let out = '';
  if (m.src) out += `${m.src.neg ? ' !' : ''} --src-type ${m.src.types.join(',')}`;
  if (m.dst) out += `${m.dst.neg ? ' !' : ''} --dst-type ${m.dst.types.join(',')}`;
  if (m.limitIfaceIn) out += ' --limit-iface-in';
  if (m.limitIfaceOut) out += ' --limit-iface-out';
  return out;
}
