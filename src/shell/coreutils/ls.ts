/** `ls [-lrt] DIR`: the directories a networking learner looks at (/run/netns, /sys/class/net, /proc/PID/ns, /var/lib/docker/containers), one name per line. */
import { linksIn } from '../../engine/net/links';
import { resolvePath } from '../fs';
import { Output, type CommandFn } from '../types';
import { MONTHS, two, utcParts } from '../../common/clock';
import { NS_TYPES, procNode } from './procfs';
import { dockerRootEntries } from './docker-root';

export const ls: CommandFn = (argv, ctx) => {
  const paths = argv.slice(1).filter((a) => !a.startsWith('-'));
  const long = argv.slice(1).some((a) => /^-[a-zA-Z1]*l/.test(a));
  const out = new Output();
  let status = 0;
  for (const raw of paths.length ? paths : ['.']) {
    const path = resolvePath(ctx.cwd, raw);
    const proc = procListing(ctx, path, raw, long) ?? entryListing(ctx, path, argv.slice(1));
    if (proc) {
      if (paths.length > 1) out.line(`${raw}:`);
      for (const line of proc) out.line(line);
      continue;
    }
    // A file operand is listed as its own name, as ls prints it.
    const names = listing(ctx, path) ?? (ctx.fs.read(path, ctx.ns).ok ? [raw] : undefined);
    if (!names) {
      out.err(`ls: cannot access '${raw}': No such file or directory`);
      status = 2;
      continue;
    }
    if (paths.length > 1) out.line(`${raw}:`);
    for (const name of names) out.line(name);
  }
  return out.done(status);
};

/**
 * /proc/PID/ns and its links: names, or with -l the kernel's lrwxrwxrwx lines (printed unquoted:
 * coreutils quotes `net:[…]` only on a terminal, and a transcript or pipe is not one).
 */
function procListing(ctx: Parameters<CommandFn>[1], path: string, raw: string, long: boolean): string[] | undefined {
  const node = procNode(ctx, path);
  if (!node) return undefined;
  const when = lsTime(ctx, ctx.world.clock.now());
  const line = (name: string, target: string) => `lrwxrwxrwx 1 root root 0 ${when} ${name} -> ${target}`;
  if (node.kind === 'nslink') return [long ? line(raw, node.target) : raw];
  const links = NS_TYPES.map((type) => ({ type, target: procNode(ctx, `${path}/${type}`) as { target: string } }));
  return long ? ['total 0', ...links.map((l) => line(l.type, l.target.target))] : links.map((l) => l.type);
}

/** Directories whose entries carry modes and times (/var/lib/docker/containers): -l, -t (newest first), -r. */
function entryListing(ctx: Parameters<CommandFn>[1], path: string, args: string[]): string[] | undefined {
  const entries = dockerRootEntries(ctx, path);
  if (!entries) return undefined;
  const flags = new Set(args.filter((a) => /^-[a-zA-Z1]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const sorted = [...entries].sort((a, b) => (flags.has('t') ? b.mtime - a.mtime || cmp(a.name, b.name) : cmp(a.name, b.name)));
  if (flags.has('r')) sorted.reverse();
  if (!flags.has('l')) return sorted.map((e) => e.name);
  const sizeW = Math.max(0, ...sorted.map((e) => String(e.size).length));
  const linkW = Math.max(0, ...sorted.map((e) => String(e.nlink).length));
  const total = sorted.reduce((n, e) => n + Math.ceil(e.size / 4096) * 4, 0);
  return [`total ${total}`, ...sorted.map((e) => `${e.mode} ${String(e.nlink).padStart(linkW)} root root ${String(e.size).padStart(sizeW)} ${lsTime(ctx, e.mtime)} ${e.name}`)];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ls's date for a file from the last six months: "Mon DD HH:MM". */
function lsTime(ctx: Parameters<CommandFn>[1], at: number): string {
  const p = utcParts(ctx.world.clock.epoch + at);
  return `${MONTHS[p.month]} ${String(p.day).padStart(2)} ${two(p.hour)}:${two(p.minute)}`;
}

function listing(ctx: Parameters<CommandFn>[1], path: string): string[] | undefined {
  if (path === '/run/netns') return Object.keys(ctx.host.netnsNames).sort();
  if (path === '/sys/class/net') return linksIn(ctx.world, ctx.ns.id).map((l) => l.name).sort();
  return ctx.fs.list?.(path);
}
