/** curl 7.88.1 (Debian 12): HTTP over the simulated network, with its errors, exit codes, -v trace and -w template. */
import { formatIpv4 } from '../../engine/net/ipv4';
import { type CommandResult, type ShellContext } from '../types';
import { resolvePath } from '../fs';
import { httpGet, parseUrl, type HttpOutcome, type Url } from './http';
import { parseCurlArgs, type CurlOptions } from './curl-options';
import { resolveName } from './resolve';
import { verboseConnected, verboseFailed, verboseResponse } from './curl-verbose';
import { writeOut, type Transfer } from './curl-write-out';

const AGENT = 'curl/7.88.1';

export function curl(argv: string[], ctx: ShellContext): CommandResult {
  const o = parseCurlArgs(argv);
  if ('error' in o) return { stdout: '', stderr: o.error + '\n', exitCode: 2 };
  const out = { stdout: '', stderr: '' };
  const data = requestBody(o, ctx, out);
  const method = o.method ?? (o.head ? 'HEAD' : data !== undefined ? 'POST' : 'GET');
  const url = parseUrl(o.url!);
  const scheme = /^https:\/\//i.test(o.url!) ? 'https' : 'http';
  const transfer: Transfer = { url: o.url!, effectiveUrl: o.url!, scheme, method, exitCode: 0, errorMessage: '', requestBytes: 0, seconds: 0, outFile: o.outFile };
  if (!url) return finish(o, out, transfer, 3, 'URL using bad/illegal format or missing URL');
  transfer.effectiveUrl = `${scheme}://${url.host}${url.port === (scheme === 'https' ? 443 : 80) ? '' : ':' + url.port}${url.path}`;
  const requestLines = request(o, url, method, data);
  transfer.requestBytes = requestLines.reduce((n, l) => n + l.length + 2, 2) + (data?.length ?? 0);
  const started = ctx.world.clock.now();
  const timeoutMs = o.maxTime !== undefined && Number.isFinite(o.maxTime) ? o.maxTime * 1000 + 1 : undefined;
  const r = httpGet(ctx, url, o.agent ?? AGENT, o.head, timeoutMs, method);
  transfer.seconds = (ctx.world.clock.now() - started) / 1000;
  const ip = resolveName(ctx, url.host);
  const ipText = ip === undefined ? undefined : formatIpv4(ip);
  if (r.kind !== 'response') {
    const [code, message, reason] = failure(r, url, o.maxTime !== undefined);
    if (o.verbose) out.stderr += verboseFailed(r.kind === 'unresolved' ? undefined : ipText, url.port, reason, message);
    return finish(o, out, transfer, code, message);
  }
  transfer.remote = { ip: ipText ?? '', port: url.port };
  const statusLine = `HTTP/1.1 ${r.status} ${r.reason}`;
  const headerText = [statusLine, ...r.headers].map((h) => h + '\r\n').join('') + '\r\n';
  const contentType = r.headers.find((h) => /^content-type:/i.test(h))?.replace(/^[^:]*:\s*/, '') ?? '';
  transfer.response = { status: r.status, httpVersion: '1.1', contentType, headerBytes: headerText.length, headerCount: r.headers.length, bodyBytes: r.body.length };
  const failed = o.fail && r.status >= 400 ? `The requested URL returned error: ${r.status}` : undefined;
  if (o.verbose) out.stderr += verboseConnected({ host: url.host, ip: ipText ?? '', port: url.port, requestLines, sentBytes: data?.length ?? 0 }) + verboseResponse(url.host, statusLine, r.headers, r.body.length, failed);
  if (failed) {
    transfer.response.bodyBytes = 0;
    return finish(o, out, transfer, 22, failed);
  }
  const text = (o.head || o.include ? headerText : '') + r.body;
  if (o.outFile !== undefined) {
    if (ctx.fs.write(resolvePath(ctx.cwd, o.outFile), text, false, ctx.ns)) return finish(o, out, transfer, 23, 'Failure writing output to destination');
  } else out.stdout += text;
  return finish(o, out, transfer, 0, '');
}

/** curl's error code, its message and the extra `-v` line before it. */
function failure(r: Exclude<HttpOutcome, { kind: 'response' }>, url: Url, maxTime: boolean): [number, string, string?] {
  const cannot = (ms: number) => `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`;
  switch (r.kind) {
    case 'unresolved':
      return [6, `Could not resolve host: ${url.host}`];
    case 'refused':
      return [7, cannot(r.ms), `connect to ${url.host} port ${url.port} failed: Connection refused`];
    case 'unreachable':
      return [7, cannot(0), `Immediate connect fail for ${url.host}: Network is unreachable`];
    case 'timeout':
      return [28, maxTime ? `Connection timed out after ${r.ms} milliseconds` : cannot(r.ms)];
    case 'empty':
      return [52, 'Empty reply from server'];
  }
}

/** The error line unless silenced (`-s` without `-S`), then the `-w` template. */
function finish(o: CurlOptions, out: { stdout: string; stderr: string }, t: Transfer, exitCode: number, message: string): CommandResult {
  if (exitCode !== 0 && (!o.silent || o.showError)) out.stderr += `curl: (${exitCode}) ${message}\n`;
  if (o.writeOut !== undefined) {
    const w = writeOut(o.writeOut, { ...t, exitCode, errorMessage: message });
    out.stdout += w.stdout;
    out.stderr += w.stderr;
  }
  return { ...out, exitCode };
}

function request(o: CurlOptions, url: Url, method: string, data: string | undefined): string[] {
  const custom = o.headers.map((h) => /^([^:;]+)(?::\s*(.*))?$/.exec(h)).filter((m): m is RegExpExecArray => m !== null);
  const named = (name: string) => custom.find((m) => m[1]!.toLowerCase() === name.toLowerCase());
  const defaults: [string, string][] = [
    ['Host', url.host + (url.port === 80 ? '' : ':' + url.port)],
    ['User-Agent', o.agent ?? AGENT],
    ['Accept', '*/*'],
  ];
  const lines = [`${method} ${url.path} HTTP/1.1`];
  for (const [name, value] of defaults) if (!named(name)) lines.push(`${name}: ${value}`);
  for (const m of custom) if (m[2] !== undefined && m[2] !== '') lines.push(`${m[1]}: ${m[2]}`);
  if (data !== undefined) lines.push(`Content-Length: ${data.length}`, 'Content-Type: application/x-www-form-urlencoded');
  return lines;
}

/** The `-d` pieces joined with `&` (`@file` read from the filesystem, as curl does). */
function requestBody(o: CurlOptions, ctx: ShellContext, out: { stderr: string }): string | undefined {
  if (o.data.length === 0) return undefined;
  return o.data
    .map((d) => {
      if (!d.file) return d.text;
      const file = ctx.fs.read(resolvePath(ctx.cwd, d.text), ctx.ns);
      if (!file.ok) {
        out.stderr += `Warning: Couldn't read data from file "${d.text}", this makes an empty POST.\n`;
        return '';
      }
      return d.file === 'text' ? file.data.replace(/[\r\n]/g, '') : file.data;
    })
    .join('&');
}
