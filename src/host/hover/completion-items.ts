/** Completions in lab cells and .sh files: commands, then their subcommands and flags, and names of existing objects. Pure. */
import type { World } from '../../engine/world';
import { COMMAND_DOCS, docForWords } from '../../shell/docs';

export interface Completion {
  label: string;
  detail: string;
  kind: 'command' | 'subcommand' | 'flag' | 'object';
}

export function completionsAt(prefix: string, world?: World): Completion[] {
  const segment = prefix.split(/&&|\|\||[;|]/).pop()!.replace(/^\s*[$#]\s/, '');
  const words = segment.trimStart().split(/\s+/);
  if (words.length <= 1) return [...COMMAND_DOCS.values()].map((d) => ({ label: d.name, detail: d.summary, kind: 'command' }));
  const done = words.slice(0, -1);
  const match = docForWords(done);
  const out: Completion[] = [];
  if (match) {
    const typed = done.slice(1).filter((w) => !w.startsWith('-'));
    for (const s of match.command.subcommands) {
      const parts = s.name.split(' ');
      const next = parts[typed.length];
      if (next && parts.slice(0, typed.length).every((p, i) => p.startsWith(typed[i]!))) out.push({ label: next, detail: s.words, kind: 'subcommand' });
    }
    for (const f of [...match.command.flags, ...(match.subcommand?.flags ?? [])]) out.push({ label: f.flag.split(', ')[0]!.split(' ')[0]!, detail: f.words, kind: 'flag' });
  }
  if (world) out.push(...objectNames(world));
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.kind + c.label) && seen.add(c.kind + c.label));
}

function objectNames(world: World): Completion[] {
  const out: Completion[] = [];
  for (const host of Object.values(world.state.hosts)) {
    if (host.role !== 'linux' || host.name !== 'host') continue;
    for (const name of Object.keys(host.netnsNames)) out.push({ label: name, detail: 'network namespace', kind: 'object' });
    for (const link of Object.values(world.state.links)) {
      if (world.state.netns[link.nsId]?.hostId === host.id && link.kind !== 'loopback') out.push({ label: link.name, detail: `${link.kind} interface`, kind: 'object' });
    }
  }
  return out;
}
