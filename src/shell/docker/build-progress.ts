/**
 * BuildKit's plain progress (moby/buildkit util/progress/progressui/printer.go, textMux), which
 * `docker build` (buildx) prints on stderr whenever stderr is not a terminal, as in a script or
 * a lab cell: `#N NAME`, status lines, `#N 0.215 log line`, then `#N DONE 0.3s`, `#N CACHED` or
 * `#N ERROR: …`, a blank line between steps. The TTY display (`[+] Building 0.0s (N/N) FINISHED`)
 * is not simulated: a transcript never shows it. Checked against a recording of buildx 0.13.1 with
 * Engine 26.1.5 (test/oracle/docker/record.sh): step order, statuses, CACHED, the error box and
 * the Dockerfile excerpt match; real durations and transfer sizes vary run to run (here fixed).
 */

export interface Vertex {
  name: string;
  statuses: string[];
  logs: string[];
  /** Seconds, printed with one decimal. */
  seconds: number;
  outcome: 'done' | 'cached' | { error: string };
}

export function vertex(name: string, seconds = 0, statuses: string[] = []): Vertex {
  return { name, statuses, logs: [], seconds, outcome: 'done' };
}

/** A status as the printer writes it: "transferring context: 32B done", "writing image sha256:… done". */
export function status(id: string, opts: { bytes?: number; seconds?: number } = {}): string {
  const bytes = opts.bytes !== undefined && opts.bytes !== 0 ? ` ${buildkitBytes(opts.bytes)}` : opts.bytes === 0 ? ' 0B' : '';
  const tm = opts.seconds !== undefined && opts.seconds > 0.01 ? ` ${opts.seconds.toFixed(1)}s` : '';
  return `${id}${bytes}${tm} done`;
}

/** tonistiigi/units Bytes with %.2f: decimal units, trailing zeros dropped ("109B", "1.06kB"). */
export function buildkitBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return (i === 0 ? String(v) : v.toFixed(2).replace(/\.?0+$/, '')) + units[i];
}

/** A RUN's output lines, each stamped with seconds since the step started (%.3f under 10 s). */
export function logLines(text: string, startSeconds = 0.1): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l, i) => `${(startSeconds + i * 0.001).toFixed(3)} ${l}`);
}

export function printPlain(vertices: Vertex[]): string {
  let out = '#0 building with "default" instance using docker driver\n';
  vertices.forEach((v, i) => {
    const n = i + 1;
    out += `\n#${n} ${v.name}\n`;
    for (const s of v.statuses) out += `#${n} ${s}\n`;
    for (const l of v.logs) out += `#${n} ${l}\n`;
    if (v.outcome === 'cached') out += `#${n} CACHED\n`;
    else if (v.outcome === 'done') out += `#${n} DONE ${v.seconds.toFixed(1)}s\n`;
    else out += `#${n} ERROR: ${v.outcome.error}\n`;
  });
  return out;
}

/** The failing step's box (printErrorLogs) and the Dockerfile excerpt (solver/errdefs Source.Print). */
export function errorDetails(failed: Vertex | undefined, file: string, source: string, start: number, end: number): string {
  let out = '';
  if (failed && typeof failed.outcome === 'object') {
    out += `------\n > ${failed.name}:\n${failed.logs.map((l) => l + '\n').join('')}------\n`;
  }
  if (start >= 1) out += sourceExcerpt(file, source, start, end);
  return out;
}

export function sourceExcerpt(file: string, source: string, start: number, end: number): string {
  const lines = source.split('\n');
  if (start > lines.length || start < 1) return '';
  let s = start;
  let e = Math.min(end, lines.length);
  const pad = e === s ? 4 : 2;
  for (let p = 0; p < pad; ) {
    if (s > 1) {
      s--;
      p++;
    }
    if (e !== lines.length) {
      e++;
      p++;
    }
    p++;
  }
  let out = `${file}:${start}\n--------------------\n`;
  for (let i = s; i <= e; i++) out += ` ${String(i).padStart(3)} | ${i >= start && i <= end ? '>>>' : '   '} ${lines[i - 1]}\n`;
  return out + '--------------------\n';
}
