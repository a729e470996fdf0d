/**
 * The prune commands' confirmation (docker/cli internal/prompt.Confirm): the question and
 * " [y/N] " on stdout, the answer from stdin. Without an answer (a script, a lab cell) it is "N":
 * nothing is removed and nothing more is printed.
 */
import type { Output } from '../types';
import type { DockerCtx } from './context';

export function confirmPrune(d: DockerCtx, warning: string, out: Output): boolean {
  out.out(`${warning} [y/N] `);
  const answer = d.sh.stdin.split('\n')[0]?.trim().toLowerCase() ?? '';
  return answer === 'y' || answer === 'yes';
}
