/**
 * iproute2 6.1 `bridge` (bridge/bridge.c): global options (-n NETNS, -s, -d, …), then an object:
 * link (ports), fdb (forwarding database) or vlan. Texts recorded from the real tool.
 */
import { netnsByName } from '../../engine/net/netns';
import { Output, type CommandFn } from '../types';
import { bridgeFdb } from './fdb';
import { bridgeLink } from './link';
import { bridgeVlan } from './vlan';

export const matches = (word: string | undefined, keyword: string) => !!word && keyword.startsWith(word);

export interface BridgeOptions {
  details: boolean;
  /** -j / -json, and -p / -pretty for indented JSON (see json.ts). */
  json: boolean;
  pretty: boolean;
}

/** Options in bridge.c's order: the first keyword an abbreviation matches wins (`-f` is -family). */
const FLAGS: [string, (o: BridgeOptions) => void][] = [
  ['-stats', () => undefined],
  ['-statistics', () => undefined],
  ['-details', (o) => (o.details = true)],
  ['-oneline', () => undefined],
  ['-timestamp', () => undefined],
  ['-compressvlans', () => undefined],
  ['-color', () => undefined],
  ['-force', () => undefined],
  ['-json', (o) => (o.json = true)],
  ['-pretty', (o) => (o.pretty = true)],
];

export const bridge: CommandFn = (argv, ctx) => {
  const out = new Output();
  const options: BridgeOptions = { details: false, json: false, pretty: false };
  let ns = ctx.ns;
  let i = 1;
  for (; i < argv.length; i++) {
    let opt = argv[i]!;
    if (opt === '--') {
      i++;
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt[1] === '-') opt = opt.slice(1);
    if (matches(opt, '-help')) return out.err(USAGE).done(255);
    if (matches(opt, '-Version')) return out.line('bridge utility, 6.1.0').done(0);
    if (opt === '-4' || opt === '-6') continue;
    if (matches(opt, '-family')) {
      i++;
      continue;
    }
    if (matches(opt, '-netns')) {
      const name = argv[++i];
      const target = name === undefined ? undefined : netnsByName(ctx.world, ctx.host, name);
      if (!target) return out.err(`Cannot open network namespace "${name ?? '(null)'}": No such file or directory`).done(255);
      ns = target;
      continue;
    }
    const flag = FLAGS.find(([name]) => matches(opt, name));
    if (!flag) return out.err(`Option "${opt}" is unknown, try "bridge help".`).done(255);
    flag[1](options);
  }
  const object = argv[i];
  const args = argv.slice(i + 1);
  const inNs = ns === ctx.ns ? ctx : { ...ctx, ns };
  if (object === undefined) return out.err(USAGE).done(255);
  if (matches(object, 'link')) return bridgeLink(inNs, args, out, options);
  if (matches(object, 'fdb')) return bridgeFdb(inNs, args, out, options);
  if (matches(object, 'vlan')) return bridgeVlan(inNs, args, out, options);
  if (matches(object, 'help')) return out.err(USAGE).done(255);
  return out.err(`Object "${object}" is unknown, try "bridge help".`).done(255);
};

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }`;
