/** The lab checks `volume NAME exists` and `image NAME exists` (and their negations), judged in a scratch copy. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { parseChecks } from '../../src/labs/checks/syntax';
import { judge as judgeCheck } from '../../src/labs/checks/judge';

describe('lab checks for volumes and images', () => {
  it('parses them and rejects other tails', () => {
    const [v, i, bad] = parseChecks('volume appdata exists\nimage hello:1 does not exist\nvolume appdata is big\n');
    assert.deepEqual(v!.spec, { kind: 'docker-object', object: 'volume', name: 'appdata', expect: true });
    assert.deepEqual(i!.spec, { kind: 'docker-object', object: 'image', name: 'hello:1', expect: false });
    assert.equal(bad!.spec.kind, 'invalid');
  });

  it('judges what the daemon has, without changing the world', () => {
    const { world, host } = createWorld('docker')!;
    const sh = new Shell(world, host);
    const judge = (text: string) => judgeCheck(world, host, parseChecks(text)[0]!);
    assert.equal(judge('volume appdata exists').pass, false);
    assert.equal(judge('volume appdata does not exist').pass, true);
    assert.equal(judge('image alpine exists').pass, false);
    sh.run('docker volume create appdata');
    sh.run('docker pull -q alpine');
    assert.equal(judge('volume appdata exists').pass, true);
    assert.equal(judge('image alpine exists').pass, true);
    assert.equal(judge('image alpine:latest does not exist').pass, false);
    assert.equal(sh.run('docker volume ls -q').stdout, 'appdata\n', 'judging left the world as it was');
  });
});
