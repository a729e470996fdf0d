/** docker inspect's State.Health and Config.Healthcheck (moby's types; both omitempty). */
import { healthAt } from '../../engine/docker/health';
import type { Container } from '../../engine/docker/types';
import { apiTime } from './human';

/** State.Health at clock `now`: {"Status", "FailingStreak", "Log": [{"Start", "End", "ExitCode", "Output"}]}. */
export function healthJson(c: Container, epoch: number, now: number): { Health?: unknown } {
  const h = healthAt(c, now);
  if (!h) return {};
  return { Health: { Status: h.status, FailingStreak: h.failingStreak, Log: h.log.map((e) => ({ Start: apiTime(epoch + e.start), End: apiTime(epoch + e.end), ExitCode: e.exitCode, Output: e.output })) } };
}

/** Config.Healthcheck: the test and only the durations and retries that were set (nanoseconds). */
export function healthcheckJson(c: Container): { Healthcheck?: unknown } {
  const cfg = c.health;
  if (!cfg) return {};
  const ns = (ms: number) => Math.round(ms * 1e6);
  return {
    Healthcheck: {
      Test: cfg.test.length ? cfg.test : null,
      ...(cfg.interval ? { Interval: ns(cfg.interval) } : {}),
      ...(cfg.timeout ? { Timeout: ns(cfg.timeout) } : {}),
      ...(cfg.startPeriod ? { StartPeriod: ns(cfg.startPeriod) } : {}),
      ...(cfg.startInterval ? { StartInterval: ns(cfg.startInterval) } : {}),
      ...(cfg.retries ? { Retries: cfg.retries } : {}),
    },
  };
}
