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

const PRELUDE = `set +e
mkdir -p /run/netns && mount -t tmpfs none /run/netns || exit 99
ip link set lo up
`;

export function recordKernel(lines: string[], timeoutSec: number): KernelTiming {
  const dir = mkdtempSync(join(tmpdir(), 'vethlab-bench-'));
  try {
    const script = join(dir, 'script.sh');
    // Each line runs as its own process, as when a learner types it.
    const body = lines.map((l) => `bash -c ${JSON.stringify(l)} >/dev/null 2>&1`).join('\n');
    writeFileSync(script, `${PRELUDE}start=$(date +%s%N)\n${body}\nend=$(date +%s%N)\necho $(( (end - start) / 1000 ))\n`);
    const out = execFileSync('timeout', [String(timeoutSec), 'unshare', '--net', '--mount', '--uts', '--propagation', 'private', 'bash', script], { encoding: 'utf8' });
    const micros = Number(out.trim().split('\n').pop());
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
