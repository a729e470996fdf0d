/**
 * Every resource limit of Vethlab, in one place. A lab or a pasted script is untrusted input:
 * these caps keep a hostile or mistaken one from hanging or exhausting the extension host.
 * Each limit, when reached, ends what hit it with a message naming the limit and a non-zero
 * exit status; a command that would grow the world past a cap is undone.
 */
import type { World } from './world';
import type { Netns } from './net/types';
import { allDaemons } from './docker/daemon';
import { ruleEdits } from './netfilter/rules';
import { routeAdds } from './net/route';
import { neighbourAdds } from './net/neigh';

export const LIMITS = {
  /** Characters in one command line (bash itself has no such cap; a pasted file does). */
  commandLineChars: 64 * 1024,
  /** Bytes of stdout + stderr one command line may print; the rest is cut with a notice. */
  outputBytesPerLine: 1024 * 1024,
  /** Simulated time one command line may take (sleep, ping -c, wait, timeout). */
  lineSimMs: 3600 * 1000,
  /** Simulated time one lab cell may take, all its lines together. */
  cellSimMs: 3 * 3600 * 1000,
  /** Scheduler turns per command line: every wait of every job (a ping is a few per packet). */
  schedulerStepsPerLine: 200_000,
  /** Events (packets sent, replies read) of one ping: `ping -i 0.002 -c 10000000` ends here. */
  pingEvents: 20_000,
  /** Rounds of one `while`/`until`/`for` loop. */
  loopRounds: 100_000,
  /** Lines a container's shell loop (procs-loop.ts) writes in one catch-up: a longer jump keeps its last ones. */
  containerLoopLinesPerCatchUp: 1000,
  /** Log lines a container may hold before its shell loop writes no more (a `sleep 0.001` loop over hours). */
  containerLogLines: 100_000,
  /** Characters of one file written in the simulated filesystem. */
  fileBytes: 1024 * 1024,
  /** Characters of one word after expansion (a variable doubled in a loop). */
  wordChars: 1024 * 1024,
  /**
   * The world: counts over every host. Above the benchmarks' worlds (1,000 namespaces on one
   * bridge; issue 4's 2,000 containers, each a namespace with a veth pair), with room to spare.
   */
  netns: 4000,
  links: 12_000,
  containers: 2500,
  /** iptables rules, all tables and namespaces. */
  rules: 10_000,
  /** Every namespace has about 7 (local table included): 2,000 containers hold 14,000. */
  routes: 50_000,
  neighbours: 50_000,
  /** Lab files. */
  labBytes: 2 * 1024 * 1024,
  labCells: 1000,
} as const;

export type WorldCounts = Record<'netns' | 'links' | 'containers' | 'rules' | 'routes' | 'neighbours', number>;

const WORLD_NOUNS: Record<keyof WorldCounts, string> = {
  netns: 'network namespaces',
  links: 'network interfaces',
  containers: 'containers',
  rules: 'iptables rules',
  routes: 'routes',
  neighbours: 'neighbour (ARP) entries',
};

/**
 * Rules counted per namespace at the last count, for a world state: valid while no rule was added
 * or removed (rules.ts counts its edits) and each namespace still has the same tables object.
 */
interface RuleTally {
  edits: number;
  ids: number[];
  tables: object[];
  rules: number[];
  total: number;
}

const ruleTallies = new WeakMap<object, RuleTally>();

function rulesIn(tables: Netns['netfilter']['tables']): number {
  let n = 0;
  for (const name in tables) for (const chain of tables[name as keyof typeof tables].chains) n += chain.rules.length;
  return n;
}

/** Rules of every namespace, from the last tally where a namespace and its tables are the same objects. */
function tallyRules(all: Netns[], last: RuleTally | undefined): RuleTally {
  const tally: RuleTally = { edits: ruleEdits.count, ids: [], tables: [], rules: [], total: 0 };
  let j = 0;
  for (const ns of all) {
    const tables = ns.netfilter.tables;
    // Namespace ids only grow, and Object.values lists them in ascending order: a merge of two sorted lists.
    while (last && j < last.ids.length && last.ids[j]! < ns.id) j++;
    const rules = last && last.ids[j] === ns.id && last.tables[j] === tables ? last.rules[j]! : rulesIn(tables);
    tally.ids.push(ns.id);
    tally.tables.push(tables);
    tally.rules.push(rules);
    tally.total += rules;
  }
  return tally;
}

/**
 * How big the world is, in the units the caps count. Taken before most commands, so it reads as
 * little as it can: the link count from the link index, two lengths per namespace, and rules
 * recounted only in namespaces whose tables changed since the last count.
 */
