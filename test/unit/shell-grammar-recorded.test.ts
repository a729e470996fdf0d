/**
 * The shell's grammar against the host's real bash 5.2: every case of test/oracle/bash/cases.txt
 * was run by test/oracle/bash/record.sh (interactive bash, no rc files, empty directory,
 * HOME=/root) into test/golden/bash-grammar.txt; each runs here in a fresh bare-world shell and
 * must print the same bytes (stdout and stderr in the order written) with the same status.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareShell } from './helpers';

interface Case {
  line: string;
  output: string;
  status: number;
}

function recorded(): Case[] {
  const text = readFileSync(join(__dirname, '../golden/bash-grammar.txt'), 'utf8');
  const cases: Case[] = [];
  for (const block of text.split(/\n(?=\$ )/)) {
    if (!block.startsWith('$ ')) continue;
    const m = /^\$ (.*)\n([\s\S]*?)\[exit (\d+)\]\n/.exec(block);
    if (!m) throw new Error(`unreadable case: ${block.slice(0, 60)}`);
    cases.push({ line: m[1]!, output: m[2]!, status: Number(m[3]) });
  }
  return cases;
}

/** The recorded sessions: the lines typed (from sessions.txt) and what bash printed for them. */
function sessions(): { lines: string[]; transcript: string }[] {
  const typed = readFileSync(join(__dirname, '../oracle/bash/sessions.txt'), 'utf8').replace(/\n$/, '').split('\n---\n');
  const printed = readFileSync(join(__dirname, '../golden/bash-sessions.txt'), 'utf8').split('### session\n').slice(1);
  return typed.map((text, k) => ({ lines: text.split('\n'), transcript: printed[k] ?? '' }));
}

describe('shell: grammar recorded from bash 5.2', () => {
  const cases = recorded();
  it('has the recorded cases', () => assert.ok(cases.length >= 40, `${cases.length} cases`));
  for (const c of cases) {
    it(c.line, () => {
      const r = bareShell().run(c.line);
      assert.deepEqual({ output: r.chunks.map((k) => k.text).join(''), status: r.exitCode }, { output: c.output, status: c.status });
    });
  }
});

describe('shell: interactive sessions recorded from bash 5.2 (aliases, history)', () => {
  const recordedSessions = sessions();
  it('has the recorded sessions', () => assert.equal(recordedSessions.length, 3));
  for (const session of recordedSessions) {
    it(session.lines[0]!, () => {
      const sh = bareShell();
      sh.interactive = true;
      // An interactive bash echoes each line it reads (empty ones print nothing), then its output.
      const transcript = session.lines.map((line) => (line === '' ? '' : line + '\n' + sh.run(line).chunks.map((c) => c.text).join(''))).join('');
      assert.equal(transcript, session.transcript);
    });
  }

  it('a script or a lab cell is not interactive: no alias expansion, no history, as bash -c', () => {
    const sh = bareShell();
    sh.run("alias e='echo'");
    assert.deepEqual([sh.run('e x').stderr, sh.run('history').stdout], ['bash: e: command not found\n', '']);
  });
});
