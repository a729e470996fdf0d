/** curl 7.88.1 (Debian 12): GET/HEAD over the simulated network, its error messages and exit codes. */
import { Output, fail, type CommandResult, type ShellContext } from '../types';
import { resolvePath } from '../fs';
import { httpGet, parseUrl } from './http';

export function curl(argv: string[], ctx: ShellContext): CommandResult {
  let head = false;
  let include = false;
  let outFile: string | undefined;
  let maxTime: number | undefined;
  let failOnError = false;
  let urlText: string | undefined;
  let method: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-I' || a === '--head') head = true;
    else if (a === '-i' || a === '--include') include = true;
    else if (a === '-f' || a === '--fail') failOnError = true;
    else if (a === '-o' || a === '--output') outFile = argv[++i];
    else if (a === '-X' || a === '--request') method = argv[++i];
    else if (a === '-H' || a === '--header') i++;
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') maxTime = Number(argv[++i]);
    else if (/^-[sSLvkf]+$/.test(a) || ['--silent', '--show-error', '--location', '--verbose', '--insecure'].includes(a)) {
      if (a.includes('f')) failOnError = true;
    } else if (a.startsWith('-')) return fail(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`, 2);
    else urlText = a;
  }
  if (urlText === undefined) return fail("curl: try 'curl --help' or 'curl --manual' for more information", 2);
  const url = parseUrl(urlText);
  if (!url) return fail(`curl: (3) URL using bad/illegal format or missing URL`, 3);
  const r = httpGet(ctx, url, 'curl/7.88.1', head, maxTime !== undefined && Number.isFinite(maxTime) ? maxTime * 1000 + 1 : undefined, method);
  switch (r.kind) {
    case 'unresolved':
      return fail(`curl: (6) Could not resolve host: ${url.host}`, 6);
    case 'refused':
      return fail(`curl: (7) Failed to connect to ${url.host} port ${url.port} after ${r.ms} ms: Couldn't connect to server`, 7);
    case 'unreachable':
      return fail(`curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`, 7);
    case 'timeout':
      return maxTime !== undefined ? fail(`curl: (28) Connection timed out after ${r.ms} milliseconds`, 28) : fail(`curl: (28) Failed to connect to ${url.host} port ${url.port} after ${r.ms} ms: Couldn't connect to server`, 28);
    case 'empty':
      return fail('curl: (52) Empty reply from server', 52);
  }
  if (failOnError && r.status >= 400) return fail(`curl: (22) The requested URL returned error: ${r.status}`, 22);
  const headerText = `HTTP/1.1 ${r.status} ${r.reason}\r\n` + r.headers.map((h) => h + '\r\n').join('') + '\r\n';
  const text = (head || include ? headerText : '') + r.body;
  if (outFile !== undefined) {
    const error = ctx.fs.write(resolvePath(ctx.cwd, outFile), text, false, ctx.ns);
    if (error) return fail(`curl: (23) Failure writing output to destination`, 23);
    return new Output().done(0);
  }
  return { stdout: text, stderr: '', exitCode: 0 };
}
