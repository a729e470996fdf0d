/** The Vethlab terminal session (Shell + line editor) and the host layer's boundaries. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createBareWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LineHistory } from '../../src/host/terminal/line-editor';
import { TerminalSession } from '../../src/host/terminal/terminal-session';
import { chunkText, toCrlf } from '../../src/host/terminal/terminal-text';

const ROOT = path.resolve(__dirname, '..', '..');

function session() {
  const { world, host } = createBareWorld();
  const shell = new Shell(world, host);
  const out = { text: '', closed: undefined as number | undefined };
  const s = new TerminalSession(shell, { write: (t) => (out.text += t), close: (code) => (out.closed = code) }, new LineHistory(), 'Welcome\n');
  s.open();
  return { s, out, shell };
}

describe('host terminal session', () => {
  it('shows the banner and the prompt, runs lines, converts output to CRLF', () => {
    const { s, out } = session();
    assert.equal(out.text, 'Welcome\r\nroot@host:~# ');
    out.text = '';
    s.input('echo a; echo b\r');
    assert.equal(out.text, 'echo a; echo b\r\na\r\nb\r\nroot@host:~# ');
  });

  it('shows stderr in red, line by line', () => {
    const { s, out } = session();
    out.text = '';
    s.input('cat /nope\r');
    assert.equal(out.text, 'cat /nope\r\n\x1b[31mcat: /nope: No such file or directory\x1b[0m\r\nroot@host:~# ');
  });

  it('follows the shell prompt after cd', () => {
    const { s, out } = session();
    s.input('cd /tmp\r');
    assert.ok(out.text.endsWith('root@host:/tmp# '), JSON.stringify(out.text));
  });

  it('Ctrl-C sets $? to 130 like bash', () => {
    const { s, out } = session();
    s.input('sleep 1\x03echo $?\r');
    assert.match(out.text, /sleep 1\^C\r\nroot@host:~# echo \$\?\r\n130\r\n/);
  });

  it('exit closes with its code and ignores later input; Ctrl-D closes with $?', () => {
    const first = session();
    first.s.input('exit 4\recho never\r');
    assert.equal(first.out.closed, 4);
    assert.ok(!first.out.text.includes('never\r\n'));
    const second = session();
    second.s.input('false\r\x04');
    assert.equal(second.out.closed, 1);
  });

  it('formats chunks', () => {
    assert.equal(toCrlf('a\nb\r\nc'), 'a\r\nb\r\nc');
    assert.equal(chunkText({ stream: 'stdout', text: 'x\n' }), 'x\r\n');
    assert.equal(chunkText({ stream: 'stderr', text: 'e1\ne2\n\n' }), '\x1b[31me1\x1b[0m\r\n\x1b[31me2\x1b[0m\r\n\r\n');
    assert.equal(chunkText({ stream: 'stderr', text: '' }), '');
  });
});

describe('host layer boundaries', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  it('src/host imports no Node modules (it also runs as a web extension)', () => {
    for (const file of files(path.join(ROOT, 'src', 'host'))) {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) assert.ok(spec === 'vscode' || spec.startsWith('.'), `${path.relative(ROOT, file)} imports ${spec}`);
    }
  });

  it('only the pseudoterminal adapter and extension.ts import vscode', () => {
    for (const file of files(path.join(ROOT, 'src', 'host', 'terminal'))) {
      if (file.endsWith('shell-pty.ts')) continue;
      assert.ok(!fs.readFileSync(file, 'utf8').includes("from 'vscode'"), `${path.relative(ROOT, file)} imports vscode`);
    }
  });

  it('the web extension bundle requires nothing but vscode', function () {
    this.timeout(60000);
    const bundle = path.join(ROOT, 'dist', 'web', 'extension.js');
    if (!fs.existsSync(bundle)) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    const text = fs.readFileSync(bundle, 'utf8');
    const required = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.doesNotMatch(text, /\bprocess\.(stdout|stdin|env|cwd)|child_process|__dirname/);
  });
});
