/** The explorer's Docker section and multi-host rows (src/host/tree, pure). */
import assert from 'node:assert/strict';
import { createWorld } from '../../src/engine/presets';
import { buildViewModel } from '../../src/engine/view';
import { Shell } from '../../src/shell/shell';
import { childRows, type Row } from '../../src/host/tree/tree-model';

function dockerShell(): Shell {
  const { world, host } = createWorld('docker')!;
  return new Shell(world, host);
}

function child(shell: Shell, parent: Row | undefined, label: string): Row {
  const rows = childRows(shell.world, parent);
  const found = rows.find((r) => r.label === label);
  assert.ok(found, `no ${label} in ${rows.map((r) => r.label).join(', ')}`);
  return found;
}

describe('explorer: Docker section', () => {
  it('a host with a daemon lists Docker after its namespaces, with containers, networks, volumes and images', () => {
    const shell = dockerShell();
    shell.run('docker run -d --name web -p 8080:80 nginx');
    shell.run('docker volume create data');
    const host = child(shell, undefined, 'host');
    const docker = child(shell, host, 'Docker');
    assert.deepEqual(childRows(shell.world, host).at(-1), docker);
    assert.equal(docker.description, '1 running, 1 container');
    assert.deepEqual(childRows(shell.world, docker).map((r) => `${r.label} ${r.description}`), ['Containers 1', 'Networks 3', 'Volumes 1', 'Images 1']);
  });

  it('containers: image, state and address; state for the icon; docker inspect and Show in Topology on the drawn node', () => {
    const shell = dockerShell();
    shell.run('docker run -d --name web -p 8080:80 nginx');
    shell.run('docker create --name later busybox');
    const containers = child(shell, child(shell, child(shell, undefined, 'host'), 'Docker'), 'Containers');
    const [web, later] = childRows(shell.world, containers);
    assert.equal(`${web!.label} ${web!.description}`, 'web nginx running 172.17.0.2');
    assert.equal(web!.state, 'running');
    assert.equal(web!.address, '172.17.0.2');
    assert.equal(web!.inspect, 'docker inspect web');
    assert.equal(`${later!.label} ${later!.description}`, 'later busybox created');
    assert.equal(later!.address, undefined);
    const ids = new Set(buildViewModel(shell.world).nodes.map((n) => n.id));
    assert.ok(ids.has(web!.viewId!) && ids.has(later!.viewId!), `${web!.viewId} ${later!.viewId}`);
  });

  it('docker create fires a world change (the explorer refreshes on world events only)', () => {
    const shell = dockerShell();
    shell.run('docker pull nginx');
    let changes = 0;
    shell.world.onDidChange(() => changes++);
    assert.equal(shell.run('docker create --name later nginx').exitCode, 0);
    assert.ok(changes > 0);
  });

  it('stopping a container changes its row (the tree refreshes from the world, not a cache)', () => {
    const shell = dockerShell();
    shell.run('docker run -d --name web nginx');
    shell.run('docker stop web');
    const containers = child(shell, child(shell, child(shell, undefined, 'host'), 'Docker'), 'Containers');
    const web = childRows(shell.world, containers)[0]!;
    assert.equal(web.state, 'exited');
    assert.match(web.description, /^nginx exited \(0\)$/);
  });

  it('networks with driver and subnet (bridge ones shown in the topology), images by repo:tag, volumes', () => {
    const shell = dockerShell();
    shell.run('docker network create backend');
    shell.run('docker pull alpine');
    shell.run('docker volume create data');
    const docker = child(shell, child(shell, undefined, 'host'), 'Docker');
    const nets = childRows(shell.world, child(shell, docker, 'Networks'));
    assert.deepEqual(nets.map((r) => `${r.label} ${r.description}`), ['bridge bridge 172.17.0.0/16', 'host host', 'none null', 'backend bridge 172.18.0.0/16']);
    assert.ok(nets[0]!.viewId && nets[3]!.viewId && !nets[1]!.viewId);
    assert.equal(nets[3]!.inspect, 'docker network inspect backend');
    const images = childRows(shell.world, child(shell, docker, 'Images'));
    assert.equal(images[0]!.label, 'alpine:latest');
    assert.match(images[0]!.description, /^image [0-9a-f]{12}, [\d.]+MB$/);
    assert.deepEqual(childRows(shell.world, child(shell, docker, 'Volumes')).map((r) => [r.label, r.inspect]), [['data', 'docker volume inspect data']]);
  });

  it("a container's namespace has no `ip -n` name, so it offers no ip command (docker inspect instead)", () => {
    const shell = dockerShell();
    shell.run('docker run -d --name web nginx');
    const ns = child(shell, child(shell, undefined, 'host'), 'container web');
    assert.equal(ns.command, undefined);
  });

  it('the bare world has no Docker row', () => {
    const { world, host } = createWorld('bare')!;
    const shell = new Shell(world, host);
    assert.ok(!childRows(shell.world, child(shell, undefined, 'host')).some((r) => r.kind === 'docker'));
  });

  it('multi-host: every node is a top-level host with its own Docker section; the LAN stand-in is not', () => {
    const { world, host } = createWorld('multi-host')!;
    const shell = new Shell(world, host);
    assert.deepEqual(childRows(shell.world, undefined).map((r) => r.label), ['node1', 'node2', 'node3']);
    for (const node of childRows(shell.world, undefined)) assert.ok(childRows(shell.world, node).some((r) => r.kind === 'docker'), node.label);
    assert.deepEqual(childRows(createWorld('bare')!.world, undefined).map((r) => r.label), ['host']);
  });
});
