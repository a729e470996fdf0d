/**
 * docker/cli's tables: text/tabwriter with minwidth 10, tabwidth 1, padding 3, padchar ' '.
 * A column is as wide as its widest cell plus 3 (at least 10); the last cell is not padded.
 */
export function tabwrite(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 10, width(cell) + 3)));
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat(widths[i]! - width(cell)) : cell)).join('') + '\n').join('');
}

/** Display width in runes (the ellipsis counts as one). */
function width(s: string): number {
  return [...s].length;
}

/** formatter.Ellipsis: cut to `max` runes, the last one replaced by "…". */
export function ellipsis(s: string, max: number): string {
  const runes = [...s];
  if (runes.length <= max) return s;
  return runes.slice(0, max - 1).join('') + '…';
}
