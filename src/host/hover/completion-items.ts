/** Completions in lab cells and .sh files: commands, then their subcommands and flags, and names of existing objects. Pure. */
import type { World } from '../../engine/world';
import { COMMAND_DOCS, docForWords } from '../../shell/docs';
import { objectNames } from './object-names';

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
    const typed = done.slice(1).filter((w, i, all) => !w.startsWith('-') && !(i > 0 && /^-(n|netns|t)$/.test(all[i - 1]!)));
    for (const s of match.command.subcommands) {
      const parts = s.name.split(' ');
      const next = parts[typed.length];
      if (next && parts.slice(0, typed.length).every((p, i) => p.startsWith(typed[i]!))) out.push({ label: next, detail: s.words, kind: 'subcommand' });
    }
    for (const f of [...match.command.flags, ...(match.subcommand?.flags ?? [])]) out.push({ label: f.flag.split(', ')[0]!.split(' ')[0]!, detail: f.words, kind: 'flag' });
  }
  if (world) out.push(...objectNames(world, done).map((o): Completion => ({ ...o, kind: 'object' })));
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.kind + c.label) && seen.add(c.kind + c.label));
}
