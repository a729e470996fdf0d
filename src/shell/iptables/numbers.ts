/** xtables_strtoui: strtoul(s, &end, 0) that must use the whole string and stay within [0, max]. */
export function strtoui(text: string, max: number, min = 0): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return null;
  const digits = m[2]!;
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  if (m[1] === '-' && value !== 0) return null;
  if (!Number.isFinite(value) || value > max || value < min) return null;
  return value;
}

/** sscanf("%llu"): leading blanks, optional sign, decimal digits; the rest is ignored. */
export function scanUnsigned(text: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(text);
  if (!m) return null;
  const value = Number(m[2]);
  return m[1] === '-' ? (value === 0 ? 0 : 2 ** 64 - value) : value;
}

/** xtables_strtoui with an end pointer: the leading number and what follows it. */
export function strtouiPrefix(text: string, max: number): { value: number; rest: string } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!m) return null;
  const digits = m[2]!;
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  if ((m[1] === '-' && value !== 0) || value > max) return null;
  return { value, rest: text.slice(m[0].length) };
}

/** inet_pton(AF_INET): exactly four decimal octets without leading zeros. */
export function inetPton(text: string): number | null {
  const m = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/.exec(text);
  if (!m) return null;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return null;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}
