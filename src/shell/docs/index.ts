/**
 * One table documenting every command the shell has: the hovers, the shell's `help` and the
 * completions read it. test/unit/docs.test.ts fails when a registered command has no entry.
 */
import { COREUTILS_DOCS } from './coreutils';
import { DOCKER_DOC } from './docker';
import { DOCKER_MACHINE_DOC } from './machine';
import { SSH_DOC, SYSTEMCTL_DOC } from './docker-swarm';
import { DOCKERD_DOC, JOURNALCTL_DOC, LSNS_DOC, NSENTER_DOC, SERVICE_DOC } from './docker-daemon';
import { HTTP_TOOL_DOCS } from './http-tools';
import { IP_DOC } from './ip';
import { VM_DOC } from './vm';
import { DHCP_DOCS } from './dhcp';
import { TRACEPATH_DOC } from './tracepath';
import { SOCKET_TOOL_DOCS } from './sockets';
import { CONNTRACK_DOC, IPTABLES_DOC, IPTABLES_SAVE_DOC } from './netfilter';
import { NFT_DOC } from './nft';
import { JOB_CONTROL_DOCS } from './job-control';
import { ARP_DOC, BRCTL_DOC, BRIDGE_DOC, IFCONFIG_DOC, NETSTAT_DOC, PING_DOC, ROUTE_DOC, SYSCTL_DOC } from './tools';
import type { CommandDoc, FlagDoc, SubcommandDoc } from './types';

export type { CommandDoc, FlagDoc, SubcommandDoc } from './types';

const ALL: CommandDoc[] = [IP_DOC, BRIDGE_DOC, BRCTL_DOC, IPTABLES_DOC, IPTABLES_SAVE_DOC, NFT_DOC, CONNTRACK_DOC, SYSCTL_DOC, PING_DOC, ARP_DOC, ROUTE_DOC, IFCONFIG_DOC, NETSTAT_DOC, DOCKER_DOC, DOCKER_MACHINE_DOC, SSH_DOC, SYSTEMCTL_DOC, SERVICE_DOC, DOCKERD_DOC, JOURNALCTL_DOC, NSENTER_DOC, LSNS_DOC, ...HTTP_TOOL_DOCS, ...SOCKET_TOOL_DOCS, ...COREUTILS_DOCS, ...JOB_CONTROL_DOCS, VM_DOC, ...DHCP_DOCS, TRACEPATH_DOC];

export const COMMAND_DOCS: ReadonlyMap<string, CommandDoc> = new Map(ALL.map((d) => [d.name, d]));

/** What a command line's words name: the command, its subcommand, and the flags present. */
export interface DocMatch {
  command: CommandDoc;
  subcommand?: SubcommandDoc;
  flags: FlagDoc[];
}

/** Leading words that only wrap the real command. */
const WRAPPERS = new Set(['sudo', 'timeout']);

export function docForWords(words: string[]): DocMatch | undefined {
  let i = 0;
  while (i < words.length - 1 && WRAPPERS.has(words[i]!)) i += words[i] === 'timeout' ? 2 : 1;
  if (words[i] === 'ip' && words[i + 1] === 'netns' && words[i + 2] === 'exec' && words.length > i + 4) return docForWords(words.slice(i + 4));
  const command = COMMAND_DOCS.get(words[i] ?? '');
  if (!command) return undefined;
  const rest = words.slice(i + 1).filter((w, j, all) => !(w.startsWith('-') || (j > 0 && /^-(n|netns|t)$/.test(all[j - 1]!))));
  const subcommand = findSubcommand(command, rest);
  const flags = [...command.flags, ...(subcommand?.flags ?? [])].filter((f) => f.flag.split(', ').some((alias) => present(words, alias)));
  return subcommand ? { command, subcommand, flags } : { command, flags };
}

/** A flag is present when its literal words (not its UPPERCASE placeholders) appear in a row: `type veth` vs `type bridge`. */
function present(words: string[], alias: string): boolean {
  const literal: string[] = [];
  for (const t of alias.split(' ')) {
    if (/^[A-Z][A-Z0-9|_:[\]./-]*$/.test(t) || t.startsWith('[')) break;
    literal.push(t);
  }
  if (!literal.length) return false;
  return words.some((_, i) => literal.every((t, j) => words[i + j] === t));
}

function findSubcommand(command: CommandDoc, rest: string[]): SubcommandDoc | undefined {
  const matches = (word: string | undefined, full: string) => word !== undefined && (command.abbreviations ? full.startsWith(word) : full === word);
  let best: SubcommandDoc | undefined;
  for (const sub of command.subcommands) {
    const parts = sub.name.split(' ');
    if (!matches(rest[0], parts[0]!)) continue;
    // `ip link` alone means `ip link show`; `ip r` = `ip route show`.
    const second = parts[1];
    if (second === undefined || matches(rest[1], second) || (rest[1] === undefined && second === 'show') || (second === 'list' && rest[1] === undefined)) {
      if (!best || (second !== undefined && matches(rest[1], second))) best = sub;
    }
    if (second === 'delete' && (rest[1] === 'del' || rest[1] === 'd')) best = sub;
  }
  return best;
}

/** The `help` text: every command with its one-line summary, or one command in full. */
export function helpText(name?: string): string | undefined {
  if (name === undefined) {
    const width = Math.max(...ALL.map((d) => d.name.length));
    return ['Vethlab commands (help NAME for details):', ...[...COMMAND_DOCS.values()].map((d) => `  ${d.name.padEnd(width)}  ${d.summary}`)].join('\n') + '\n';
  }
  const d = COMMAND_DOCS.get(name);
  if (!d) return undefined;
  const lines = [`${d.name}: ${d.summary}`, '', `usage: ${d.usage}`, '', d.kernel];
  if (d.flags.length) lines.push('', 'Options:', ...d.flags.map((f) => `  ${f.flag}\n      ${f.words}`));
  if (d.subcommands.length) lines.push('', 'Commands:', ...d.subcommands.map((s) => `  ${s.usage}\n      ${s.words}`));
  return lines.join('\n') + '\n';
}
