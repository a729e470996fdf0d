/** `-m conntrack --ctstate` and `-m state --state`: connection tracking states. */
import { CT_STATES, type CtState, type MatchModule } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { mustBeSpecified, unsupported, x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

interface StatesState {
  states: CtState[];
  neg: boolean;
}

const STATE_NAMES: CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED'];

function parseStates(text: string, allowed: readonly CtState[], what: string): CtState[] | IptError {
  const found = new Set<CtState>();
  for (const word of text.split(',')) {
    const state = allowed.find((s) => s === word.toUpperCase());
    if (!state) return paramError(`Bad ${what} "${word}"`);
    found.add(state);
  }
  // Printed in the kernel's bit order, whatever order they were given in.
  return CT_STATES.filter((s) => found.has(s));
}

/** All of libxt_conntrack's options, so that abbreviations are as ambiguous as for the real one. */
const CONNTRACK_OPTIONS: ExtOption[] = [
  'ctstate', 'ctproto', 'ctorigsrc', 'ctorigdst', 'ctreplsrc', 'ctrepldst', 'ctstatus', 'ctexpire',
  'ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport', 'ctdir',
].map((name) => ({ name, hasArg: 1 as const, id: name }));

export const conntrackMatch: MatchExtension<StatesState> = {
  name: 'conntrack',
  options: CONNTRACK_OPTIONS,
  init: () => ({ states: [], neg: false }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('conntrack', CONNTRACK_OPTIONS, id, invert, seen, true);
    if (check) return check;
    if (id !== 'ctstate') return unsupported('conntrack', id);
    const states = parseStates(arg, CT_STATES, 'ctstate');
    if (!Array.isArray(states)) return states;
    Object.assign(state, { states, neg: invert });
    return null;
  },
  final: (_s, _e, seen) => (seen.size === 0 ? paramError('conntrack: At least one option is required') : null),
  build: (s) => ({ kind: 'conntrack', ctstate: s.states, neg: s.neg }),
};

const STATE_OPTIONS: ExtOption[] = [{ name: 'state', hasArg: 1, id: 'state' }];

export const stateMatch: MatchExtension<StatesState> = {
  name: 'state',
  options: STATE_OPTIONS,
  init: () => ({ states: [], neg: false }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('state', STATE_OPTIONS, id, invert, seen, true);
    if (check) return check;
    const states = parseStates(arg, STATE_NAMES, 'state');
    if (!Array.isArray(states)) return states;
    Object.assign(state, { states, neg: invert });
    return null;
  },
  final: (_s, _e, seen) => (seen.size === 0 ? mustBeSpecified('state', 'state') : null),
  build: (s) => ({ kind: 'state', states: s.states, neg: s.neg }),
};

type StateModule = Extract<MatchModule, { kind: 'conntrack' | 'state' }>;

function statesOf(m: StateModule): CtState[] {
  return m.kind === 'conntrack' ? m.ctstate : m.states;
}

/** ` ctstate RELATED,ESTABLISHED`, negated ` ! ctstate NEW`. */
export function listStates(m: StateModule): string {
  const word = m.kind === 'conntrack' ? 'ctstate' : 'state';
  return `${m.neg ? ' !' : ''} ${word} ${statesOf(m).join(',')}`;
}

export function saveStates(m: StateModule): string {
  const word = m.kind === 'conntrack' ? 'ctstate' : 'state';
  return `${m.neg ? ' !' : ''} --${word} ${statesOf(m).join(',')}`;
}
