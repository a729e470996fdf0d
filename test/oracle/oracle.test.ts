/**
 * Differential test against the real kernel: every golden transcript recorded by
 * test/oracle/record.sh is replayed through the simulator and compared command by command
 * after normalising only volatile fields (MACs, link-local addresses, timings, dates).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBareWorld } from '../../src/engine/presets';
import { scriptLines, transcriptEntry } from '../../src/shell/script';
import { Shell } from '../../src/shell/shell';
import { normalizeTranscript, splitTranscript } from './normalize';

const GOLDEN = join(__dirname, '..', 'golden');
const SCRIPTS = join(__dirname, 'scripts');

export interface OracleCase {
  name: string;
  command: string;
  expected: string;
  actual: string;
}

/** Runs every script that has a golden file; returns one case per recorded command. */
export function oracleCases(): OracleCase[] {
  if (!existsSync(GOLDEN)) return [];
  const cases: OracleCase[] = [];
  for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const scriptPath = join(SCRIPTS, `${name}.sh`);
    if (!existsSync(scriptPath)) continue;
    const golden = splitTranscript(readFileSync(join(GOLDEN, file), 'utf8'));
    const { world, host } = createBareWorld();
    const shell = new Shell(world, host);
    const lines = scriptLines(readFileSync(scriptPath, 'utf8'));
    lines.forEach((line, i) => {
      const expected = golden[i];
      const actual = transcriptEntry(line, shell.run(line));
      cases.push({
        name,
        command: line,
        expected: expected ? normalizeTranscript(expected.output) : '(missing from golden)',
        actual: normalizeTranscript(actual),
      });
    });
  }
  return cases;
}

const cases = oracleCases();

describe('oracle: simulator vs recorded Linux', () => {
  if (cases.length === 0) {
    it('has golden transcripts to compare', function () {
      console.log('    (skipped: no golden files under test/golden; run test/oracle/record.sh as root)');
      this.skip();
    });
    return;
  }
  after(() => {
    const matched = cases.filter((c) => c.expected === c.actual).length;
    console.log(`\n    golden commands matching: ${matched} / ${cases.length}`);
  });
  for (const c of cases) {
    it(`${c.name}: ${c.command}`, () => assert.equal(c.actual, c.expected));
  }
});
