/** `-m iprange [!] --src-range A[-B] [!] --dst-range A[-B]`. */
import { formatIpv4 } from '../../../engine/net/ipv4';
import type { IpRange, MatchModule } from '../../../engine/netfilter/types';
import { paramError } from '../errors';
import { inetPton } from '../numbers';
import { x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

type IprangeModule = Extract<MatchModule, { kind: 'iprange' }>;

const OPTIONS: ExtOption[] = [
  { name: 'src-range', hasArg: 1, id: 'src' },
  { name: 'dst-range', hasArg: 1, id: 'dst' },
];

export const iprangeMatch: MatchExtension<{ src?: IpRange; dst?: IpRange }> = {
  name: 'iprange',
  options: OPTIONS,
  init: () => ({}),
  parse(id, arg, invert, state, env, seen) {
    const check = x6Checks('iprange', OPTIONS, id, invert, seen, true);
    if (check) return check;
    const dash = arg.indexOf('-');
    const lo = inetPton(dash < 0 ? arg : arg.slice(0, dash));
    const hi = dash < 0 ? lo : inetPton(arg.slice(dash + 1));
    if (lo === null || hi === null) return paramError(`iprange: Bad value for "--${id}-range" option: "${arg}"`);
    if (lo > hi) env.warn(`xt_iprange: range ${formatIpv4(lo)}-${formatIpv4(hi)} is reversed and will never match\n`);
    state[id as 'src' | 'dst'] = { lo, hi, neg: invert };
    return null;
  },
  final: (s) => (!s.src && !s.dst ? paramError("iprange match: You must specify `--src-range' or `--dst-range'") : null),
  build: (s) => ({ kind: 'iprange', ...s }),
};

function range(r: IpRange): string {
  return `${formatIpv4(r.lo)}-${formatIpv4(r.hi)}`;
}

export function listIprange(m: IprangeModule): string {
  let out = '';
  if (m.src) out += ` source IP range ${m.src.neg ? '! ' : ''}${range(m.src)}`;
  if (m.dst) out += ` destination IP range ${m.dst.neg ? '! ' : ''}${range(m.dst)}`;
  return out;
}

export function saveIprange(m: IprangeModule): string {
  let out = '';
  if (m.src) out += `${m.src.neg ? ' !' : ''} --src-range ${range(m.src)}`;
  if (m.dst) out += `${m.dst.neg ? ' !' : ''} --dst-range ${range(m.dst)}`;
  return out;
}
