/** `ip [OPTIONS] OBJECT { COMMAND | help }`: global options, then the object's command table. */
import { netnsByName } from '../../engine/net/netns';
import { type CommandFn, type CommandResult, success } from '../types';
import { IpError, incomplete, matches } from './args';
import { IpContext, type IpOptions } from './context';
import { doAddr } from './addr';
import { doLink } from './link';
import { doNeigh } from './neigh';
import { doNetns } from './netns';
import { doRoute } from './route';
import { doRule } from './rule';
import { doTuntap } from './tuntap';

type ObjectFn = (ctx: IpContext, argv: string[]) => void;

/** iproute2's cmds[] order matters: `ip n` is neighbor, `ip l` is link. */
const OBJECTS: [string, ObjectFn | null][] = [
  ['address', doAddr],
  ['addrlabel', null],
  ['maddress', null],
  ['route', doRoute],
  ['rule', doRule],
  ['neighbor', doNeigh],
  ['neighbour', doNeigh],
  ['ntable', null],
  ['ntbl', null],
  ['link', doLink],
  ['l2tp', null],
  ['fou', null],
  ['ila', null],
  ['macsec', null],
  ['tunnel', null],
  ['tunl', null],
  ['tuntap', doTuntap],
  ['tap', doTuntap],
  ['token', null],
  ['tcpmetrics', null],
  ['tcp_metrics', null],
  ['monitor', null],
  ['xfrm', null],
  ['mroute', null],
  ['mrule', null],
  ['netns', doNetns],
  ['netconf', null],
  ['vrf', null],
  ['sr', null],
  ['nexthop', null],
  ['mptcp', null],
  ['ioam', null],
  ['help', null],
  ['stats', null],
];

export const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}`;

const GLOBAL_FLAGS: [string, (o: IpOptions) => void][] = [
  ['-human', () => {}],
  ['-human-readable', () => {}],
  ['-iec', () => {}],
  ['-stats', (o) => o.stats++],
  ['-statistics', (o) => o.stats++],
  ['-details', (o) => (o.details = true)],
  ['-resolve', () => {}],
  ['-oneline', (o) => (o.oneline = true)],
  ['-timestamp', () => {}],
  ['-tshort', () => {}],
  ['-force', () => {}],
  ['-brief', (o) => (o.brief = true)],
  ['-json', (o) => (o.json = true)],
  ['-pretty', () => {}],
  ['-color', () => {}],
  ['-Numeric', () => {}],
  ['-all', (o) => (o.all = true)],
];

export const ip: CommandFn = (argv, shell) => {
  const opts: IpOptions = { family: null, brief: false, details: false, stats: 0, oneline: false, json: false, all: false };
  let ns = shell.ns;
  let i = 1;
  try {
    for (; i < argv.length; i++) {
      let opt = argv[i]!;
      if (opt === '--') {
        i++;
        break;
      }
      if (!opt.startsWith('-')) break;
      if (opt[1] === '-') opt = opt.slice(1);
      if (opt === '-4') opts.family = 4;
      else if (opt === '-6') opts.family = 6;
      else if (opt === '-0' || opt === '-M' || opt === '-B') continue;
      else if (matches(opt, '-family')) {
        const f = argv[++i];
        if (f === undefined) throw incomplete();
        if (f === 'inet') opts.family = 4;
        else if (f === 'inet6') opts.family = 6;
        else if (!['link', 'bridge', 'mpls'].includes(f)) throw new IpError(`Error: argument "${f}" is wrong: invalid protocol family`, 255);
      } else if (matches(opt, '-loops') || (matches(opt, '-rcvbuf') && !matches(opt, '-resolve'))) i++; // `-r` is -resolve (ip -r -V prints the version)
      else if (matches(opt, '-Version')) return success('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
      else if (matches(opt, '-batch')) throw new IpError('batch mode is not supported by Vethlab', 255);
      else if (matches(opt, '-help')) throw new IpError(IP_USAGE, 255);
      else if (matches(opt, '-netns')) {
        const name = argv[++i];
        if (name === undefined) throw incomplete();
        const target = netnsByName(shell.world, shell.host, name);
        if (!target) throw new IpError(`Cannot open network namespace "${name}": No such file or directory`, 255);
        ns = target;
      } else {
        const flag = GLOBAL_FLAGS.find(([name]) => matches(opt, name) && !(name === '-brief' && opt.length < 3));
        if (!flag) throw new IpError(`Option "${opt}" is unknown, try "ip -help".`, 255);
        flag[1](opts);
      }
    }
    const object = argv[i];
    if (object === undefined) throw new IpError(IP_USAGE, 255);
    const entry = OBJECTS.find(([name]) => matches(object, name));
    if (!entry) throw new IpError(`Object "${object}" is unknown, try "ip help".`, 1);
    const [, fn] = entry;
    if (!fn) {
      if (entry[0] === 'help') throw new IpError(IP_USAGE, 255);
      throw new IpError(`Vethlab does not simulate "ip ${entry[0]}" yet.`, 1);
    }
    const ctx = new IpContext(shell, ns, opts);
    return run(ctx, fn, argv.slice(i + 1));
  } catch (e) {
    if (e instanceof IpError) return { stdout: '', stderr: e.message ? e.message + '\n' : '', exitCode: e.exitCode };
    throw e;
  }
};

function run(ctx: IpContext, fn: ObjectFn, argv: string[]): CommandResult {
  try {
    fn(ctx, argv);
    return { stdout: ctx.out, stderr: ctx.err, exitCode: 0 };
  } catch (e) {
    if (!(e instanceof IpError)) throw e;
    return { stdout: ctx.out, stderr: ctx.err + (e.message ? e.message + '\n' : ''), exitCode: e.exitCode };
  }
}
