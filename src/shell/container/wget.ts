/** BusyBox wget (alpine, busybox images): -q, -O FILE / -O -, --spider, -T. */
import { Output, fail, type CommandResult, type ShellContext } from '../types';
import { resolvePath } from '../fs';
import { formatIpv4 } from '../../engine/net/ipv4';
import { httpGet, parseUrl } from './http';
import { resolveName } from './resolve';

export function wget(argv: string[], ctx: ShellContext): CommandResult {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let timeout: number | undefined;
  let urlText: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-q') quiet = true;
    else if (a === '-O') output = argv[++i];
    else if (a.startsWith('-O') && a.length > 2) output = a.slice(2);
    else if (a === '-qO' || a === '-qO-') {
      quiet = true;
      output = a === '-qO-' ? '-' : argv[++i];
    } else if (a === '--spider') spider = true;
    else if (a === '-T') timeout = Number(argv[++i]);
    else if (a.startsWith('-')) return fail(`wget: unrecognized option '${a.replace(/^-+/, '')}'`, 1);
    else urlText = a;
  }
  if (urlText === undefined) return fail('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...', 1);
  const url = parseUrl(urlText);
  if (!url) return fail(`wget: bad address '${urlText}'`, 1);
  const ip = resolveName(ctx, url.host);
  if (ip === undefined) return fail(`wget: bad address '${url.host}'`, 1);
  const out = new Output();
  if (!quiet) out.err(`Connecting to ${url.host}${url.host === formatIpv4(ip) ? '' : ` (${formatIpv4(ip)}:${url.port})`}${url.host === formatIpv4(ip) ? ` (${url.host}:${url.port})` : ''}`);
  const r = httpGet(ctx, url, 'Wget', spider, timeout !== undefined ? timeout * 1000 : undefined);
  if (r.kind === 'refused' || r.kind === 'unreachable') return { ...out.done(1), stderr: out.stderr + `wget: can't connect to remote host (${formatIpv4(ip)}): Connection refused\n` };
  if (r.kind === 'timeout') return { ...out.done(1), stderr: out.stderr + 'wget: download timed out\n' };
  if (r.kind !== 'response') return { ...out.done(1), stderr: out.stderr + 'wget: error getting response\n' };
  if (r.status >= 400) return { ...out.done(1), stderr: out.stderr + `wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n` };
  if (spider) {
    if (!quiet) out.err('remote file exists');
    return out.done(0);
  }
  const file = output ?? (url.path.split('/').pop() || 'index.html');
  if (file === '-') {
    out.out(r.body);
    if (!quiet) out.err(`writing to stdout\n-                    100% |********************************|   ${r.body.length}  0:00:00 ETA\nwritten to stdout`);
    return out.done(0);
  }
  ctx.fs.write(resolvePath(ctx.cwd, file), r.body, false, ctx.ns);
  if (!quiet) out.err(`saving to '${file}'\n${file.padEnd(20)} 100% |********************************|   ${r.body.length}  0:00:00 ETA\n'${file}' saved`);
  return out.done(0);
}
