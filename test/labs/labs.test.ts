/**
 * Every lab in labs/: it round-trips byte for byte (as a file and as notebook cells), its own
 * cells make every check pass (`vethlab lab check --solution`, in process and through the
 * built CLI), and a fresh world does not already pass them all (the checks test something).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openShell } from '../../src/cli/session';
import { labToNotebook, notebookToLab } from '../../src/host/notebook/lab-cells';
import { gradeLab } from '../../src/labs/grade';
import { labCells, labWorld, parseLab, serializeLab } from '../../src/labs/lab';

const ROOT = path.resolve(__dirname, '..', '..');
const LABS = path.join(ROOT, 'labs');
const files = fs.readdirSync(LABS).filter((f) => f.endsWith('.lab.md')).sort();

function grade(file: string, solution: boolean) {
  const lab = parseLab(fs.readFileSync(path.join(LABS, file), 'utf8'));
  const shell = openShell(labWorld(lab), LABS);
  assert.ok(typeof shell !== 'string', String(shell));
  return gradeLab(lab, { world: shell.world, host: shell.host, run: (line) => shell.run(line) }, { solution });
}

describe('labs/', () => {
  it('has the lab sequence and a README listing every lab', () => {
    assert.ok(files.length >= 7, files.join(', '));
    const readme = fs.readFileSync(path.join(LABS, 'README.md'), 'utf8');
    for (const file of files) assert.ok(readme.includes(file), `labs/README.md does not list ${file}`);
  });

  for (const file of files) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(LABS, file), 'utf8');
      const lab = parseLab(text);

      it('round-trips byte for byte, as a file and as notebook cells', () => {
        assert.equal(serializeLab(lab), text);
        assert.equal(notebookToLab(labToNotebook(text)), text);
      });

      it('has a title, shell cells, and check cells whose checks all have hints or are self-explaining', () => {
        assert.ok(lab.frontMatter?.title, 'front matter title');
        assert.ok(labCells(lab).some((c) => c.cell === 'shell'));
        assert.ok(labCells(lab).some((c) => c.cell === 'check'));
      });

      it('passes every check with --solution', () => {
        const report = grade(file, true);
        const failed = report.outcomes.filter((o) => !o.pass).map((o) => `${o.check.text}: ${o.detail}`);
        assert.deepEqual(failed, []);
        assert.ok(report.total > 0);
        const internal = report.commands.filter((c) => /internal error|command not found/.test(c.result.stderr)).map((c) => c.line);
        assert.deepEqual(internal, [], 'lab commands the simulator does not know');
      });

      it('a fresh world does not pass every check', () => {
        const report = grade(file, false);
        assert.ok(report.passed < report.total, `${report.passed}/${report.total} pass without doing the lab`);
      });
    });
  }

  it("the README's complete example lab round-trips and passes with its solution", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /^````markdown\n([^]*?)^````$/m.exec(readme)?.[1];
    assert.ok(example, 'README has a ````markdown example lab');
    const lab = parseLab(example);
    assert.equal(serializeLab(lab), example);
    assert.equal(lab.frontMatter?.world, 'bare');
    const shell = openShell(labWorld(lab), LABS);
    assert.ok(typeof shell !== 'string');
    const report = gradeLab(lab, { world: shell.world, host: shell.host, run: (line) => shell.run(line) }, { solution: true });
    assert.deepEqual([report.passed, report.total], [2, 2]);
  });

  describe('through the built CLI (dist/cli.js)', () => {
    before(function () {
      this.timeout(60000);
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    });

    for (const file of files) {
      it(`vethlab lab check --solution ${file} exits 0`, () => {
        const r = spawnSync(process.execPath, ['dist/cli.js', 'lab', 'check', '--solution', path.join('labs', file)], { cwd: ROOT, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /^(\d+)\/\1 checks passed$/m);
        assert.doesNotMatch(r.stdout, /^FAIL/m);
      });
    }
  });
});
