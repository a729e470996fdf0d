/**
 * Heap and RSS after a full garbage collection (gc exposed at run time: no node flag needed), and a
 * fresh Node process to measure them in: the extension host is a Node process holding the
 * extension and what it made, so the bench's own process (other benchmarks, their garbage) is not.
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface Memory { heapUsed: number; rss: number }

export function heapAfterGc(): Memory {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

/**
 * Runs `node <script> ...args` and returns the JSON it prints last: the figures of a process that
 * loaded only what that script loads.
 */
export function inFreshProcess<T>(script: string, args: string[], timeoutMs = 600000): T {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`${script} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-500)}`);
  return JSON.parse(last) as T;
}
