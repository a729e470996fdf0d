/** procps `ps` inside a container: PID 1 is the image's main process. */
import type { Container } from '../../engine/docker/types';
import { imageOf } from '../../engine/docker/containers';
import { nginxWorkers } from '../../engine/docker/procs-workers';
import { type CommandResult, success } from '../types';
import type { DockerCtx } from '../docker/context';

export function containerPs(d: DockerCtx, c: Container, argv: string[]): CommandResult {
  const image = imageOf(d.daemon, c);
  const cmd = [c.path, ...c.args].join(' ');
  const full = argv.slice(1).some((a) => /^-?\w*[ef]/.test(a) || a === 'aux');
  const procs: Array<[number, string]> = [[1, image?.service === 'nginx' ? 'nginx: master process nginx -g daemon off;' : cmd]];
  if (image?.service === 'nginx') for (const w of [...nginxWorkers(c)].sort((a, b) => a.ns - b.ns)) procs.push([w.ns, 'nginx: worker process']);
  procs.push([procs.length === 1 ? 7 : Math.max(...procs.map(([pid]) => pid)) + 1, full ? 'ps ' + argv.slice(1).join(' ') : 'ps']);
  if (!full) {
    const short = (s: string) => (s.startsWith('nginx') ? 'nginx' : s.split(' ')[0]!.split('/').pop()!.slice(0, 15));
    return success('    PID TTY          TIME CMD\n' + procs.map(([pid, s]) => `${String(pid).padStart(7)} ${c.tty ? 'pts/0   ' : '?       '} 00:00:00 ${short(s)}\n`).join(''));
  }
  const lines = procs.map(([pid, s]) => `${pid === 1 ? 'root' : s.includes('worker') ? 'nginx' : 'root'}${' '.repeat(pid === 1 || !s.includes('worker') ? 9 : 8)}${String(pid).padStart(3)}  ${pid === 1 ? '    0' : '    1'}  0 09:30 ${c.tty ? 'pts/0   ' : '?       '} 00:00:00 ${s}\n`);
  return success('UID          PID    PPID  C STIME TTY          TIME CMD\n' + lines.join(''));
}
