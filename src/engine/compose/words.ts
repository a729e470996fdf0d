/** A `command:`/`entrypoint:` string split as compose-go does (shellwords: quotes and backslashes, no expansion). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let started = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) cur += text[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      started = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (started) words.push(cur);
      cur = '';
      started = false;
      continue;
    }
    cur += ch;
    started = true;
  }
  if (started) words.push(cur);
  return words;
}
