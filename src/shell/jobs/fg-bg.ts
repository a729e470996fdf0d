/**
 * `fg` and `bg` (and `%N` as a command): bash 5.2's job control builtins, recorded in an
 * interactive bash on a terminal. A non-interactive bash (a script, `bash -c`, a lab cell) has no
 * job control: both say so and fail. Jobs here never stop (there is no Ctrl-Z), so `bg` finds
 * every job already running, and `fg` waits in the foreground for the job to end.
 */
import type { Output } from '../types';
import { Signal, type Proc } from './process';
import type { BackgroundJob, JobTable } from './table';

type Lookup = { entry: BackgroundJob } | { error: string };

/** bash's get_job_spec: %%, %+, %-, %N or N, %?TEXT (in the command), %TEXT (its start). */
export function lookupJob(table: JobTable, spec: string | undefined): Lookup {
  const jobs = table.jobs;
  if (spec === undefined || spec === '%' || spec === '%%' || spec === '%+') {
    const entry = jobs[jobs.length - 1];
    return entry ? { entry } : { error: `${spec ?? 'current'}: no such job` };
  }
  if (spec === '%-') {
    const entry = jobs[jobs.length - 2] ?? (jobs.length === 1 ? jobs[0] : undefined);
    return entry ? { entry } : { error: `${spec}: no such job` };
  }
  const word = spec.startsWith('%') ? spec.slice(1) : spec;
  if (/^\d+$/.test(word)) {
    const entry = jobs.find((j) => j.number === Number(word));
    return entry ? { entry } : { error: `${spec}: no such job` };
  }
  if (!spec.startsWith('%')) return { error: `${spec}: no such job` };
  const hits = word.startsWith('?') ? jobs.filter((j) => j.text.includes(word.slice(1))) : jobs.filter((j) => j.text.startsWith(word));
  if (hits.length > 1) return { error: `${word}: ambiguous job spec` };
  return hits[0] ? { entry: hits[0] } : { error: `${spec}: no such job` };
}

/** What bash prints when a foreground job was killed by a signal (not for SIGINT). */
const SIGNAL_WORDS: Record<string, string> = { TERM: 'Terminated', KILL: 'Killed' };

function badOption(name: 'fg' | 'bg', args: string[], out: Output): number | null {
  const opt = args.find((a) => a.startsWith('-') && a !== '-' && a !== '--');
  if (opt === undefined) return null;
  out.err(`bash: ${name}: ${opt.slice(0, 2)}: invalid option\n${name}: usage: ${name === 'fg' ? 'fg [job_spec]' : 'bg [job_spec ...]'}`);
  return 2;
}

/** fg [JOB]: prints the job's command, waits for it in the foreground, returns its status. */
export function* fgBuiltin(args: string[], table: JobTable, out: Output, interactive: boolean): Proc {
  if (!interactive) {
    out.err('bash: fg: no job control');
    return 1;
  }
  const bad = badOption('fg', args, out);
  if (bad !== null) return bad;
  const found = lookupJob(table, args.filter((a) => a !== '--')[0]);
  if ('error' in found) {
    out.err(`bash: fg: ${found.error}`);
    return 1;
  }
  const { entry } = found;
  out.line(entry.text);
  while (entry.job.status === null) {
    try {
      yield { kind: 'jobs', jobs: [entry.job] };
    } catch (e) {
      // Ctrl-C or a kill reaches the job that holds the terminal, not the fg builtin.
      if (!(e instanceof Signal)) throw e;
      entry.group.signal = e;
      entry.job.signal(e);
    }
  }
  table.jobs.splice(table.jobs.indexOf(entry), 1);
  const signal = entry.group.signal;
  if (signal && entry.job.status === signal.status && SIGNAL_WORDS[signal.name]) out.err(SIGNAL_WORDS[signal.name]!);
  return entry.job.status;
}

/** bg [JOB...]: resumes stopped jobs in the background; a running one is "already in background". */
export function bgBuiltin(args: string[], table: JobTable, out: Output, interactive: boolean): number {
  if (!interactive) {
    out.err('bash: bg: no job control');
    return 1;
  }
  const bad = badOption('bg', args, out);
  if (bad !== null) return bad;
  const specs = args.filter((a) => a !== '--');
  let status = 0;
  for (const spec of specs.length ? specs : [undefined]) {
    const found = lookupJob(table, spec);
    if ('error' in found) {
      out.err(`bash: bg: ${found.error}`);
      status = 1;
    } else if (found.entry.job.status !== null) {
      out.err('bash: bg: job has terminated');
      status = 1;
    } else out.err(`bash: bg: job ${found.entry.number} already in background`);
  }
  return status;
}
