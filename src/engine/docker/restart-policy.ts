/**
 * Restart policies as dockerd applies them (daemon/restartmanager): `no`, `on-failure[:N]`,
 * `always`, `unless-stopped`; the back-off between restarts (100 ms, doubling, at most 1 min);
 * and which containers a daemon start brings back (with and without live-restore).
 */
import type { Container } from './types';

export type RestartPolicyName = 'no' | 'always' | 'on-failure' | 'unless-stopped';

export function restartPolicy(c: Container): { name: RestartPolicyName; maximumRetryCount: number } {
  const [name, max] = c.restart.split(':');
  return { name: (name || 'no') as RestartPolicyName, maximumRetryCount: Number(max ?? 0) };
}

/** After the main process exited by itself (or was killed, not stopped through the API). */
export function wantsRestart(c: Container, code: number): boolean {
  if (c.restartSuppressed) return false;
  const { name, maximumRetryCount } = restartPolicy(c);
  if (name === 'always' || name === 'unless-stopped') return true;
  if (name === 'on-failure') return code !== 0 && (maximumRetryCount === 0 || c.restartCount < maximumRetryCount);
  return false;
}

/** The restart manager's back-off before the Nth restart: 100 ms doubling, capped at one minute. */
export function restartDelay(restartCount: number): number {
  return Math.min(100 * 2 ** restartCount, 60_000);
}

/**
 * When dockerd starts again (without live-restore, so its shutdown stopped every container):
 * `always` containers start even after `docker stop`; `unless-stopped` ones unless the user
 * stopped them; `on-failure` ones that the shutdown stopped (a non-zero exit); `no` stay down.
 */
export function startsWithDaemon(c: Container, stoppedByShutdown: boolean): boolean {
  const { name } = restartPolicy(c);
  if (name === 'always') return true;
  if (name === 'unless-stopped') return !c.restartSuppressed;
  if (name === 'on-failure') return stoppedByShutdown;
  return false;
}
