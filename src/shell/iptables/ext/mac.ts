/** `-m mac [!] --mac-source XX:XX:XX:XX:XX:XX` (a frame's source address; PREROUTING, INPUT, FORWARD only). */
import type { MatchModule } from '../../../engine/netfilter/types';
import { paramError } from '../errors';
import { mustBeSpecified, x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

type MacModule = Extract<MatchModule, { kind: 'mac' }>;

const OPTIONS: ExtOption[] = [{ name: 'mac-source', hasArg: 1, id: 'source' }];

export const macMatch: MatchExtension<{ mac: string | null; neg: boolean }> = {
  name: 'mac',
  options: OPTIONS,
  init: () => ({ mac: null, neg: false }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('mac', OPTIONS, id, invert, seen, true);
    if (check) return check;
    const parts = arg.split(':');
    if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) return paramError('Invalid MAC address specified.');
    state.mac = parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
    state.neg = invert;
    return null;
  },
  final: (s) => (s.mac === null ? mustBeSpecified('mac', 'mac-source') : null),
  build: (s) => ({ kind: 'mac', mac: s.mac ?? '', neg: s.neg }),
};

export function listMac(m: MacModule): string {
  return ` MAC ${m.neg ? '! ' : ''}${m.mac}`;
}

export function saveMac(m: MacModule): string {
  return `${m.neg ? ' !' : ''} --mac-source ${m.mac}`;
}
