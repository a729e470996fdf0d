/**
 * `npm run bench`: simulator vs real kernel on the same scripts, as ratios, against the budgets
 * of the foundation issue (simulator >= 50x faster; the walkthrough < 5 ms in-process); then the
 * extension's budgets (issue 9, issue 4's containers) as one table, the README's.
 * Pass --record to re-time the real kernel (root needed; runs through test/oracle/record.sh in
 * BENCH mode: a private sandbox with the same hidden LAN as the goldens).
 * --kernel runs only the first part, --budgets only the second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptLines } from '../src/shell/script';
import { starScript } from './scripts';
import { timeScript } from './simulator';
import { canRecord, loadRecorded, recordKernel, saveRecorded, type KernelTiming } from './kernel';
import { extensionBudgets } from './budgets/rows';
import { budgetTable } from './budgets/table';

const root = join(__dirname, '..'); // dist/bench.js -> the repository
const recordedFile = join(root, 'bench', 'real-kernel.json');
const record = process.argv.includes('--record');
const only = process.argv.includes('--kernel') ? 'kernel' : process.argv.includes('--budgets') ? 'budgets' : undefined;

const scripts: Record<string, { lines: string[]; runs: number; warmup: number }> = {
  walkthrough: { lines: scriptLines(readFileSync(join(root, 'test', 'oracle', 'scripts', 'walkthrough.sh'), 'utf8')), runs: 200, warmup: 300 },
  'star-1000': { lines: starScript(1000, 20), runs: 3, warmup: 1 },
};

/** Simulator vs kernel; true when a budget was missed. */
function kernelComparison(): boolean {
  const recorded = loadRecorded(recordedFile);
  const why = canRecord();
  console.log('benchmark            commands   simulator     real kernel    ratio (kernel time / simulator time)');
  let failed = false;
  for (const [name, { lines, runs, warmup }] of Object.entries(scripts)) {
    const sim = timeScript(lines, runs, warmup);
    let real: KernelTiming | undefined = recorded[name];
    if (record && !why) {
      real = recordKernel(join(root, 'test', 'oracle', 'record.sh'), name, lines, 1800);
      recorded[name] = real;
      saveRecorded(recordedFile, recorded);
    }
    const ratio = real ? real.ms / sim.medianMs : undefined;
    console.log(
      `${name.padEnd(20)} ${String(lines.length).padStart(8)} ${sim.medianMs.toFixed(2).padStart(9)} ms ${real ? real.ms.toFixed(0).padStart(11) + ' ms' : '    (none)     '} ${ratio ? ratio.toFixed(0).padStart(6) + 'x' : ''}`,
    );
    console.log(`${''.padEnd(29)} (first, cold run: ${sim.coldMs.toFixed(2)} ms; median of ${runs} runs after ${warmup} warm-up runs above)`);
    if (sim.failures) console.log(`  ! ${sim.failures} commands hit internal errors`);
    if (ratio !== undefined && ratio < 50) failed = true;
    if (name === 'walkthrough' && sim.medianMs >= 5) failed = true;
  }
  if (record && why) console.log(`real kernel not re-recorded: ${why}`);
  const realNote = Object.values(recorded)[0];
  if (realNote) console.log(`real-kernel figures recorded ${realNote.recordedAt} on Linux ${realNote.kernel} (bench/real-kernel.json)`);
  console.log(failed ? 'BUDGET MISSED: need >= 50x and walkthrough < 5 ms' : 'budgets met: >= 50x faster than the kernel, walkthrough < 5 ms');
  return failed;
}

async function main(): Promise<void> {
  let missed = false;
  if (only !== 'budgets') missed = kernelComparison() || missed;
  if (only !== 'kernel') {
    console.log('\nextension budgets (issue 9; issue 4: containers)');
    const rows = await extensionBudgets(root, (line) => console.log(`  ${line}`));
    console.log(budgetTable(rows));
    missed = rows.some((r) => r.met === false) || missed;
  }
  if (missed) process.exitCode = 1;
}

void main();
