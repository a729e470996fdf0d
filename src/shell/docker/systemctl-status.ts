/**
 * `systemctl status docker` / `docker.socket` as systemd 252 prints it without a terminal
 * (src/systemctl/systemctl-show.c print_status_info: no colours, full width, the unit's last
 * journal lines in the short format). Tasks, memory and CPU time are the simulation's figures.
 */
import type { World } from '../../engine/world';
import type { DaemonState } from '../../engine/docker/types';
import { DOCKER_DESCRIPTION, DOCKERD_CMDLINE, dockerUnits, journalText, runCpuMs, cpuSpan, type DockerUnits, type JournalEntry } from '../../engine/docker/units';
import { DAYS, MONTHS, two, utcParts } from '../../common/clock';

export type DockerUnitName = 'docker.service' | 'docker.socket';

interface Proc {
  pid: number;
  cmd: string;
}

/** What status prints for one unit, and its exit status (0 active, 3 not). */
export function unitStatus(world: World, hostname: string, daemon: DaemonState, unit: DockerUnitName, procs: Proc[], lines: number): { text: string; status: number } {
  const units = dockerUnits(daemon);
  const now = world.clock.now();
  const epoch = world.clock.epoch;
  const out: string[] = [];
  if (unit === 'docker.socket') {
    const active = units.socketActive;
    out.push(`${active ? '●' : '○'} docker.socket - Docker Socket for the API`);
    out.push('     Loaded: loaded (/lib/systemd/system/docker.socket; enabled; preset: enabled)');
    const sub = units.state === 'active' ? 'active (running)' : 'active (listening)';
    out.push(`     Active: ${active ? sub : 'inactive (dead)'} since ${timestamp(epoch + units.socketSince)}; ${relative(now - units.socketSince)}`);
    out.push(`   Triggers: ${units.state === 'active' ? '●' : units.state === 'failed' ? '×' : '○'} docker.service`);
    out.push('     Listen: /run/docker.sock (Stream)');
    // A socket unit's tasks are limited by DefaultTasksMax (15% of the simulated host's 30,380 threads).
    if (active) out.push('      Tasks: 0 (limit: 4557)', '     Memory: 0B', '        CPU: 1ms', '     CGroup: /system.slice/docker.socket');
  } else {
    const glyph = units.state === 'active' ? '●' : units.state === 'failed' ? '×' : '○';
    out.push(`${glyph} docker.service - ${DOCKER_DESCRIPTION}`);
    out.push('     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)');
    const state = units.state === 'active' ? 'active (running)' : units.state === 'failed' ? 'failed (Result: exit-code)' : 'inactive (dead)';
    out.push(`     Active: ${state} since ${timestamp(epoch + units.since)}; ${relative(now - units.since)}`);
    if (units.state === 'inactive' && units.since > units.activeSince) out.push(`   Duration: ${cpuSpan((units.since - units.activeSince) * 1000)}`);
    out.push(`TriggeredBy: ${units.socketActive ? '●' : '○'} docker.socket`);
    out.push('       Docs: https://docs.docker.com');
    if (units.state === 'active') {
      const tree = procs.filter((p) => p.pid === units.mainPid || p.cmd.startsWith('/usr/bin/docker-proxy '));
      out.push(`   Main PID: ${units.mainPid} (dockerd)`);
      out.push(`      Tasks: ${10 + 4 * (tree.length - 1)}`);
      out.push(`     Memory: ${bytes(31_561_728 + 1_363_148 * daemon.containers.length + 2_097_152 * (tree.length - 1))}`);
      out.push(`        CPU: ${cpuSpan((units.cpuMs + runCpuMs(world, daemon, units)) * 1000)}`);
      out.push('     CGroup: /system.slice/docker.service');
      tree.forEach((p, i) => out.push(`             ${i === tree.length - 1 ? '└─' : '├─'}${p.pid} ${p.cmd}`));
    } else {
      const status = units.exitStatus ?? 0;
      const how = `(code=exited, status=${status}/${status === 0 ? 'SUCCESS' : 'FAILURE'})`;
      out.push(`    Process: ${units.mainPid} ExecStart=${DOCKERD_CMDLINE} ${how}`);
      out.push(`   Main PID: ${units.mainPid} ${how}`);
      out.push(`        CPU: ${cpuSpan(units.cpuMs * 1000)}`);
    }
  }
  const journal = tail(units, unit, now, lines);
  if (journal.length > 0) out.push('', ...journal.map((e) => journalLine(e, epoch, hostname)));
  const active = unit === 'docker.socket' ? units.socketActive : units.state === 'active';
  return { text: out.join('\n') + '\n', status: active ? 0 : 3 };
}

