/** The built CLI (dist/cli.js) end to end: scripts, stdin, transcripts, errors, the user's files. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

describe('cli (dist/cli.js)', () => {
  let dir: string;

  before(function () {
    this.timeout(60000);
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vethlab-cli-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function cli(args: string[], input = ''): Run {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, HOME: dir } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  }

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  it('runs a script file: stdout and stderr apart, exit code of the last command', () => {
    write('s.sh', 'echo one\ncat /nonexistent\necho two\n');
    const r = cli(['run', 's.sh']);
    assert.equal(r.stdout, 'one\ntwo\n');
    assert.equal(r.stderr, 'cat: /nonexistent: No such file or directory\n');
    assert.equal(r.status, 0);
    write('f.sh', 'echo one\nfalse\n');
    assert.equal(cli(['run', 'f.sh']).status, 1);
  });

  it('reads stdin when there is no script (or it is "-")', () => {
    for (const args of [['run'], ['run', '-']]) {
      const r = cli(args, 'echo from stdin\ncat /etc/hostname\nfalse');
      assert.deepEqual(r, { stdout: 'from stdin\nhost\n', stderr: '', status: 1 });
    }
  });

  it('exits 0 for an empty script', () => {
    assert.deepEqual(cli(['run'], '# nothing\n\n'), { stdout: '', stderr: '', status: 0 });
  });

  it('writes the transcript byte for byte as test/oracle/record.sh does', () => {
    write('s.sh', '# setup\necho hi\n\ncat missing; echo err >&2\necho -n bare\ncat /proc/sys/net/ipv4/ip_forward\n');
    const r = cli(['run', '--transcript', 't.txt', 's.sh']);
    assert.equal(r.status, 0);
    const expected =
      '$ echo hi\nhi\n[exit 0]\n\n' +
      '$ cat missing; echo err >&2\ncat: missing: No such file or directory\nerr\n[exit 0]\n\n' +
      '$ echo -n bare\nbare[exit 0]\n\n' +
      '$ cat /proc/sys/net/ipv4/ip_forward\n0\n[exit 0]\n\n';
    assert.equal(fs.readFileSync(path.join(dir, 't.txt'), 'utf8'), expected);
    assert.equal(r.stdout, 'hi\nbare0\n');
    assert.equal(r.stderr, 'cat: missing: No such file or directory\nerr\n');
  });

  it('puts stdout before stderr in the transcript even when stderr was printed first', () => {
    const r = cli(['run', '--transcript=t.txt'], 'echo first >&2; echo second\n');
    assert.equal(r.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 't.txt'), 'utf8'), '$ echo first >&2; echo second\nsecond\nfirst\n[exit 0]\n\n');
  });

  it('joins continuation lines and skips comments and blank lines', () => {
    write('s.sh', '#!/bin/sh\n  # indented comment\n\n   \necho a \\\n  b \\\nc\necho "x\\\\"\r\necho end \\\n');
    const r = cli(['run', '-t', 't.txt', 's.sh']);
    assert.equal(r.stdout, 'a b c\nx\\\nend\n');
    const commands = fs.readFileSync(path.join(dir, 't.txt'), 'utf8').split('\n').filter((l) => l.startsWith('$ '));
    assert.deepEqual(commands, ['$ echo a   b c', '$ echo "x\\\\"', '$ echo end']);
  });

  it('rejects an unknown world, listing the worlds, with exit 2', () => {
    const r = cli(['run', '--world', 'nope'], 'echo never\n');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^vethlab: unknown world 'nope' \(worlds: bare.*\)\n$/);
    assert.equal(cli(['shell', '-w', 'nope']).status, 2);
  });

  it('reports usage errors and missing files with exit 2', () => {
    for (const args of [[], ['frobnicate'], ['run', '--bogus'], ['run', 'a', 'b'], ['run', '--world'], ['shell', '-t', 'x']]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^vethlab: .*\n\nUsage:/, args.join(' '));
    }
    assert.deepEqual(cli(['run', 'missing.sh']), { stdout: '', stderr: "vethlab: cannot read script 'missing.sh': No such file or directory\n", status: 2 });
  });

  it('prints help and version', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /vethlab run \[--world NAME\] \[--transcript FILE\] \[--pcap FILE\] \[SCRIPT\]/);
    assert.match(help.stdout, /exit code\s+is the last command's exit code/);
    assert.deepEqual(cli(['run', '-h']).stdout, help.stdout);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(cli(['--version']), { stdout: `vethlab ${pkg.version}\n`, stderr: '', status: 0 });
  });

  it("reads the user's files from the working directory, read-only", () => {
    write('notes.txt', 'real notes\n');
    write('sub/inner.txt', 'inner\n');
    const r = cli(['run'], `cat notes.txt\ncd sub\npwd\ncat inner.txt\ncat ${dir}/notes.txt\necho changed > /root/notes.txt\ncat /root/notes.txt\n`);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'real notes\n/root/sub\ninner\nreal notes\nchanged\n');
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'real notes\n');
  });

  it('never reads files outside the working directory', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'vethlab-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret'), 'secret\n');
      fs.symlinkSync(path.join(outside, 'secret'), path.join(dir, 'link'));
      const r = cli(['run'], `cat ${outside}/secret\ncat link\ncat ../${path.basename(outside)}/secret\n`);
      assert.equal(r.stdout, '');
      assert.equal((r.stderr.match(/No such file or directory/g) ?? []).length, 3, r.stderr);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('stops quietly with 141 (like SIGPIPE) when its stdout is closed', () => {
    write('many.sh', 'echo line\n'.repeat(3000));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" run many.sh | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stdout, 'line\n');
    assert.equal(r.stderr, 'status 141\n');
  });

  it('shell runs piped lines without prompts and stops at exit', () => {
    const r = cli(['shell'], 'echo hi\ncat /etc/hostname\nexit 3\necho never\n');
    assert.deepEqual(r, { stdout: 'hi\nhost\n', stderr: '', status: 3 });
    assert.equal(fs.existsSync(path.join(dir, '.vethlab_history')), false);
  });
});
