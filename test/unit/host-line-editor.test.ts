/** The pseudoterminal's line editor, fed keys as xterm.js sends them. */
import { strict as assert } from 'node:assert';
import { LineEditor, LineHistory, type LineEditorHost } from '../../src/host/terminal/line-editor';
import { parseKeys } from '../../src/host/terminal/keys';

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DELETE = '\x1b[3~';

class FakeHost implements LineEditorHost {
  output = '';
  submitted: string[] = [];
  interrupts = 0;
  ended = false;
  promptText = '$ ';
  write(text: string): void {
    this.output += text;
  }
  submit(line: string): void {
    this.submitted.push(line);
    this.output += `<ran ${line}>`;
  }
  interrupt(): void {
    this.interrupts++;
  }
  endOfInput(): void {
    this.ended = true;
  }
  prompt(): string {
    return this.promptText;
  }
}

function setup(history = new LineHistory()) {
  const host = new FakeHost();
  const editor = new LineEditor(host, history);
  editor.start();
  return { host, editor, history };
}

/** Replays the editor's output on a one-row screen and returns what it shows (trailing spaces trimmed). */
function screen(output: string): string {
  const row: string[] = [];
  let col = 0;
  let lines: string[] = [];
  const re = /\x1b\[(\d*)([A-Za-z])|\r\n|\r|\x08|[\s\S]/g;
  for (const m of output.matchAll(re)) {
    const token = m[0];
    if (m[2] === 'D') col = Math.max(0, col - Number(m[1] || 1));
    else if (m[2] === 'C') col += Number(m[1] || 1);
    else if (m[2] === 'K') row.length = col;
    else if (m[2] === 'J' || m[2] === 'H') {
      if (m[2] === 'J') (lines = []), (row.length = 0);
      col = 0;
    } else if (token === '\r\n') {
      lines.push(row.join('').trimEnd());
      row.length = 0;
      col = 0;
    } else if (token === '\r') col = 0;
    else if (token === '\x08') col = Math.max(0, col - 1);
    else {
      while (row.length < col) row.push(' ');
      row[col++] = token;
    }
  }
  return [...lines, row.join('').trimEnd()].join('\n');
}

describe('host line editor', () => {
  it('echoes typed text and submits on Enter, then prompts again', () => {
    const { host, editor } = setup();
    assert.equal(host.output, '$ ');
    host.output = '';
    editor.feed('e');
    editor.feed('cho hi');
    assert.equal(host.output, 'echo hi');
    editor.feed('\r');
    assert.deepEqual(host.submitted, ['echo hi']);
    assert.equal(host.output, 'echo hi\r\n<ran echo hi>$ ');
  });

  it('treats CR LF, LF and CR each as one Enter', () => {
    const { host, editor } = setup();
    editor.feed('a\r\nb\nc\r');
    assert.deepEqual(host.submitted, ['a', 'b', 'c']);
  });

  it('runs each line of a multi-line paste in order, prompting between them', () => {
    const { host, editor } = setup();
    host.output = '';
    editor.feed('ip a\rip r\rpartial');
    assert.deepEqual(host.submitted, ['ip a', 'ip r']);
    assert.equal(host.output, 'ip a\r\n<ran ip a>$ ip r\r\n<ran ip r>$ partial');
    assert.equal(editor.line, 'partial');
  });

  it('uses the prompt current after each command (cd changes it)', () => {
    const { host, editor } = setup();
    host.submit = (line) => {
      host.submitted.push(line);
      host.promptText = '/tmp$ ';
    };
    editor.feed('cd /tmp\r');
    assert.ok(host.output.endsWith('\r\n/tmp$ '));
  });

  it('backspace deletes before the cursor, also in the middle of the line', () => {
    const { host, editor } = setup();
    editor.feed('echo hix\x7f');
    assert.equal(editor.line, 'echo hi');
    editor.feed(LEFT + LEFT + '\x7f');
    assert.equal(editor.line, 'echohi');
    assert.equal(editor.cursorPosition, 4);
    assert.equal(screen(host.output), '$ echohi');
    editor.feed(HOME + '\x7f' + '\b');
    assert.equal(editor.line, 'echohi');
  });

  it('inserts at the cursor after left/right, Home/End (CSI, SS3 and Ctrl-A/E forms)', () => {
    const { host, editor } = setup();
    editor.feed('ip  show');
    editor.feed(LEFT.repeat(5) + 'a');
    assert.equal(editor.line, 'ip a show');
    editor.feed(HOME + 'sudo ' + END + ' dev eth0');
    assert.equal(editor.line, 'sudo ip a show dev eth0');
    editor.feed('\x01#\x05!');
    assert.equal(editor.line, '#sudo ip a show dev eth0!');
    editor.feed('\x1bOH>\x1bOF<\x1b[1~[\x1b[4~]');
    assert.equal(editor.line, '[>#sudo ip a show dev eth0!<]');
    editor.feed(RIGHT.repeat(100) + LEFT.repeat(100));
    assert.equal(editor.cursorPosition, 0);
    assert.equal(screen(host.output), '$ [>#sudo ip a show dev eth0!<]');
  });

  it('Delete and Ctrl-D delete under the cursor', () => {
    const { editor, host } = setup();
    editor.feed('abcd' + HOME + DELETE + '\x04');
    assert.equal(editor.line, 'cd');
    assert.equal(host.ended, false);
    assert.equal(screen(host.output), '$ cd');
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W kill text', () => {
    const { editor, host } = setup();
    editor.feed('ip link set eth0 up' + LEFT.repeat(3) + '\x0b');
    assert.equal(editor.line, 'ip link set eth0');
    editor.feed('\x17');
    assert.equal(editor.line, 'ip link set ');
    editor.feed('\x17\x17');
    assert.equal(editor.line, 'ip ');
    editor.feed('x' + LEFT + '\x15');
    assert.equal(editor.line, 'x');
    assert.equal(screen(host.output), '$ x');
  });

  it('up/down browse history and come back to the draft', () => {
    const { editor, host, history } = setup();
    editor.feed('first\rsecond\r');
    assert.deepEqual(history.entries, ['first', 'second']);
    editor.feed('draft' + UP);
    assert.equal(editor.line, 'second');
    editor.feed(UP + UP + UP);
    assert.equal(editor.line, 'first');
    editor.feed(DOWN);
    assert.equal(editor.line, 'second');
    editor.feed(DOWN);
    assert.equal(editor.line, 'draft');
    editor.feed(DOWN);
    assert.equal(editor.line, 'draft');
    editor.feed(UP + ' again\r');
    assert.deepEqual(host.submitted, ['first', 'second', 'second again']);
    assert.equal(screen(host.output).split('\n').pop(), '<ran second again>$');
  });

  it('keeps blank lines and repeats out of history, and bounds it', () => {
    const history = new LineHistory([], 3);
    const { editor } = setup(history);
    editor.feed('a\r\r  \ra\rb\rc\rd\r');
    assert.deepEqual(history.entries, ['b', 'c', 'd']);
  });

  it('starts from a shared history and reports additions', () => {
    const seen: string[][] = [];
    const history = new LineHistory(['old'], 10, (entries) => seen.push([...entries]));
    const { editor } = setup(history);
    editor.feed(UP);
    assert.equal(editor.line, 'old');
    editor.feed('\r');
    assert.deepEqual(seen, []);
    editor.feed('new\r');
    assert.deepEqual(seen, [['old', 'new']]);
  });

  it('Ctrl-C prints ^C, abandons the line and prompts again', () => {
    const { editor, host } = setup();
    editor.feed('ping 8.8.8.8' + LEFT.repeat(4) + '\x03');
    assert.equal(editor.line, '');
    assert.equal(host.interrupts, 1);
    assert.deepEqual(host.submitted, []);
    assert.equal(screen(host.output), '$ ping 8.8.8.8^C\n$');
    editor.feed('true\r');
    assert.deepEqual(host.submitted, ['true']);
  });

  it('Ctrl-L clears the screen and redraws prompt and line with the cursor in place', () => {
    const { editor, host } = setup();
    editor.feed('echo ab' + LEFT + '\x0c');
    assert.ok(host.output.endsWith('\x1b[H\x1b[2J$ echo ab\x1b[1D'), JSON.stringify(host.output));
    editor.feed('X');
    assert.equal(editor.line, 'echo aXb');
  });

  it('Ctrl-D on an empty line ends input and ignores anything after it', () => {
    const { editor, host } = setup();
    editor.feed('\x04echo late\r');
    assert.equal(host.ended, true);
    assert.deepEqual(host.submitted, []);
  });

  it('stops after close() (exit), without a new prompt', () => {
    const { editor, host } = setup();
    host.submit = (line) => {
      host.submitted.push(line);
      editor.close();
    };
    host.output = '';
    editor.feed('exit\recho after\r');
    assert.deepEqual(host.submitted, ['exit']);
    assert.equal(host.output, 'exit\r\n');
  });

  it('ignores unknown escape sequences, control characters and paste brackets', () => {
    const { editor } = setup();
    editor.feed('\x1b[200~a\x1b[201~\x1b[15~\x1bxb\x07\t\x1b');
    assert.equal(editor.line, 'ab');
    editor.feed('\x1b[1;5Dc'); // Ctrl-Left moves like Left
    assert.equal(editor.line, 'acb');
  });

  it('handles characters outside the BMP as one character', () => {
    const { editor } = setup();
    editor.feed('a😀b' + LEFT + '\x7f');
    assert.equal(editor.line, 'ab');
  });
});

describe('host terminal keys', () => {
  it('groups text and recognizes keys', () => {
    assert.deepEqual(parseKeys('ab\x1b[Ac\r\n\x7f\x1b[3~'), [
      { kind: 'text', text: 'ab' },
      { kind: 'up' },
      { kind: 'text', text: 'c' },
      { kind: 'enter' },
      { kind: 'backspace' },
      { kind: 'delete' },
    ]);
  });
});
