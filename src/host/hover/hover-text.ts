/**
 * What a hover over a command says: the command (and subcommand) from the documentation
 * table, the flags on the line, and the current state of the objects the line names.
 * Pure (no vscode), so it is tested with a world.
 */
import type { World } from '../../engine/world';
import { linksIn } from '../../engine/net/links';
import { describeLink, describeNetns } from '../../engine/view/describe';
import { ifId, nsId } from '../../engine/view/ids';
import { learnerHosts } from '../../engine/view/hosts';
import { dockerObjectState } from './docker-state';
import { docForWords } from '../../shell/docs';
import { SHOW_IN_TOPOLOGY } from '../contributions';

export interface HoverText {
  markdown: string;
  /** Start and end column of the hovered word. */
  range: [number, number];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The command the cursor is in: the words between `;`, `&&`, `||` and `|` separators. */
function segmentAt(line: string, col: number): Word[] {
  const words: Word[] = [];
  const re = /[^\s;&|()]+|&&|\|\||[;|&]/g;
  let segment: Word[] = [];
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const w = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (/^(&&|\|\||[;|&])$/.test(w.text)) {
      if (w.start > col) break;
      segment = [];
      continue;
    }
    segment.push(w);
  }
  words.push(...segment);
  return words.map((w) => ({ ...w, text: w.text.replace(/^['"]|['"]$/g, '') }));
}

export function hoverText(line: string, col: number, world?: World): HoverText | undefined {
  const words = segmentAt(line.replace(/^\s*[$#]\s/, (m) => ' '.repeat(m.length)), col);
  const at = words.find((w) => w.start <= col && col <= w.end);
  if (!at) return undefined;
  const match = docForWords(words.map((w) => w.text));
  if (!match) return undefined;
  const { command, subcommand, flags } = match;
  const out: string[] = [];
  const title = subcommand ? `${command.name} ${subcommand.name}` : command.name;
  out.push(`**${title}**: ${subcommand ? subcommand.words : command.summary}`);
  out.push('```\n' + (subcommand?.usage ?? command.usage) + '\n```');
  if (!subcommand) out.push(command.kernel);
  const hovered = flags.find((f) => f.flag.split(', ').some((a) => a.split(' ')[0] === at.text));
  const shown = hovered ? [hovered, ...flags.filter((f) => f !== hovered)] : flags;
  if (shown.length) out.push(shown.map((f) => `- \`${f.flag}\`: ${f.words}`).join('\n'));
  if (world) {
    const state = objectState(world, words.map((w) => w.text));
    if (state.length) out.push('**Now:**\n' + state.join('\n'));
  }
  return { markdown: out.join('\n\n'), range: [at.start, at.end] };
}

/** `- veth-red: veth in red, DOWN, no address [Show in topology](command:…)` for each object the words name. */
function objectState(world: World, words: string[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const host of learnerHosts(world)) {
    for (const word of words) {
      if (seen.has(word)) continue;
      const netnsId = host.netnsNames[word];
      if (netnsId !== undefined && world.state.netns[netnsId]) {
        seen.add(word);
        lines.push(`- ${describeNetns(world, host, world.state.netns[netnsId])} ${showLink(nsId(netnsId))}`);
      }
      for (const ns of Object.values(world.state.netns).filter((n) => n.hostId === host.id)) {
        const link = linksIn(world, ns.id).find((l) => l.name === word && l.kind !== 'loopback');
        if (!link) continue;
        seen.add(word);
        lines.push(`- ${describeLink(world, link)} ${showLink(ifId(link.id))}`);
      }
    }
  }
  for (const { text, viewId, word } of dockerObjectState(world, words.filter((w) => !seen.has(w)))) {
    seen.add(word);
    lines.push(`- ${text}${viewId ? ` ${showLink(viewId)}` : ''}`);
  }
  return lines;
}

export { SHOW_IN_TOPOLOGY };

export function showLink(id: string): string {
  return `[Show in topology](command:${SHOW_IN_TOPOLOGY}?${encodeURIComponent(JSON.stringify([id]))})`;
}
