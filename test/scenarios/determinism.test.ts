import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBareWorld } from '../../src/engine/presets';
import { scriptLines, transcriptEntry } from '../../src/shell/script';
import { Shell } from '../../src/shell/shell';

const walkthrough = scriptLines(readFileSync(join(__dirname, '..', 'oracle', 'scripts', 'walkthrough.sh'), 'utf8'));

function transcript(lines: string[], seed?: number): string {
  const { world, host } = createBareWorld(seed);
  const shell = new Shell(world, host);
  return lines.map((l) => transcriptEntry(l, shell.run(l))).join('');
}

describe('determinism and snapshots', () => {
  it('the same script on the same seed prints byte-identical transcripts (MACs, times and all)', () => {
    assert.equal(transcript(walkthrough), transcript(walkthrough));
  });

  it('another seed changes only the random parts (MACs), not the structure', () => {
    const random = /([0-9a-f]{2}:){5}[0-9a-f]{2}|8000\.[0-9a-f]{12}|fe80::[0-9a-f:]+|time[= ][0-9.]+ ?ms|rtt .*/g;
    const a = transcript(walkthrough, 1);
    assert.notEqual(a, transcript(walkthrough, 2));
    assert.equal(a.replace(random, 'X'), transcript(walkthrough, 2).replace(random, 'X'));
  });

  it('restoring a snapshot rewinds the world, its clock and its random numbers', () => {
    const { world, host } = createBareWorld();
    const shell = new Shell(world, host);
    shell.run('ip netns add red');
    const snap = world.snapshot();
    const after = ['ip link add veth-red type veth peer name veth-blue', 'ip link set veth-red netns red', 'ip link', 'ip -n red link', 'sleep 2'];
    const first = after.map((l) => shell.run(l).stdout).join('');
    const clock = world.clock.now();
    world.restore(snap);
    assert.doesNotMatch(shell.run('ip link').stdout, /veth/);
    assert.equal(after.map((l) => shell.run(l).stdout).join(''), first);
    assert.equal(world.clock.now(), clock);
  });
});
