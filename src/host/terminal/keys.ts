/**
 * Splits terminal input (what xterm.js sends for keys and pastes) into editing keys and text.
 * Pure: no vscode import, unit tested with the line editor.
 */
export type EditKey =
  | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
  | 'interrupt' | 'eof' | 'clear-screen' | 'kill-before' | 'kill-after' | 'kill-word' | 'complete' | 'ignore';

export type Key = { kind: 'text'; text: string } | { kind: EditKey };

const CONTROL: Record<string, EditKey> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'complete', // Tab
  '\x01': 'home', // Ctrl-A
  '\x02': 'left', // Ctrl-B
  '\x03': 'interrupt', // Ctrl-C
  '\x04': 'eof', // Ctrl-D
  '\x05': 'end', // Ctrl-E
  '\x06': 'right', // Ctrl-F
  '\x0b': 'kill-after', // Ctrl-K
  '\x0c': 'clear-screen', // Ctrl-L
  '\x0e': 'down', // Ctrl-N
  '\x10': 'up', // Ctrl-P
  '\x15': 'kill-before', // Ctrl-U
  '\x17': 'kill-word', // Ctrl-W
};

/** Final byte of CSI / SS3 sequences (`ESC [ A`, `ESC O A`, `ESC [ 1 ; 5 D`). */
const FINAL: Record<string, EditKey> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
/** `ESC [ n ~` sequences. */
const TILDE: Record<string, EditKey> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' };

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const [key, length] = nextKey(data, i);
    const last = keys[keys.length - 1];
    if (key.kind === 'text' && last?.kind === 'text') last.text += key.text;
    else keys.push(key);
    i += length;
  }
  return keys;
}

function nextKey(data: string, i: number): [Key, number] {
  const ch = data[i]!;
  if (ch === '\r' && data[i + 1] === '\n') return [{ kind: 'enter' }, 2];
  if (ch === '\x1b') return escapeSequence(data, i);
  const control = CONTROL[ch];
  if (control) return [{ kind: control }, 1];
  if (ch < ' ' || ch === '\x7f') return [{ kind: 'ignore' }, 1];
  return [{ kind: 'text', text: ch }, 1];
}

function escapeSequence(data: string, i: number): [Key, number] {
  const intro = data[i + 1];
  if (intro === 'O' && i + 2 < data.length) return [{ kind: FINAL[data[i + 2]!] ?? 'ignore' }, 3];
  if (intro !== '[') return [{ kind: 'ignore' }, intro === undefined ? 1 : 2];
  let j = i + 2;
  while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
  if (j >= data.length) return [{ kind: 'ignore' }, j - i];
  const params = data.slice(i + 2, j);
  const final = data[j]!;
  const kind = final === '~' ? TILDE[params.split(';')[0]!] : FINAL[final];
  return [{ kind: kind ?? 'ignore' }, j - i + 1];
}
