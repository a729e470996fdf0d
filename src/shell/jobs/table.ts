/**
 * The shell's background jobs (`cmd &`) and the builtins that use them: `wait`, `kill`, `$!`.
 * Messages and statuses as bash 5.2 prints them.
 */
import type { Output } from '../types';
import { Signal, type Group, type Proc, type SignalName } from './process';
import type { Job } from './scheduler';

export interface BackgroundJob {
  /** The job number (%1). */
  number: number;
  pid: number;
  job: Job;
  group: Group;
  /** The command as typed, for `jobs` and the notices. */
  text: string;
  /** The command line that started it (JobTable.line when it was added). */
  line: number;
}

export class JobTable {
  readonly jobs: BackgroundJob[] = [];
  /** `$!`: the process id of the last background job. */
  lastPid: number | null = null;
  private nextPid: number;
  /** Counts the command lines the shell ran, so a notice waits for the line after the job's. */
  line = 0;

  constructor(shellPid: number) {
    this.nextPid = shellPid + 1;
  }

  allocatePid(): number {
    return this.nextPid++;
  }

  add(pid: number, job: Job, group: Group, text = ''): BackgroundJob {
    this.forgetDone();
    const number = this.jobs.reduce((max, j) => Math.max(max, j.number), 0) + 1;
    const entry = { number, pid, job, group, text, line: this.line };
    this.jobs.push(entry);
    this.lastPid = pid;
    return entry;
  }

  /** %N, %%, %+, %- or a pid. */
  find(spec: string): BackgroundJob | undefined {
    if (spec === '%%' || spec === '%+' || spec === '%') return this.jobs[this.jobs.length - 1];
    if (spec === '%-') return this.jobs[this.jobs.length - 2];
    if (spec.startsWith('%')) return this.jobs.find((j) => String(j.number) === spec.slice(1));
    return this.jobs.find((j) => String(j.pid) === spec);
  }

  /** `+` for the current job (the newest), `-` for the previous one, else a space. */
  marker(entry: BackgroundJob): string {
    const i = this.jobs.indexOf(entry);
    return i === this.jobs.length - 1 ? '+' : i === this.jobs.length - 2 ? '-' : ' ';
  }

  /**
   * An interactive shell's reports, after a command line, of the jobs started by an earlier line
   * that have ended (bash reports before the next prompt); it then forgets them.
   */
  notices(): string[] {
    const done = this.jobs.filter((j) => j.job.status !== null && j.line < this.line);
    const lines = done.map((j) => `[${j.number}]${this.marker(j)}  ${jobState(j).padEnd(24)}${j.text}\n`);
    for (const j of done) this.jobs.splice(this.jobs.indexOf(j), 1);
    return lines;
  }

  forgetDone(): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) if (this.jobs[i]!.job.status !== null) this.jobs.splice(i, 1);
  }
}

/** How bash names a job's state: Running, Done, Exit N, or the signal that ended it. */
function jobState(entry: BackgroundJob): string {
  const status = entry.job.status;
  if (status === null) return 'Running';
  if (status === 0) return 'Done';
  const signal = entry.group.signal;
  if (signal && status === signal.status) return { INT: 'Interrupt', TERM: 'Terminated', KILL: 'Killed' }[signal.name];
  return `Exit ${status}`;
}

/**
 * jobs [-l] [-p]: the background jobs as bash 5.2 lists them (`[1]+  Running                 sleep 10 &`);
 * an interactive shell also reports the ended ones once, a script forgets them silently.
 */
export function jobsBuiltin(args: string[], table: JobTable, out: Output, interactive: boolean): number {
  if (args[0] === '-x') return 0;
  const bad = args.find((a) => !/^-[lpnrs]+$/.test(a));
  if (bad !== undefined) {
    out.err(bad.startsWith('-') ? `bash: jobs: ${bad.slice(0, 2)}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]` : `bash: jobs: ${bad}: no such job`);
    return bad.startsWith('-') ? 2 : 1;
  }
  const flags = args.join('');
  for (const j of table.jobs) {
    if (j.job.status !== null && !interactive) continue;
    if (flags.includes('p')) {
      out.line(String(j.pid));
      continue;
    }
    const pid = flags.includes('l') ? `${String(j.pid).padStart(5)} ` : ' ';
    const state = jobState(j);
    out.line(`[${j.number}]${table.marker(j)} ${pid}${state.padEnd(24)}${j.text}${state === 'Running' ? ' &' : ''}`);
  }
  table.forgetDone();
  return 0;
}

/** wait [%N|PID ...]: waits for the jobs; status of the last one named (0 for all). */
export function* waitBuiltin(args: string[], table: JobTable, out: Output): Proc {
  if (args.length === 0) {
    const running = table.jobs.map((j) => j.job).filter((j) => j.status === null);
    if (running.length > 0) yield { kind: 'jobs', jobs: running };
    table.forgetDone();
    return 0;
  }
  let status = 0;
  for (const spec of args) {
    const entry = table.find(spec);
    if (!entry) {
      if (spec.startsWith('%')) out.err(`bash: wait: ${spec}: no such job`);
      else if (/^\d+$/.test(spec)) out.err(`bash: wait: pid ${spec} is not a child of this shell`);
      else out.err(`bash: wait: \`${spec}': not a pid or valid job spec`);
      status = 127;
      continue;
    }
    if (entry.job.status === null) yield { kind: 'jobs', jobs: [entry.job] };
    status = entry.job.status ?? 127;
    table.jobs.splice(table.jobs.indexOf(entry), 1);
  }
  return status;
}

const SIGNALS: Record<string, SignalName> = { INT: 'INT', '2': 'INT', TERM: 'TERM', '15': 'TERM', KILL: 'KILL', '9': 'KILL' };

/** kill [-SIG | -s SIG] %N|PID ...: signals background jobs. */
export function killBuiltin(args: string[], table: JobTable, out: Output): number {
  let name: SignalName = 'TERM';
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n') {
    const sig = SIGNALS[(args[1] ?? '').toUpperCase().replace(/^SIG/, '')];
    if (!sig) return usage(out, args[1] ?? '');
    name = sig;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0].length > 1) {
    const sig = SIGNALS[args[0].slice(1).toUpperCase().replace(/^SIG/, '')];
    if (!sig) {
      out.err(`bash: kill: ${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    name = sig;
    i = 1;
  }
  if (i >= args.length) {
    out.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]');
    return 2;
  }
  let status = 0;
  for (const spec of args.slice(i)) {
    const entry = table.find(spec);
    if (!entry || entry.job.status !== null) {
      if (spec.startsWith('%')) out.err(`bash: kill: ${spec}: no such job`);
      else if (/^-?\d+$/.test(spec)) out.err(`bash: kill: (${spec}) - No such process`);
      else out.err(`bash: kill: ${spec}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    const signal = new Signal(name);
    entry.group.signal = signal;
    entry.job.signal(signal);
  }
  return status;
}

function usage(out: Output, sig: string): number {
  out.err(`bash: kill: ${sig}: invalid signal specification`);
  return 1;
}
