/**
 * Times the same script on the real Linux kernel, inside a private `unshare --net --mount`
 * sandbox (never the machine's own namespace), one process per line as a learner's shell does.
 * Results are saved in bench/real-kernel.json so machines without root can still print ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KernelTiming {
  ms: number;
  commands: number;
  recordedAt: string;
  kernel: string;
}

export function canRecord(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root';
  for (const tool of ['unshare', 'ip', 'ping']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} not installed`;
    }
  }
  return null;
}

/**
 * Runs the script through test/oracle/record.sh in BENCH mode: the same sandbox and hidden LAN
 * (router, 192.168.1.3, internet) as the goldens, one `bash -c` per line, no recorder waits.
 */
export function recordKernel(recorder: string, name: string, lines: string[], timeoutSec: number): KernelTiming {
  const dir = mkdtempSync(join(tmpdir(), 'vethlab-bench-'));
  try {
    const script = join(dir, `${name}.sh`);
    const timeFile = join(dir, 'elapsed-us');
    writeFileSync(script, lines.join('\n') + '\n');
    execFileSync('bash', [recorder, script], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH: '1', BENCH_FILE: timeFile, GOLDEN_DIR: dir, SCRIPT_TIMEOUT: String(timeoutSec) },
    });
    const micros = Number(readFileSync(timeFile, 'utf8').trim());
    const kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
    return { ms: micros / 1000, commands: lines.length, recordedAt: new Date().toISOString(), kernel };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadRecorded(file: string): Record<string, KernelTiming> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, KernelTiming>) : {};
}

export function saveRecorded(file: string, data: Record<string, KernelTiming>): void {
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}
