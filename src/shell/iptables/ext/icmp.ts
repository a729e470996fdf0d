/** `-p icmp --icmp-type [!] NAME|TYPE[/CODE]`: the type names of libxt_icmp. */
import type { MatchModule } from '../../../engine/netfilter/types';
import { paramError } from '../errors';
import { strtoui } from '../numbers';
import { x6Checks } from './common';
import type { ExtOption, MatchExtension, PrintEnv } from './types';

type IcmpModule = Extract<MatchModule, { kind: 'icmp' }>;

/** [name, type, code min, code max], in the order iptables searches and prints them. */
export const ICMP_TYPES: [string, number, number, number][] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];

interface IcmpState {
  type: number;
  codeMin: number;
  codeMax: number;
  neg: boolean;
}

const OPTIONS: ExtOption[] = [{ name: 'icmp-type', hasArg: 1, id: 'type' }];

export const icmpMatch: MatchExtension<IcmpState> = {
  name: 'icmp',
  options: OPTIONS,
  init: () => ({ type: 0xff, codeMin: 0, codeMax: 0xff, neg: false }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('icmp', OPTIONS, id, invert, seen, true);
    if (check) return check;
    const lower = arg.toLowerCase();
    const hits = ICMP_TYPES.filter(([name]) => name.toLowerCase().startsWith(lower));
    if (hits.length > 1) return paramError(`Ambiguous ICMP type \`${arg}': \`${hits[0]![0]}' or \`${hits[1]![0]}'?`);
    const hit = hits[0];
    if (hit) {
      Object.assign(state, { type: hit[1], codeMin: hit[2], codeMax: hit[3], neg: invert });
      return null;
    }
    const [typeText, codeText] = splitOnce(arg, '/');
    const type = strtoui(typeText, 0xff);
    if (type === null) return paramError(`Unknown ICMP type \`${arg}'`);
    const code = codeText === null ? null : strtoui(codeText, 0xff);
    if (codeText !== null && code === null) return paramError(`Unknown ICMP code \`${arg}'`);
    Object.assign(state, { type, codeMin: code ?? 0, codeMax: code ?? 0xff, neg: invert });
    return null;
  },
  final: () => null,
  build: (s) => ({ kind: 'icmp', type: s.type, codeMin: s.codeMin, codeMax: s.codeMax, neg: s.neg }),
};

function splitOnce(text: string, sep: string): [string, string | null] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, null] : [text.slice(0, i), text.slice(i + 1)];
}

/** ` icmp echo-request`, numerically ` icmptype 8 code 0` (sic: no space after "icmp"). */
export function listIcmp(m: IcmpModule, env: PrintEnv): string {
  if (!env.numeric) {
    const named = ICMP_TYPES.find(([, t, lo, hi]) => t === m.type && lo === m.codeMin && hi === m.codeMax);
    if (named) return ` icmp ${m.neg ? '!' : ''}${named[0]}`;
  }
  let out = ` icmp${m.neg ? ' !' : ''}type ${m.type}`;
  if (m.codeMin === m.codeMax) out += ` code ${m.codeMin}`;
  else if (m.codeMin !== 0 || m.codeMax !== 0xff) out += ` codes ${m.codeMin}-${m.codeMax}`;
  return out;
}

export function saveIcmp(m: IcmpModule): string {
  const inv = m.neg ? ' !' : '';
  if (m.type === 0xff) return `${inv} --icmp-type any`;
  const code = m.codeMin !== 0 || m.codeMax !== 0xff ? `/${m.codeMin}` : '';
  return `${inv} --icmp-type ${m.type}${code}`;
}
