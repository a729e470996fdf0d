/**
 * `curl -v`'s trace on stderr (curl 7.88.1, recorded in a sandbox): `*` for what curl does, `>`
 * for the request it sends, `<` for the response headers, `{`/`}` for data (shown because a cell's
 * stdout is not a terminal).
 */

export interface VerboseRequest {
  host: string;
  ip: string;
  port: number;
  requestLines: string[];
  sentBytes: number;
}

export function verboseConnected(r: VerboseRequest): string {
  return (
    `*   Trying ${r.ip}:${r.port}...\n` +
    `* Connected to ${r.host} (${r.ip}) port ${r.port} (#0)\n` +
    r.requestLines.map((l) => `> ${l}\r\n`).join('') +
    '> \r\n' +
    (r.sentBytes > 0 ? `} [${r.sentBytes} bytes data]\n` : '')
  );
}

/** The response part: headers, data, and whether the connection is kept or closed. */
export function verboseResponse(host: string, statusLine: string, headers: string[], bodyBytes: number, failed: string | undefined): string {
  const keepAlive = statusLine.startsWith('HTTP/1.1') && !headers.some((h) => /^connection:\s*close/i.test(h));
  let text = (statusLine.startsWith('HTTP/1.0') ? '* HTTP 1.0, assume close after body\n' : '') + [statusLine, ...headers].map((l) => `< ${l}\r\n`).join('');
  if (failed !== undefined) return text + `* ${failed}\n* Closing connection 0\n`;
  text += '< \r\n' + (bodyBytes > 0 ? `{ [${bodyBytes} bytes data]\n` : '');
  return text + (keepAlive ? `* Connection #0 to host ${host} left intact\n` : '* Closing connection 0\n');
}

/** A connection that never carried a request. */
export function verboseFailed(ip: string | undefined, port: number, reason: string | undefined, message: string): string {
  return (ip !== undefined ? `*   Trying ${ip}:${port}...\n` : '') + (reason ? `* ${reason}\n` : '') + `* ${message}\n* Closing connection 0\n`;
}
