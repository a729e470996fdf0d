/**
 * Running a lab's checks (and, for grading, its own cells first) and counting what passed.
 * Hints escalate: a check that failed n times shows its first n hints.
 */
import type { World } from '../engine/world';
import type { Host } from '../engine/net/types';
import { scriptLines } from '../shell/script';
import type { LineResult } from '../shell/shell';
import { judge } from './checks/judge';
import { parseChecks, type Check } from './checks/syntax';
import { labCells, type Lab } from './lab';
import { LIMITS } from '../engine/limits';

export interface CheckOutcome {
  check: Check;
  pass: boolean;
  detail?: string;
  /** The hints to show now (none when it passed). */
  hints: string[];
}

/** How often each check has failed, so repeated failures reveal more hints. */
export class HintLedger {
  private readonly failures = new Map<string, number>();

  record(key: string, check: Check, pass: boolean): string[] {
    if (pass) return [];
    const count = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, count);
    return check.hints.slice(0, Math.max(1, count));
  }

  reset(): void {
    this.failures.clear();
  }
}

export interface Judged {
  world: World;
  host: Host;
}

/** Judges every check of one check cell, in order. */
export function runCheckCell(target: Judged, code: string, ledger = new HintLedger(), cellKey = ''): CheckOutcome[] {
  return parseChecks(code).map((check) => {
    const verdict = judge(target.world, target.host, check);
    const hints = ledger.record(`${cellKey}\u0000${check.text}`, check, verdict.pass);
    return { check, pass: verdict.pass, ...(verdict.detail !== undefined && { detail: verdict.detail }), hints };
  });
}

export interface CommandRun {
  line: string;
  result: LineResult;
}

export interface LabReport {
  outcomes: CheckOutcome[];
  /** The lab's own commands, when they were run (`--solution`). */
  commands: CommandRun[];
  passed: number;
  total: number;
}

export interface LabTarget extends Judged {
  run(line: string): LineResult;
  /** Caps the simulated time of the lines that follow, together (a cell's budget); undefined lifts it. */
  limitTime?(ms: number | undefined): void;
}

/**
 * With `solution`, runs the lab's cells in document order (shell cells run their commands,
 * check cells are judged where they stand); otherwise judges only the check cells.
 */
export function gradeLab(lab: Lab, target: LabTarget, options: { solution: boolean }): LabReport {
  const outcomes: CheckOutcome[] = [];
  const commands: CommandRun[] = [];
  labCells(lab).forEach((cell, index) => {
    if (cell.cell === 'check') outcomes.push(...runCheckCell(target, cell.code, new HintLedger(), String(index)));
    else if (options.solution) {
      target.limitTime?.(LIMITS.cellSimMs);
      for (const line of scriptLines(cell.code)) commands.push({ line, result: target.run(line) });
      target.limitTime?.(undefined);
    }
  });
  return { outcomes, commands, passed: outcomes.filter((o) => o.pass).length, total: outcomes.length };
}

/** One line per check: `PASS  text` or `FAIL  text`, then the finding and hints indented. */
export function formatOutcome(outcome: CheckOutcome): string {
  const lines = [`${outcome.pass ? 'PASS' : 'FAIL'}  ${outcome.check.text}`];
  if (!outcome.pass && outcome.detail) lines.push(`      found: ${outcome.detail}`);
  for (const hint of outcome.hints) lines.push(`      hint: ${hint}`);
  return lines.join('\n') + '\n';
}

export function formatSummary(report: { passed: number; total: number }): string {
  return `${report.passed}/${report.total} checks passed\n`;
}
