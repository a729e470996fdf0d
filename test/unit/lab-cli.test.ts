/** `vethlab lab check`: its arguments, and the built CLI on labs that pass, fail and cannot run. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, USAGE } from '../../src/cli/args';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('vethlab lab check', () => {
  const parses: Array<[string[], unknown]> = [
    [['lab', 'check', 'a.lab.md'], { kind: 'lab-check', file: 'a.lab.md', solution: false }],
    [['lab', 'check', '--solution', 'a.lab.md'], { kind: 'lab-check', file: 'a.lab.md', solution: true }],
    [['lab', 'check', 'a.lab.md', '-s'], { kind: 'lab-check', file: 'a.lab.md', solution: true }],
    [['lab', 'check', '--', '-odd.lab.md'], { kind: 'lab-check', file: '-odd.lab.md', solution: false }],
    [['lab', '--help'], { kind: 'help' }],
    [['lab', 'check', '-h'], { kind: 'help' }],
    [['lab', 'check'], { kind: 'usage-error', message: 'missing lab file' }],
    [['lab', 'grade', 'x'], { kind: 'usage-error', message: "unknown lab command 'grade'" }],
    [['lab', 'check', '-x', 'f'], { kind: 'usage-error', message: "unknown option '-x'" }],
    [['lab', 'check', 'a', 'b'], { kind: 'usage-error', message: "unexpected argument 'b'" }],
  ];
  for (const [argv, expected] of parses) it(`parses ${JSON.stringify(argv)}`, () => assert.deepEqual(parseArgs(argv), expected));

  it('is in the usage text', () => {
    assert.match(USAGE, /vethlab lab check \[--solution\] FILE\.lab\.md/);
    assert.match(USAGE, /lab check +Run a lab's check cells/);
  });

  describe('the built CLI', () => {
    let dir: string;
    before(function () {
      this.timeout(60000);
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vethlab-lab-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    function lab(name: string, text: string, ...args: string[]) {
      fs.writeFileSync(path.join(dir, name), text);
      const r = spawnSync(process.execPath, [CLI, 'lab', 'check', ...args, name], { cwd: dir, encoding: 'utf8' });
      return { stdout: r.stdout, stderr: r.stderr, status: r.status };
    }

    const LAB = '---\ntitle: Red\n---\n```sh\nip netns add red\ncat notes.txt\n```\n\n```check\nnetns red exists\n  hint: ip netns add red\nlink eth0 is UP\n```\n';

    it('judges a fresh world without --solution: FAIL with what it found and the hint, exit 1', () => {
      const r = lab('red.lab.md', LAB);
      assert.equal(r.status, 1);
      assert.equal(
        r.stdout,
        'Red (red.lab.md), world bare\nFAIL  netns red exists\n      found: there is no netns red\n      hint: ip netns add red\nPASS  link eth0 is UP\n1/2 checks passed\n',
      );
    });

    it('runs the lab cells first with --solution (the lab folder is the home), exit 0', () => {
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
      const r = lab('red.lab.md', LAB, '--solution');
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stdout, 'Red (red.lab.md), world bare, with its solution\nPASS  netns red exists\nPASS  link eth0 is UP\n2/2 checks passed\n');
    });

    it('exit 2 for a missing file, an unknown world, broken front matter', () => {
      const missing = spawnSync(process.execPath, [CLI, 'lab', 'check', 'nope.lab.md'], { cwd: dir, encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read lab 'nope\.lab\.md': No such file or directory/);
      const mars = lab('mars.lab.md', '---\nworld: mars\n---\n```check\nnetns a exists\n```\n');
      assert.equal(mars.status, 2);
      assert.match(mars.stderr, /unknown world 'mars'/);
      const broken = lab('broken.lab.md', '---\nworld: [\n---\n');
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /front matter/);
    });

    it('a lab without checks does not pass (nothing was verified)', () => {
      const r = lab('empty.lab.md', '# nothing\n');
      assert.equal(r.status, 1);
      assert.match(r.stdout, /0\/0 checks passed/);
    });
  });
});