function tail(units: DockerUnits, unit: DockerUnitName, now: number, lines: number): JournalEntry[] {
  if (lines <= 0) return [];
  const mine = units.journal.filter((e) => e.unit === unit && e.at <= now);
  return mine.slice(-lines);
}

/** journalctl's short format: "Jan 15 09:30:00 host dockerd[689]: …". */
export function journalLine(e: JournalEntry, epoch: number, hostname: string): string {
  const t = utcParts(epoch + e.at);
  return `${MONTHS[t.month]} ${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${hostname} ${e.ident}[${e.pid}]: ${journalText(e, epoch)}`;
}

/** format_timestamp_style(TIMESTAMP_PRETTY) in UTC: "Thu 2026-01-15 09:30:00 UTC". */
function timestamp(epochMs: number): string {
  const t = utcParts(epochMs);
  return `${DAYS[t.weekday]} ${t.year}-${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} UTC`;
}

/** format_timestamp_relative for a time in the past (systemd 252, src/basic/time-util.c). */
export function relative(ms: number): string {
  const us = Math.max(0, Math.round(ms * 1000));
  const S = 1e6, MIN = 60 * S, H = 60 * MIN, D = 24 * H, W = 7 * D, MONTH = 2_629_800 * S, Y = 31_557_600 * S;
  const f = Math.floor;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (us >= Y) return `${plural(f(us / Y), 'year', 'years')} ${plural(f((us % Y) / MONTH), 'month', 'months')} ago`;
  if (us >= MONTH) return `${plural(f(us / MONTH), 'month', 'months')} ${plural(f((us % MONTH) / D), 'day', 'days')} ago`;
  if (us >= W) return `${plural(f(us / W), 'week', 'weeks')} ${plural(f((us % W) / D), 'day', 'days')} ago`;
  if (us >= 2 * D) return `${f(us / D)} days ago`;
  if (us >= 25 * H) return `1 day ${f((us - D) / H)}h ago`;
  if (us >= 6 * H) return `${f(us / H)}h ago`;
  if (us >= H) return `${f(us / H)}h ${f((us % H) / MIN)}min ago`;
  if (us >= 5 * MIN) return `${f(us / MIN)}min ago`;
  if (us >= MIN) return `${f(us / MIN)}min ${f((us % MIN) / S)}s ago`;
  if (us >= S) return `${f(us / S)}s ago`;
  if (us >= 1000) return `${f(us / 1000)}ms ago`;
  if (us > 0) return `${us}us ago`;
  return 'now';
}

/** format_bytes (IEC, one decimal below the point): "33.4M". */
function bytes(n: number): string {
  const table: Array<[string, number]> = [['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]];
  for (let i = 0; i < table.length; i++) {
    const [suffix, factor] = table[i]!;
    if (n < factor) continue;
    const decimal = i !== table.length - 1 ? Math.floor((Math.floor(n / table[i + 1]![1]) * 10) / 1024) % 10 : Math.floor((n * 10) / factor) % 10;
    return `${Math.floor(n / factor)}.${decimal}${suffix}`;
  }
  return `${n}B`;
}
