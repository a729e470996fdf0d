/** Replays recorded iptables transcripts ("$ cmd", output, "[exit N]", blank line) on the simulator. */
import { strict as assert } from 'node:assert';
import { createBareWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

const DATE = /on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}/g;

export interface RecordedBlock {
  command: string;
  output: string;
  exitCode: number;
}

export function splitRecording(text: string): RecordedBlock[] {
  return text
    .split(/^\$ /m)
    .filter(Boolean)
    .map((block) => {
      const eol = block.indexOf('\n');
      const end = /\[exit (-?\d+)\]\n\n?$/.exec(block);
      if (!end) throw new Error(`no [exit N] after ${block.slice(0, eol)}`);
      return { command: block.slice(0, eol), output: block.slice(eol + 1, end.index), exitCode: Number(end[1]) };
    });
}

export function replayTranscripts(title: string, transcripts: [string, string][]): void {
  describe(title, () => {
    for (const [name, text] of transcripts) {
      describe(name, () => {
        const { world, host } = createBareWorld();
        const shell = new Shell(world, host);
        for (const block of splitRecording(text)) {
          it(block.command, () => {
            const r = shell.run(block.command);
            assert.equal((r.stdout + r.stderr).replace(DATE, 'on DATE'), block.output.replace(DATE, 'on DATE'));
            assert.equal(r.exitCode, block.exitCode);
          });
        }
      });
    }
  });
}

describe('iptables recordings: transcript format', () => {
  it('splits blocks and exit codes', () => {
    const blocks = splitRecording('$ a\nout\n[exit 0]\n\n$ b\n[exit 2]\n\n');
    assert.deepEqual(blocks, [
      { command: 'a', output: 'out\n', exitCode: 0 },
      { command: 'b', output: '', exitCode: 2 },
    ]);
  });
});
