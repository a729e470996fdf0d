/**
 * curl's command line against nginx in a container: option bundles, usage errors, -s/-S, -f,
 * -w templates and the -v trace. Expected texts follow curl 7.88.1 recorded in a sandbox
 * (python's http.server on 127.0.0.1; the server lines differ, curl's own lines do not).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ok, run, shell } from '../scenarios/shell.helpers';
import { parseCurlArgs } from '../../src/shell/container/curl-options';
import { writeOut, type Transfer } from '../../src/shell/container/curl-write-out';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function nginx() {
  const sh = shell('docker');
  ok(sh, 'docker run -d --name web -p 8080:80 nginx');
  return sh;
}

describe('curl: command line', () => {
  it('usage errors print the whole argument and exit 2', () => {
    const sh = shell('docker');
    assert.deepEqual(run(sh, 'curl -o'), { stdout: '', stderr: `curl: option -o: requires parameter\n${TRY}`, exitCode: 2 });
    assert.deepEqual(run(sh, 'curl -w'), { stdout: '', stderr: `curl: option -w: requires parameter\n${TRY}`, exitCode: 2 });
    assert.deepEqual(run(sh, 'curl --foo http://127.0.0.1:8080/'), { stdout: '', stderr: `curl: option --foo: is unknown\n${TRY}`, exitCode: 2 });
    assert.deepEqual(run(sh, "curl -s --write-out='%{http_code}\\n' http://127.0.0.1/"), { stdout: '', stderr: `curl: option --write-out=%{http_code}\\n: is unknown\n${TRY}`, exitCode: 2 });
    assert.deepEqual(run(sh, 'curl -sI'), { stdout: '', stderr: `curl: no URL specified!\n${TRY}`, exitCode: 2 });
    assert.deepEqual(run(sh, 'curl'), { stdout: '', stderr: TRY, exitCode: 2 });
  });

  it('bundled short options: a parameter takes the rest of the bundle or the next word', () => {
    const a = parseCurlArgs(['curl', '-sSo', 'out.html', 'u']);
    assert.ok(!('error' in a) && a.silent && a.showError && a.outFile === 'out.html' && a.url === 'u');
    const b = parseCurlArgs(['curl', '-so/dev/null', "-w%{http_code}", 'u']);
    assert.ok(!('error' in b) && b.outFile === '/dev/null' && b.writeOut === '%{http_code}');
    const c = parseCurlArgs(['curl', '-sHX', 'u']);
    assert.ok(!('error' in c) && c.headers[0] === 'X' && c.method === undefined, '-H takes "X" as its value, as the real curl does');
  });

  it('never throws on any argument list', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom('-s', '-o', '-w', '-sSo', '-X', '--data', '-d', '@f', 'u', '--', '-'), fc.string()), { maxLength: 8 }), (args) => {
      parseCurlArgs(['curl', ...args]);
    }));
  });
});

describe('curl: -s, -S, -f and -w', () => {
  it('-s hides the error, -sS shows it, the exit code stays', () => {
    const sh = shell('docker');
    assert.deepEqual(run(sh, 'curl -s http://127.0.0.1:9/'), { stdout: '', stderr: '', exitCode: 7 });
    assert.deepEqual(run(sh, 'curl -sS http://127.0.0.1:9/'), { stdout: '', stderr: "curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    assert.deepEqual(run(sh, 'curl -sS http://nosuch.invalid/'), { stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch.invalid\n', exitCode: 6 });
    assert.deepEqual(run(sh, 'curl -s http://nosuch.invalid/'), { stdout: '', stderr: '', exitCode: 6 });
  });

  it('-f: exit 22, the error only without -s', () => {
    const sh = nginx();
    assert.deepEqual(run(sh, 'curl -fsSL http://127.0.0.1:8080/nope'), { stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
    assert.deepEqual(run(sh, 'curl -fs http://127.0.0.1:8080/nope'), { stdout: '', stderr: '', exitCode: 22 });
  });

  it('-w prints the transfer, also for a failed one', () => {
    const sh = nginx();
    assert.equal(ok(sh, "curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080"), '200\n');
    assert.equal(ok(sh, "curl -so/dev/null -w'%{http_code}' http://127.0.0.1:8080/"), '200');
    assert.equal(ok(sh, "curl -s -o /dev/null http://127.0.0.1:8080/ -w '%{http_code}\\n'"), '200\n', '-w after the URL');
    assert.equal(ok(sh, "curl -s -o /dev/null -w '%{http_code} %{remote_ip} %{remote_port} %{size_download} %{url_effective} %{content_type} %{http_version} %{method} %{exitcode} %{num_connects} %{scheme}\\n' 127.0.0.1:8080"), '200 127.0.0.1 8080 615 http://127.0.0.1:8080/ text/html 1.1 GET 0 1 HTTP\n');
    assert.deepEqual(run(sh, "curl -s -w '%{http_code}\\n' http://127.0.0.1:9/"), { stdout: '000\n', stderr: '', exitCode: 7 });
    assert.deepEqual(run(sh, "curl -s -o /dev/null -w '%{http_code} %{remote_ip} %{remote_port} %{size_download} %{url_effective} %{content_type} %{http_version} %{method} %{exitcode} %{num_connects} %{response_code}\\n' http://127.0.0.1:9/"), { stdout: '000  0 0 http://127.0.0.1:9/  0 GET 7 0 000\n', stderr: '', exitCode: 7 });
    assert.equal(run(sh, "curl -w '%{errormsg}|%{exitcode}|%{http_code}\\n' http://127.0.0.1:9/").stdout, "Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server|7|000\n");
    assert.equal(ok(sh, "curl -s -o /dev/null -w '%{http_code}' -w 'B%{http_code}\\n' localhost:8080"), 'B200\n', 'the last -w wins');
    assert.equal(ok(sh, "curl -s -X DELETE -o /dev/null -w '%{method}\\n' localhost:8080"), 'DELETE\n');
    assert.equal(ok(sh, "curl -s -d a=1 -o /dev/null -w '%{method}\\n' localhost:8080"), 'POST\n');
  });

  it('-w: unknown variables warn on stderr, odd pairs print as they are', () => {
    const sh = nginx();
    assert.deepEqual(run(sh, "curl -w '%{foo}x\\n' -s -o /dev/null localhost:8080"), { stdout: 'x\n', stderr: "curl: unknown --write-out variable: 'foo'\n", exitCode: 0 });
    assert.equal(ok(sh, "curl -s -o /dev/null -w 'a\\tb\\\\n%%{x}\\n' localhost:8080"), 'a\tb\\\\n%{x}\n');
    assert.equal(ok(sh, "curl -s -o /dev/null -w '%{http_code' localhost:8080"), '%{http_code');
    assert.equal(ok(sh, "curl -s -o /dev/null -w '100%\\n' localhost:8080"), '100%\\n');
    assert.deepEqual(run(sh, "curl -s -o /dev/null -w '%{stderr}err%{stdout}out\\n' localhost:8080"), { stdout: 'out\n', stderr: 'err', exitCode: 0 });
  });

  it('writeOut: a transfer that never connected has no remote and no response', () => {
    const t: Transfer = { url: 'x', effectiveUrl: 'http://x/', scheme: 'http', method: 'GET', exitCode: 6, errorMessage: 'Could not resolve host: x', requestBytes: 70, seconds: 0 };
    assert.deepEqual(writeOut('%{http_code}|%{remote_ip}|%{size_request}|%{num_connects}|%{time_total}|%{errormsg}', t), { stdout: '000||0|0|0.000000|Could not resolve host: x', stderr: '' });
  });
});

describe('curl: -v', () => {
  it('traces the request, the response headers, the data and the kept connection', () => {
    const sh = nginx();
    const r = run(sh, 'curl -sv http://localhost:8080/');
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /Welcome to nginx!/);
    const lines = r.stderr.split('\n');
    assert.deepEqual(lines.slice(0, 8), ['*   Trying 127.0.0.1:8080...', '* Connected to localhost (127.0.0.1) port 8080 (#0)', '> GET / HTTP/1.1\r', '> Host: localhost:8080\r', '> User-Agent: curl/7.88.1\r', '> Accept: */*\r', '> \r', '< HTTP/1.1 200 OK\r']);
    assert.deepEqual(lines.slice(-4), ['< \r', '{ [615 bytes data]', '* Connection #0 to host localhost left intact', '']);
  });

  it('HEAD has no data line; -d sends its body; -H and -A change the request', () => {
    const sh = nginx();
    assert.doesNotMatch(run(sh, 'curl -sv -I localhost:8080').stderr, /bytes data/);
    const post = run(sh, 'curl -sv -o /dev/null -d a=1 localhost:8080').stderr;
    assert.match(post, /> POST \/ HTTP\/1\.1\r\n> Host: localhost:8080\r\n> User-Agent: curl\/7\.88\.1\r\n> Accept: \*\/\*\r\n> Content-Length: 3\r\n> Content-Type: application\/x-www-form-urlencoded\r\n> \r\n\} \[3 bytes data\]\n/);
    assert.match(run(sh, "curl -s -H 'X-A: b' -A myagent -v -o /dev/null localhost:8080").stderr, /> User-Agent: myagent\r\n> Accept: \*\/\*\r\n> X-A: b\r\n> \r\n/);
  });

  it('failures: refused, unresolved, -f', () => {
    const sh = nginx();
    assert.equal(run(sh, 'curl -sv http://127.0.0.1:9/').stderr, "*   Trying 127.0.0.1:9...\n* connect to 127.0.0.1 port 9 failed: Connection refused\n* Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n* Closing connection 0\n");
    assert.equal(run(sh, 'curl -sv http://nosuch.invalid/').stderr, '* Could not resolve host: nosuch.invalid\n* Closing connection 0\n');
    const f = run(sh, 'curl -sfv localhost:8080/nope');
    assert.equal(f.exitCode, 22);
    assert.match(f.stderr, /< HTTP\/1\.1 404 Not Found\r\n[^]*< Connection: keep-alive\r\n\* The requested URL returned error: 404\n\* Closing connection 0\n$/);
    assert.equal(f.stdout, '');
  });
});
