/**
 * The e2e suite's 30-cell lab (test/e2e/fixtures/bench-30.lab.md) is the benchmark's generated lab,
 * so the workbench's Run All time and `npm run bench`'s in-process one time the same cells.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedLab } from '../../bench/budgets/extension-host';
import { parseLab } from '../../src/labs/lab';

describe('e2e fixture bench-30.lab.md', () => {
  const text = readFileSync(join(__dirname, '..', 'e2e', 'fixtures', 'bench-30.lab.md'), 'utf8');

  it('is the benchmark lab generatedLab(15) byte for byte (regenerate it from there when that changes)', () => {
    assert.equal(text, generatedLab(15));
  });

  it('has 30 code cells: 15 shell cells and 15 check cells, the last one pinging from ns15', () => {
    const lab = parseLab(text);
    assert.equal(lab.frontMatter?.world, 'bare');
    const cells = lab.segments.flatMap((s) => (s.kind === 'cell' ? [s.cell] : []));
    assert.equal(cells.length, 30);
    assert.equal(cells.filter((c) => c === 'check').length, 15);
    assert.match(text.slice(text.lastIndexOf('```check')), /ns15 can ping 10\.0\.0\.1/);
  });
});
