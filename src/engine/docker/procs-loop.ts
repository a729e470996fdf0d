/**
 * A container whose main process is a shell loop on simulated time: `sh -c 'while true; do date;
 * sleep 1; done'`, or Docker's logs example `i=0; while true; do echo "$i: $(date)"; i=$((i+1));
 * sleep 1; done`. The loop is not run statement by statement: its body is read once into the
 * lines it writes and when (offsets into a round of fixed length), and the daemon writes the lines
 * that fell due whenever the clock has moved (settle, exit). That keeps the loop in the world state
 * (snapshots rewind it, every terminal and notebook sees the same container) and makes a far jump
 * cost at most LIMITS.containerLoopLinesPerCatchUp lines: the earlier ones of such a jump are not written.
 *
 * Only bodies of plain statements are read (echo, date, hostname, sleep, true, `:`, counters
 * `i=$((i+1))`); anything else leaves the container running silently, as before.
 */
import { DAYS, MONTHS, hms, utcParts } from '../../common/clock';
import { LIMITS } from '../limits';
import { appendLog } from './containers';
import type { Container } from './types';

/** One line a round writes: `at` ms into the round; its text from the round's number and clock time. */
interface LoopLine {
  stream: 'stdout' | 'stderr';
  at: number;
  /** Words to join: literal text, or a counter's value this round, or the time, or the hostname. */
  parts: Array<{ text: string } | { counter: string; base: number; step: number } | { date: true } | { hostname: true }>;
}

export interface LoopPlan {
  lines: LoopLine[];
  /** The length of one round (the sleeps in it), ms. */
  roundMs: number;
}

/** Splits a script at `;` and newlines outside quotes, `$(…)` and `$((…))`. */
function statements(script: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ';' || ch === '\n') && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (quote || depth !== 0) return undefined;
  out.push(cur.trim());
  return out.filter((s) => s !== '');
}

/** busybox and GNU date's default format in the C locale, UTC (containers have no TZ by default). */
export function defaultDate(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${DAYS[p.weekday]} ${MONTHS[p.month]} ${String(p.day).padStart(2)} ${hms(p)} UTC ${p.year}`;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const INCREMENT = new RegExp(`^(${NAME})=\\$\\(\\(\\s*\\$?(${NAME})\\s*([+-])\\s*(\\d+)\\s*\\)\\)$`);
const POST_INCREMENT = new RegExp(`^: "?\\$\\(\\(\\s*(${NAME})(\\+\\+|--)\\s*\\)\\)"?$`);

type Counters = Map<string, { base: number; step: number; seen: number }>;

/** echo's arguments: quotes removed, `$X`/`${X}` counters, `$(date)`, `$(hostname)`; undefined for anything else. */
function echoParts(args: string, counters: Counters): LoopLine['parts'] | undefined {
  const parts: LoopLine['parts'] = [];
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  const lit = (s: string) => {
    word = (word ?? '') + s;
    if (parts.length > 0 && 'text' in parts[parts.length - 1]!) (parts[parts.length - 1] as { text: string }).text += s;
    else parts.push({ text: s });
  };
  const endWord = () => {
    if (word === null) return;
    words.push(word);
    word = null;
  };
  for (let i = 0; i < args.length; ) {
    const rest = args.slice(i);
    const ch = args[i]!;
    if (!quote && /\s/.test(ch)) {
      const hadWord = word !== null;
      endWord();
      while (i < args.length && /\s/.test(args[i]!)) i++;
      if (hadWord && i < args.length) lit(' ');
      if (hadWord && i < args.length) word = null;
      continue;
    }
    if (ch === "'" && quote !== '"') {
      const close = args.indexOf("'", i + 1);
      if (close < 0) return undefined;
      lit(args.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      quote = quote ? null : '"';
      word ??= '';
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^\$\((date|hostname)\)|^`(date|hostname)`/.exec(rest))) {
      word = (word ?? '') + 'x';
      parts.push((m[1] ?? m[2]) === 'date' ? { date: true } : { hostname: true });
      i += m[0].length;
      continue;
    }
    if ((m = new RegExp(`^\\$(?:\\{(${NAME})\\}|(${NAME}))`).exec(rest))) {
      const name = m[1] ?? m[2]!;
      const counter = counters.get(name);
      if (!counter) return undefined;
      word = (word ?? '') + 'x';
      parts.push({ counter: name, base: counter.base + counter.seen, step: counter.step });
      i += m[0].length;
      continue;
    }
    if (/[$`\\|&<>(){}*?[\]]/.test(ch)) return undefined;
    lit(ch);
    i++;
  }
  if (quote) return undefined;
  return parts;
}

