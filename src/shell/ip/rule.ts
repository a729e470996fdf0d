/** `ip rule`: the routing policy database. Vethlab has the kernel's three default rules. */
import { Args, IpError, matches } from './args';
import type { IpContext } from './context';

const DEFAULT_RULES = ['0:\tfrom all lookup local', '32766:\tfrom all lookup main', '32767:\tfrom all lookup default'];

export function doRule(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  const sub = args.done ? 'show' : args.take();
  if (matches(sub, 'show') || matches(sub, 'list') || sub === 'lst') {
    if (ctx.opts.family !== 6) for (const rule of DEFAULT_RULES) ctx.line(rule);
    return;
  }
  if (matches(sub, 'add') || matches(sub, 'delete') || matches(sub, 'flush')) throw new IpError(`Vethlab does not simulate "ip rule ${sub}" yet.`, 1);
  throw new IpError(`Command "${sub}" is unknown, try "ip rule help".`, 255);
}
