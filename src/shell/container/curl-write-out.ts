/**
 * curl's `-w/--write-out` template (curl 7.88.1, src/tool_writeout.c): `%{var}` variables, `%%`,
 * the `\n` `\r` `\t` escapes, `%{stdout}`/`%{stderr}` switching the stream, and a warning on
 * stderr for an unknown variable. Other `%x` and `\x` pairs print as they are.
 */

/** What one transfer leaves for the template (failed transfers: no response). */
export interface Transfer {
  url: string;
  effectiveUrl: string;
  scheme: string;
  method: string;
  exitCode: number;
  errorMessage: string;
  remote?: { ip: string; port: number };
  response?: { status: number; httpVersion: string; contentType: string; headerBytes: number; headerCount: number; bodyBytes: number };
  requestBytes: number;
  outFile?: string;
  /** Simulated seconds the transfer took. */
  seconds: number;
}

const seconds = (t: Transfer) => t.seconds.toFixed(6);
const code = (t: Transfer) => String(t.response?.status ?? 0).padStart(3, '0');

const VARIABLES: Record<string, (t: Transfer) => string> = {
  http_code: code,
  response_code: code,
  http_version: (t) => t.response?.httpVersion ?? '0',
  remote_ip: (t) => t.remote?.ip ?? '',
  remote_port: (t) => String(t.remote?.port ?? 0),
  size_download: (t) => String(t.response?.bodyBytes ?? 0),
  size_header: (t) => String(t.response?.headerBytes ?? 0),
  size_request: (t) => String(t.remote ? t.requestBytes : 0),
  size_upload: () => '0',
  num_headers: (t) => String(t.response?.headerCount ?? 0),
  num_connects: (t) => (t.remote ? '1' : '0'),
  num_redirects: () => '0',
  redirect_url: () => '',
  content_type: (t) => t.response?.contentType ?? '',
  url: (t) => t.url,
  url_effective: (t) => t.effectiveUrl,
  filename_effective: (t) => t.outFile ?? '',
  scheme: (t) => t.scheme.toUpperCase(),
  method: (t) => t.method,
  exitcode: (t) => String(t.exitCode),
  errormsg: (t) => t.errorMessage,
  time_total: seconds,
  time_connect: seconds,
  time_starttransfer: seconds,
  time_pretransfer: seconds,
  time_appconnect: () => (0).toFixed(6),
  time_namelookup: () => (0).toFixed(6),
  time_redirect: () => (0).toFixed(6),
};

/** The template's output on each stream. */
export function writeOut(template: string, t: Transfer): { stdout: string; stderr: string } {
  const streams = { stdout: '', stderr: '' };
  let to: 'stdout' | 'stderr' = 'stdout';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    const next = template[i + 1];
    if (c === '%' && next !== undefined) {
      if (next === '%') {
        streams[to] += '%';
        i += 2;
      } else if (next === '{') {
        const end = template.indexOf('}', i);
        if (end < 0) {
          streams[to] += '%{';
          i += 2;
          continue;
        }
        const name = template.slice(i + 2, end);
        i = end + 1;
        if (name === 'stdout' || name === 'stderr') to = name;
        else if (VARIABLES[name]) streams[to] += VARIABLES[name]!(t);
        else streams.stderr += `curl: unknown --write-out variable: '${name}'\n`;
      } else {
        streams[to] += c + next;
        i += 2;
      }
    } else if (c === '\\' && next !== undefined) {
      streams[to] += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : c + next;
      i += 2;
    } else {
      streams[to] += c;
      i++;
    }
  }
  return streams;
}