/** The loop's plan from `sh -c SCRIPT`'s script, or undefined when it is not a loop of plain statements. */
export function loopPlan(script: string): LoopPlan | undefined {
  const list = statements(script);
  if (!list) return undefined;
  const counters: Counters = new Map();
  let i = 0;
  for (; i < list.length; i++) {
    const m = new RegExp(`^(${NAME})=(-?\\d+)$`).exec(list[i]!);
    if (!m) break;
    counters.set(m[1]!, { base: Number(m[2]), step: 0, seen: 0 });
  }
  // `while sleep N; do …; done` sleeps at the start of every round.
  const head = /^while\s+(true|:|\[ 1 \]|sleep \d+(?:\.\d+)?)(?:\s+do\s+(.*))?$/.exec(list[i] ?? '');
  if (!head) return undefined;
  const body = [...(head[2] !== undefined ? [head[2]] : []), ...list.slice(i + 1)];
  if (head[2] === undefined) {
    const first = /^do(?:\s+(.*))?$/.exec(body.shift() ?? '');
    if (!first) return undefined;
    if (first[1]) body.unshift(first[1]);
  }
  if (head[1]!.startsWith('sleep')) body.unshift(head[1]!);
  if (body.pop() !== 'done' || body.length === 0) return undefined;
  // First pass: the counters' steps per round (a line's value depends on the whole round's steps).
  for (const st of body) {
    const inc = INCREMENT.exec(st);
    if (inc && inc[1] === inc[2] && counters.has(inc[1]!)) counters.get(inc[1]!)!.step += (inc[3] === '-' ? -1 : 1) * Number(inc[4]);
    const post = POST_INCREMENT.exec(st);
    if (post && counters.has(post[1]!)) counters.get(post[1]!)!.step += post[2] === '--' ? -1 : 1;
  }
  const lines: LoopLine[] = [];
  let at = 0;
  for (const st of body) {
    let m: RegExpExecArray | null;
    if (st === 'true' || st === ':') continue;
    if (st === 'date') lines.push({ stream: 'stdout', at, parts: [{ date: true }] });
    else if (st === 'hostname') lines.push({ stream: 'stdout', at, parts: [{ hostname: true }] });
    else if ((m = /^sleep (\d+(?:\.\d+)?)$/.exec(st))) at += Math.round(Number(m[1]) * 1000);
    else if ((m = INCREMENT.exec(st)) && m[1] === m[2] && counters.has(m[1]!)) counters.get(m[1]!)!.seen += (m[3] === '-' ? -1 : 1) * Number(m[4]);
    else if ((m = POST_INCREMENT.exec(st)) && counters.has(m[1]!)) counters.get(m[1]!)!.seen += m[2] === '--' ? -1 : 1;
    else if ((m = /^echo(?:\s+([\s\S]*?))?(\s+1?>&2)?$/.exec(st))) {
      if (/^-/.test(m[1] ?? '')) return undefined;
      const parts = echoParts(m[1] ?? '', counters);
      if (!parts) return undefined;
      lines.push({ stream: m[2] ? 'stderr' : 'stdout', at, parts });
    } else return undefined;
  }
  // A round without a sleep would write without end at one instant: not modelled.
  if (at === 0) return undefined;
  return { lines, roundMs: at };
}

