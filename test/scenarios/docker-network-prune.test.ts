/** docker network prune (the seed's command): unused user-defined networks go, predefined ones and those in use stay. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

describe('docker network prune', () => {
  it('-f removes networks no running container uses, with their bridges; prints them like docker/cli', () => {
    const { world, host } = createWorld('docker')!;
    const sh = new Shell(world, host);
    sh.run('docker network create unused');
    sh.run('docker network create --driver bridge --subnet=192.168.10.0/24 tuhin-custom-network');
    sh.run('docker network create busy');
    assert.equal(sh.run('docker run -d --name web --network busy nginx').exitCode, 0);
    const r = sh.run('docker network prune -f');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['Deleted Networks:\nunused\ntuhin-custom-network\n\n', '', 0]);
    assert.deepEqual(sh.run("docker network ls --format '{{.Name}}'").stdout.split('\n').filter(Boolean).sort(), ['bridge', 'busy', 'host', 'none']);
    assert.equal(sh.run('ip -br link show type bridge').stdout.split('\n').filter(Boolean).length, 2);
    assert.equal(sh.run('docker network prune -f').stdout, '');
  });

  it('without -f it asks; a lab cell has no answer, so nothing is removed', () => {
    const { world, host } = createWorld('docker')!;
    const sh = new Shell(world, host);
    sh.run('docker network create unused');
    const r = sh.run('docker network prune');
    assert.equal(r.stdout, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    assert.match(sh.run('docker network ls').stdout, /unused/);
    assert.equal(sh.run('echo y | docker network prune').stdout.endsWith('Deleted Networks:\nunused\n\n'), true);
    assert.match(sh.run('docker network prune extra').stderr, /^docker: 'docker network prune' accepts no arguments/);
  });
});
