/** `-j REJECT [--reject-with TYPE]`: names and aliases match by case-insensitive prefix, first wins. */
import type { Target } from '../../../engine/netfilter/types';
import { paramError } from '../errors';
import { x6Checks } from './common';
import type { ExtOption, TargetExtension } from './types';

const REJECT_TYPES: [string, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

const OPTIONS: ExtOption[] = [{ name: 'reject-with', hasArg: 1, id: 'with' }];

export const rejectTarget: TargetExtension<{ with: string }> = {
  name: 'REJECT',
  options: OPTIONS,
  init: () => ({ with: 'icmp-port-unreachable' }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('REJECT', OPTIONS, id, invert, seen, false);
    if (check) return check;
    const lower = arg.toLowerCase();
    const hit = REJECT_TYPES.find(([name, alias]) => name.startsWith(lower) || alias.startsWith(lower));
    if (!hit) return paramError(`unknown reject type "${arg}"`);
    state.with = hit[0];
    return null;
  },
  final: () => null,
  build: (s) => ({ kind: 'REJECT', rejectWith: s.with }),
};

export function listReject(t: Extract<Target, { kind: 'REJECT' }>): string {
  return ` reject-with ${t.rejectWith}`;
}

export function saveReject(t: Extract<Target, { kind: 'REJECT' }>): string {
  return ` --reject-with ${t.rejectWith}`;
}
