/**
 * Differential test against a real Docker engine: every golden transcript recorded by
 * test/oracle/docker/record.sh is replayed in the simulator's `docker` world and compared
 * command by command after normalising ids, times and MACs (test/oracle/docker/normalize-docker.ts).
 * The recorder's images are stand-ins (busybox-static imported as busybox and alpine), so the
 * replay starts with the same two imported images (test/oracle/docker/stand-ins.ts).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daemonOf } from '../../src/engine/docker/daemon';
import { createDockerWorld } from '../../src/engine/presets';
import { scriptLines, transcriptEntry } from '../../src/shell/script';
import { Shell } from '../../src/shell/shell';
import { splitTranscript } from './normalize';
import { normalizeDockerTranscript } from './docker/normalize-docker';
import { importStandIns } from './docker/stand-ins';

const GOLDEN = join(__dirname, '..', 'golden', 'docker');
const SCRIPTS = join(__dirname, 'docker', 'scripts');
const KNOWN = join(__dirname, 'docker', 'known-differences.txt');

/** "script: command" lines of known-differences.txt (blank and # lines skipped). */
export function knownDifferences(): Set<string> {
  if (!existsSync(KNOWN)) return new Set();
  return new Set(readFileSync(KNOWN, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')));
}

export interface DockerOracleCase {
  name: string;
  command: string;
  /** "script: command", with " (#N)" for the Nth time the same line occurs in a script. */
  key: string;
  expected: string;
  actual: string;
}

function replayWorld(): Shell {
  const { world, host } = createDockerWorld();
  const daemon = daemonOf(world, host)!;
  importStandIns(world, daemon);
  return new Shell(world, host);
}

export function dockerOracleCases(): DockerOracleCase[] {
  if (!existsSync(GOLDEN)) return [];
  const cases: DockerOracleCase[] = [];
  for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const scriptPath = join(SCRIPTS, `${name}.sh`);
    if (!existsSync(scriptPath)) continue;
    const golden = splitTranscript(readFileSync(join(GOLDEN, file), 'utf8'));
    const shell = replayWorld();
    const seen = new Map<string, number>();
    scriptLines(readFileSync(scriptPath, 'utf8')).forEach((line, i) => {
      const expected = golden[i];
      const n = (seen.get(line) ?? 0) + 1;
      seen.set(line, n);
      cases.push({
        name,
        command: line,
        key: `${name}: ${line}${n > 1 ? ` (#${n})` : ''}`,
        expected: expected ? normalizeDockerTranscript(expected.output) : '(missing from golden)',
        actual: normalizeDockerTranscript(transcriptEntry(line, shell.run(line))),
      });
    });
  }
  return cases;
}

const cases = dockerOracleCases();

describe('docker oracle: simulator vs a recorded Docker engine', () => {
  if (cases.length === 0) {
    it('has golden transcripts to compare', function () {
      console.log('    (skipped: no golden files under test/golden/docker; see test/oracle/docker/README.md)');
      this.skip();
    });
    return;
  }
  after(() => {
    const matched = cases.filter((c) => c.expected === c.actual).length;
    console.log(`\n    docker golden commands matching: ${matched} / ${cases.length}`);
  });
  const known = knownDifferences();
  for (const c of cases) {
    const key = c.key;
    if (!known.has(key)) {
      it(key, () => assert.equal(c.actual, c.expected));
      continue;
    }
    // A known difference: pending while it differs, a failure once it matches (drop it from the list).
    it(`${key} (known difference)`, function () {
      if (c.actual !== c.expected) this.skip();
      assert.fail(`now matches the recording: remove "${key}" from test/oracle/docker/known-differences.txt`);
    });
  }
});
