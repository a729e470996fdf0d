/** `-m comment --comment TEXT` (at most 255 characters are kept). */
import type { MatchModule } from '../../../engine/netfilter/types';
import { mustBeSpecified, saveString, x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

const OPTIONS: ExtOption[] = [{ name: 'comment', hasArg: 1, id: 'comment' }];
const MAX_COMMENT = 255;

export const commentMatch: MatchExtension<{ comment: string | null }> = {
  name: 'comment',
  options: OPTIONS,
  init: () => ({ comment: null }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('comment', OPTIONS, id, invert, seen, false);
    if (check) return check;
    state.comment = arg.slice(0, MAX_COMMENT);
    return null;
  },
  final: (state) => (state.comment === null ? mustBeSpecified('comment', 'comment') : null),
  build: (s) => ({ kind: 'comment', comment: s.comment ?? '' }),
};

export function listComment(m: Extract<MatchModule, { kind: 'comment' }>): string {
  return ` /* ${m.comment} */`;
}

export function saveComment(m: Extract<MatchModule, { kind: 'comment' }>): string {
  return ` --comment${saveString(m.comment)}`;
}
