/**
 * Checks for `--secret` / `--config` references of a service. The secrets and configs engine
 * registers its lookups here; until then any name is accepted and kept in the spec.
 */
import type { World } from '../world';
import type { Cluster } from './types';

export type ReferenceCheck = (world: World, cluster: Cluster, name: string) => string | undefined;

export const referenceChecks: { secret?: ReferenceCheck; config?: ReferenceCheck } = {};

/** The daemon's error for the first reference that does not resolve, if any. */
export function checkReferences(world: World, cluster: Cluster, kind: 'secret' | 'config', refs: string[]): string | undefined {
  const check = referenceChecks[kind];
  if (!check) return undefined;
  for (const ref of refs) {
    const error = check(world, cluster, ref.split(',')[0]!.replace(/^source=/, ''));
    if (error) return error;
  }
  return undefined;
}
