import { strict as assert } from 'node:assert';
import { ok, shell } from '../scenarios/shell.helpers';

/** The lines of `docker info` from " Swarm:" to the line before " Runtimes:". */
function swarmBlock(info: string): string[] {
  const lines = info.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith(' Swarm: ')), lines.findIndex((l) => l.startsWith(' Runtimes: ')));
}

describe('docker info: the daemon as recorded, and swarm mode', () => {
  it('the engine, containerd, runc and init versions of the recorded Engine 26.1.5+dfsg1; docker --version is the client', () => {
    const sh = shell();
    const info = ok(sh, 'docker info');
    assert.match(info, /\n Server Version: 26\.1\.5\+dfsg1\n/);
    assert.match(info, /\n containerd version: 1\.7\.24~ds1-6\+deb13u1\n runc version: 1\.1\.5\+ds1-1\+deb12u1\n init version: \n/);
    assert.equal(ok(sh, 'docker version --format "{{.Server.Version}} {{.Server.APIVersion}} {{.Client.Version}}"'), '26.1.5+dfsg1 1.45 28.2.2\n');
    assert.equal(ok(sh, 'docker --version'), 'Docker version 28.2.2, build e6534b4\n');
    assert.equal(ok(sh, `docker info --format '{{json .DefaultAddressPools}}'`), 'null\n');
    assert.ok(!ok(sh, `docker info --format '{{json .}}'`).includes('DefaultAddressPools'), 'omitempty in {{json .}}');
  });

  it('Swarm: inactive, then active with the manager block docker/cli prints; a worker sees its managers', () => {
    const sh = shell('multi-host');
    assert.deepEqual(swarmBlock(ok(sh, 'docker info')), [' Swarm: inactive']);
    ok(sh, 'docker swarm init');
    const nodeId = ok(sh, `docker info --format '{{.Swarm.NodeID}}'`).trim();
    assert.match(nodeId, /^[0-9a-z]{25}$/);
    const block = swarmBlock(ok(sh, 'docker info'));
    assert.deepEqual(block.slice(0, 3), [' Swarm: active', `  NodeID: ${nodeId}`, '  Is Manager: true']);
    assert.match(block[3]!, /^ {2}ClusterID: [0-9a-z]{25}$/);
    assert.deepEqual(block.slice(4, 8), ['  Managers: 1', '  Nodes: 1', '  Default Address Pool: 10.0.0.0/8  ', '  SubnetSize: 24']);
    assert.deepEqual(block.slice(-4), ['  Root Rotation In Progress: false', '  Node Address: 192.168.1.11', '  Manager Addresses:', '   192.168.1.11:2377']);
    ok(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
    assert.equal(ok(sh, `docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.Managers}} {{.Swarm.Nodes}}'`), 'active 1 2\n');
    assert.deepEqual(swarmBlock(ok(sh, 'ssh node2 docker info')).slice(2), ['  Is Manager: false', '  Node Address: 192.168.1.12', '  Manager Addresses:', '   192.168.1.11:2377']);
  });
});

describe('docker system df: the build cache', () => {
  it('counts the layers build steps made, not the base image a build used', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `printf 'FROM busybox\\nRUN echo hello > /greeting\\n' > Dockerfile`);
    ok(sh, 'docker build -q -t b1 .');
    const df = ok(sh, 'docker system df').split('\n');
    assert.match(df[4]!, /^Build Cache {5}1 {9}0 {9}6B {8}6B$/, df.join('\n'));
  });
});
