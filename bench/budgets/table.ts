/** The budgets table `npm run bench` prints (and the README copies): what, measured, budget, verdict. */
export interface BudgetRow {
  what: string;
  measured: string;
  /** Empty when the figure is reported without a budget. */
  budget: string;
  /** undefined: no budget, or not measured here (the measured column says why). */
  met?: boolean;
}

export function budgetTable(rows: BudgetRow[]): string {
  const verdict = (r: BudgetRow) => (r.met === undefined ? '' : r.met ? 'ok' : 'MISSED');
  const cells = [['what', 'measured', 'budget', ''], ...rows.map((r) => [r.what, r.measured, r.budget, verdict(r)])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`).map((line, i) => (i === 1 ? `${sep(widths)}\n${line}` : line)).join('\n');
}

function sep(widths: number[]): string {
  return `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
}
