/** `ls DIR`: the directories a networking learner looks at (/run/netns, /sys/class/net), one name per line. */
import { linksIn } from '../../engine/net/links';
import { resolvePath } from '../fs';
import { Output, type CommandFn } from '../types';

export const ls: CommandFn = (argv, ctx) => {
  const paths = argv.slice(1).filter((a) => !a.startsWith('-'));
  const out = new Output();
  let status = 0;
  for (const raw of paths.length ? paths : ['.']) {
    const path = resolvePath(ctx.cwd, raw);
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

function listing(ctx: Parameters<CommandFn>[1], path: string): string[] | undefined {
  if (path === '/run/netns') return Object.keys(ctx.host.netnsNames).sort();
  if (path === '/sys/class/net') return linksIn(ctx.world, ctx.ns.id).map((l) => l.name).sort();
  return ctx.fs.list?.(path);
}
