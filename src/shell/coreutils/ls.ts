/** `ls DIR`: the directories a networking learner looks at (/run/netns, /sys/class/net), one name per line. */
import { linksIn } from '../../engine/net/links';
import { resolvePath } from '../fs';
import { Output, type CommandFn } from '../types';
import { MONTHS, two, utcParts } from '../../common/clock';
import { NS_TYPES, procNode } from './procfs';

export const ls: CommandFn = (argv, ctx) => {
  const paths = argv.slice(1).filter((a) => !a.startsWith('-'));
  const long = argv.slice(1).some((a) => /^-[a-zA-Z1]*l/.test(a));
  const out = new Output();
  let status = 0;
  for (const raw of paths.length ? paths : ['.']) {
    const path = resolvePath(ctx.cwd, raw);
    const proc = procListing(ctx, path, raw, long);
    if (proc) {
      if (paths.length > 1) out.line(`${raw}:`);
      for (const line of proc) out.line(line);
      continue;
    }
    const names = listing(ctx, path);
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
  const p = utcParts(ctx.world.clock.epoch + ctx.world.clock.now());
  const when = `${MONTHS[p.month]} ${String(p.day).padStart(2)} ${two(p.hour)}:${two(p.minute)}`;
  const line = (name: string, target: string) => `lrwxrwxrwx 1 root root 0 ${when} ${name} -> ${target}`;
  if (node.kind === 'nslink') return [long ? line(raw, node.target) : raw];
  const links = NS_TYPES.map((type) => ({ type, target: procNode(ctx, `${path}/${type}`) as { target: string } }));
  return long ? ['total 0', ...links.map((l) => line(l.type, l.target.target))] : links.map((l) => l.type);
}

function listing(ctx: Parameters<CommandFn>[1], path: string): string[] | undefined {
  if (path === '/run/netns') return Object.keys(ctx.host.netnsNames).sort();
  if (path === '/sys/class/net') return linksIn(ctx.world, ctx.ns.id).map((l) => l.name).sort();
  return ctx.fs.list?.(path);
}
