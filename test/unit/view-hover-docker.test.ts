/** Hovers and completions for Docker objects and namespaced links (src/host/hover, pure). */
import assert from 'node:assert/strict';
import { createWorld } from '../../src/engine/presets';
import { buildViewModel } from '../../src/engine/view';
import { Shell } from '../../src/shell/shell';
import { hoverText } from '../../src/host/hover/hover-text';
import { completionsAt } from '../../src/host/hover/completion-items';
import { bareShell } from './helpers';

function dockerShell(): Shell {
  const { world, host } = createWorld('docker')!;
  const shell = new Shell(world, host);
  ['docker network create backend', 'docker run -d --name web -p 8080:80 nginx', 'docker create --name later busybox', 'docker volume create data'].forEach((l) => shell.run(l));
  return shell;
}

const objects = (prefix: string, shell: Shell) =>
  completionsAt(prefix, shell.world)
    .filter((c) => c.kind === 'object')
    .map((c) => c.label);

describe('hovers: Docker objects as they are now', () => {
  const shell = dockerShell();

  it('a container: image, state, address, network, ports, and a Show in topology link to its drawn node', () => {
    const line = 'docker exec web ip addr';
    const md = hoverText(line, 2, shell.world)!.markdown;
    assert.match(md, /- web: container of nginx, running, 172\.17\.0\.2 on bridge, ports 0\.0\.0\.0:8080->80\/tcp \[Show in topology\]\(command:vethlab\.showInTopology\?([^)]+)\)/);
    const id = JSON.parse(decodeURIComponent(/showInTopology\?([^)]+)\)/.exec(md)![1]!))[0];
    assert.ok(buildViewModel(shell.world).nodes.some((n) => n.id === id), id);
  });

  it('a created container, a network with its subnet and members, a volume, an image', () => {
    const md = hoverText('docker network connect backend later', 2, shell.world)!.markdown;
    assert.match(md, /- backend: Docker network \(bridge\), subnet 172\.18\.0\.0\/16, gateway 172\.18\.0\.1, bridge br-[0-9a-f]{12}; no containers \[Show in topology\]/);
    assert.match(md, /- later: container of busybox, created, no address/);
    assert.match(hoverText('docker volume inspect data', 2, shell.world)!.markdown, /- data: volume \(local\), not mounted/);
    assert.match(hoverText('docker run -d nginx', 2, shell.world)!.markdown, /- nginx:latest: image [0-9a-f]{12}, [\d.]+MB/);
  });
});

describe('completions: object names where the command takes them', () => {
  it('docker: containers after exec/stop/logs, networks after --network and network connect, images after run, volumes after volume rm', () => {
    const shell = dockerShell();
    assert.deepEqual(objects('docker exec ', shell), ['web', 'later']);
    assert.deepEqual(objects('docker logs -f ', shell), ['web', 'later']);
    assert.deepEqual(objects('docker exec web ', shell), []);
    assert.deepEqual(objects('docker run -d --network ', shell), ['bridge', 'host', 'none', 'backend']);
    assert.deepEqual(objects('docker network connect ', shell), ['bridge', 'host', 'none', 'backend']);
    assert.deepEqual(objects('docker network connect backend ', shell), ['web', 'later']);
    assert.deepEqual(objects('docker run -d ', shell), ['nginx:latest', 'busybox:latest']);
    assert.deepEqual(objects('docker volume rm ', shell), ['data']);
    assert.deepEqual(objects('sudo docker stop ', shell), ['web', 'later']);
  });

  it('ip: links of the namespace named with -n or ip netns exec, namespaces after -n', () => {
    const shell = bareShell();
    ['ip netns add red', 'ip netns add blue', 'ip link add veth-red type veth peer name veth-host', 'ip link set veth-red netns red'].forEach((l) => shell.run(l));
    assert.deepEqual(objects('ip -n ', shell), ['red', 'blue']);
    assert.ok(objects('ip -n red link set ', shell).includes('veth-red'));
    assert.ok(!objects('ip -n red link set ', shell).includes('veth-host'));
    assert.ok(objects('ip netns exec red ip link set ', shell).includes('veth-red'));
    assert.ok(objects('ip link set ', shell).includes('veth-host'));
    assert.ok(!objects('ip link set ', shell).includes('veth-red'));
    const subs = completionsAt('ip -n red ', shell.world).filter((c) => c.kind === 'subcommand').map((c) => c.label);
    assert.ok(subs.includes('link') && subs.includes('addr'), subs.join(' '));
  });
});