/** Plans by script text: every settle looks at every looping container (a pure function of the text). */
const plans = new Map<string, LoopPlan | undefined>();
const PLANS_KEPT = 256;

/** The loop of a container's command (`sh -c`, `/bin/sh -c`, `bash -c`, `ash -c`), if it has one. */
export function containerLoop(argv: string[]): LoopPlan | undefined {
  const prog = argv[0]?.split('/').pop() ?? '';
  if (!['sh', 'bash', 'ash'].includes(prog) || argv[1] !== '-c' || argv[2] === undefined || argv.length > 4) return undefined;
  const script = argv[2];
  if (plans.has(script)) return plans.get(script);
  if (plans.size >= PLANS_KEPT) plans.clear();
  const plan = loopPlan(script);
  plans.set(script, plan);
  return plan;
}

/** Lines (over every round) due by `elapsed` ms after the loop started. */
function dueCount(plan: LoopPlan, elapsed: number): number {
  if (elapsed < 0) return 0;
  let n = 0;
  for (const l of plan.lines) if (l.at <= elapsed) n += Math.floor((elapsed - l.at) / plan.roundMs) + 1;
  return n;
}

function lineText(l: LoopLine, round: number, atMs: number, c: Container): string {
  return l.parts
    .map((p) => ('text' in p ? p.text : 'counter' in p ? String(p.base + round * p.step) : 'date' in p ? defaultDate(atMs) : c.hostname))
    .join('');
}

/**
 * Writes the loop's lines due by `until` (clock ms) into the container's log. At most
 * LIMITS.containerLoopLinesPerCatchUp per call: a longer gap writes only its last lines; and
 * none once the log holds LIMITS.containerLogLines (the loop runs on, silently).
 */
export function catchUpLoop(c: Container, epoch: number, until: number): void {
  const loop = c.loop;
  if (!loop || c.state !== 'running') return;
  const plan = containerLoop(loop.argv);
  if (!plan || plan.lines.length === 0) return;
  const due = dueCount(plan, until - loop.origin);
  const from = Math.max(loop.written, due - LIMITS.containerLoopLinesPerCatchUp);
  const room = Math.max(0, LIMITS.containerLogLines - c.logs.length);
  const m = plan.lines.length;
  for (let n = from; n < Math.min(due, from + room); n++) {
    const round = Math.floor(n / m);
    const line = plan.lines[n % m]!;
    const at = loop.origin + round * plan.roundMs + line.at;
    appendLog(c, [{ stream: line.stream, text: lineText(line, round, epoch + at, c) }], at);
  }
  loop.written = Math.max(loop.written, due);
}

/** When the loop writes its next line (clock ms), for `docker logs -f`; undefined without a loop. */
export function nextLoopLine(c: Container): number | undefined {
  const loop = c.loop;
  if (!loop || c.state !== 'running') return undefined;
  const plan = containerLoop(loop.argv);
  if (!plan || plan.lines.length === 0) return undefined;
  const m = plan.lines.length;
  const n = loop.written;
  return loop.origin + Math.floor(n / m) * plan.roundMs + plan.lines[n % m]!.at;
}

/** The loop starts with the container's main process (`start`, a restart): round 0 now. */
export function startLoop(c: Container, argv: string[], now: number): boolean {
  if (!containerLoop(argv)) {
    delete c.loop;
    return false;
  }
  c.loop = { argv, origin: now, written: 0 };
  return true;
}

/**
 * docker pause freezes the loop (the cgroup freezer); its sleep's timer runs on meanwhile, so at
 * unpause a line that fell due while frozen is written at once and the rounds go on from there
 * (recorded, Engine 26.1: test/golden/docker/container-loop.txt).
 */
export function freezeLoop(c: Container, paused: boolean, now: number): void {
  const loop = c.loop;
  if (!loop) return;
  if (paused) {
    loop.frozenAt = now;
    return;
  }
  if (loop.frozenAt === undefined) return;
  delete loop.frozenAt;
  const next = nextLoopLine(c);
  if (next !== undefined && next < now) loop.origin += now - next;
}