export function worldCounts(world: World): WorldCounts {
  const counts: WorldCounts = { netns: 0, links: world.linkIndex().size, containers: 0, rules: 0, routes: 0, neighbours: 0 };
  const all = Object.values(world.state.netns);
  const last = ruleTallies.get(world.state);
  const fresh = last?.edits === ruleEdits.count ? last : undefined;
  // The usual change between two counts: namespaces added (their ids come last), the others as they were.
  let grown = fresh !== undefined && fresh.ids.length <= all.length;
  for (let i = 0; i < all.length; i++) {
    const ns = all[i]!;
    counts.routes += ns.routes.length;
    counts.neighbours += ns.neigh.length;
    if (grown && i < fresh!.ids.length && (fresh!.ids[i] !== ns.id || fresh!.tables[i] !== ns.netfilter.tables)) grown = false;
  }
  counts.netns = all.length;
  let tally: RuleTally;
  if (grown) {
    tally = fresh!;
    for (let i = tally.ids.length; i < all.length; i++) {
      const ns = all[i]!;
      const rules = rulesIn(ns.netfilter.tables);
      tally.ids.push(ns.id);
      tally.tables.push(ns.netfilter.tables);
      tally.rules.push(rules);
      tally.total += rules;
    }
  } else tally = tallyRules(all, fresh);
  if (tally !== last) ruleTallies.set(world.state, tally);
  counts.rules = tally.total;
  counts.containers = containersIn(world);
  baselines.set(world.state, { counts, nextId: world.state.nextId, rules: ruleEdits.count, routes: routeAdds.count, neighbours: neighbourAdds.count });
  return counts;
}

function containersIn(world: World): number {
  let n = 0;
  for (const daemon of allDaemons(world)) n += daemon.containers.length;
  return n;
}

/**
 * The last exact count of a world state, with the counters it was taken at: every namespace takes
 * an id (state.nextId), every rule added bumps ruleEdits (an edit adds at most one), every route or
 * neighbour entry added bumps its counter. Removals only lower the counts.
 */
interface Baseline {
  counts: WorldCounts;
  nextId: number;
  rules: number;
  routes: number;
  neighbours: number;
}

const baselines = new WeakMap<object, Baseline>();

/**
 * Counts no smaller than the world's, read without walking it: the last exact count plus what
 * could have been added since (links and containers are exact).
 */
export function worldCountsAtMost(world: World): WorldCounts {
  const base = baselines.get(world.state);
  if (!base) return worldCounts(world);
  return {
    netns: base.counts.netns + (world.state.nextId - base.nextId),
    links: world.linkIndex().size,
    containers: containersIn(world),
    rules: base.counts.rules + (ruleEdits.count - base.rules),
    routes: base.counts.routes + (routeAdds.count - base.routes),
    neighbours: base.counts.neighbours + (neighbourAdds.count - base.neighbours),
  };
}

/**
 * The world's counts when it is at a cap, else null; what the world-size guard asks before every
 * command. The exact count (a walk of every namespace) is taken only when the bound reaches a cap,
 * so far from the caps a command costs O(1) here, and near them what it did before.
 */
export function countsAtWorldLimit(world: World): WorldCounts | null {
  if (!atWorldLimit(worldCountsAtMost(world))) return null;
  const exact = worldCounts(world);
  return atWorldLimit(exact) ? exact : null;
}

/** The first cap the world was at or over before a command that grew it further, as a message; null when none. */
export function worldLimitExceeded(before: WorldCounts, after: WorldCounts): string | null {
  for (const key of Object.keys(WORLD_NOUNS) as (keyof WorldCounts)[]) {
    if (before[key] >= LIMITS[key] && after[key] > before[key]) return `vethlab: limit reached: at most ${LIMITS[key]} ${WORLD_NOUNS[key]} in a world; the command was undone`;
  }
  return null;
}

/**
 * True when the world is at a cap: the next command that grows it there is undone. (Snapshots of a
 * world that big cost tens of milliseconds, so the shell takes one only then; the command that
 * reaches a cap may pass it by what it creates at once, e.g. the two ends of a veth pair.)
 */
export function atWorldLimit(counts: WorldCounts): boolean {
  return (Object.keys(WORLD_NOUNS) as (keyof WorldCounts)[]).some((key) => counts[key] >= LIMITS[key]);
}

export function lineTimeLimitMessage(): string {
  return `vethlab: stopped after ${LIMITS.lineSimMs / 1000} s of simulated time (the limit for one command line)\n`;
}

export function cellTimeLimitMessage(): string {
  return `vethlab: stopped: the cell used its ${LIMITS.cellSimMs / 1000} s of simulated time (the limit for one cell)\n`;
}

export function stepLimitMessage(): string {
  return `vethlab: stopped after ${LIMITS.schedulerStepsPerLine} scheduler steps (the limit for one command line)\n`;
}

export function lineTooLongMessage(): string {
  return `bash: command line too long (over ${LIMITS.commandLineChars} characters)\n`;
}

export function outputTruncatedMessage(): string {
  return `vethlab: output truncated after ${LIMITS.outputBytesPerLine} bytes (the limit for one command line)\n`;
}

/** Why a lab file is too big to open as a notebook or check, or null. */
export function labTooLarge(text: string, cells: number): string | null {
  if (text.length > LIMITS.labBytes) return `vethlab: this lab is too large: ${text.length} characters (the limit is ${LIMITS.labBytes})`;
  if (cells > LIMITS.labCells) return `vethlab: this lab has too many cells: ${cells} (the limit is ${LIMITS.labCells})`;
  return null;
}
