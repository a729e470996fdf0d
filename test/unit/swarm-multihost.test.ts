import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function multiHost(): Shell {
  const { world, host } = createWorld('multi-host')!;
  return new Shell(world, host);
}

describe('multi-host world and ssh', () => {
  it('starts on node1 with three nodes on one LAN, each with its own Docker daemon', () => {
    const sh = multiHost();
    assert.equal(sh.prompt, 'root@node1:~# ');
    assert.match(sh.run('ip -4 -o addr show dev eth0').stdout, /inet 192\.168\.1\.11\/24/);
    assert.equal(sh.run('ping -c 1 192.168.1.13').exitCode, 0);
    assert.match(sh.run('ip link show docker0').stdout, /docker0/);
  });

  it('ssh HOST opens a shell on that host until exit, with its prompt and its own kernel', () => {
    const sh = multiHost();
    const login = sh.run('ssh node2');
    assert.equal(login.exitCode, 0);
    assert.equal(sh.prompt, 'root@node2:~# ');
    assert.equal(sh.run('hostname').stdout, 'node2\n');
    assert.match(sh.run('ip -4 -o addr show dev eth0').stdout, /192\.168\.1\.12\/24/);
    const out = sh.run('exit');
    assert.equal(out.stdout, 'logout\n');
    assert.equal(out.stderr, 'Connection to node2 closed.\n');
    assert.equal(sh.prompt, 'root@node1:~# ');
    assert.equal(sh.run('hostname').stdout, 'node1\n');
  });

  it('ssh HOST CMD runs one command there; by address and user@host too', () => {
    const sh = multiHost();
    assert.equal(sh.run('ssh node3 hostname').stdout, 'node3\n');
    assert.equal(sh.run('ssh root@192.168.1.12 hostname').stdout, 'node2\n');
    assert.equal(sh.prompt, 'root@node1:~# ');
    assert.equal(sh.run('ssh node2 false').exitCode, 1);
  });

  it('an unknown host is ssh\'s resolver error with status 255, and nothing changes', () => {
    const sh = multiHost();
    const r = sh.run('ssh node9');
    assert.equal(r.stderr, 'ssh: Could not resolve hostname node9: Name or service not known\n');
    assert.equal(r.exitCode, 255);
    assert.equal(sh.prompt, 'root@node1:~# ');
    assert.equal(sh.run('ssh').exitCode, 255);
  });

  it('exit on the first host still ends the shell as before', () => {
    const sh = multiHost();
    sh.run('ssh node2');
    sh.run('ssh node3');
    assert.equal(sh.prompt, 'root@node3:~# ');
    sh.run('exit');
    assert.equal(sh.prompt, 'root@node2:~# ');
    sh.run('exit 3');
    assert.equal(sh.lastStatus, 3);
    assert.equal(sh.prompt, 'root@node1:~# ');
  });
});

describe('multi-host world in the topology view', () => {
  it('every node is a host box; swarm members say their role and tasks', async () => {
    const { buildViewModel } = await import('../../src/engine/view/build');
    const sh = multiHost();
    sh.run('docker swarm init');
    sh.run('ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
    sh.run('docker service create -d --name web --replicas 2 nginx');
    const hosts = buildViewModel(sh.world).nodes.filter((n) => n.kind === 'host');
    assert.deepEqual(hosts.map((h) => h.label), ['node1', 'node2', 'node3']);
    const swarm = (label: string) => hosts.find((h) => h.label === label)!.details.find(([k]) => k === 'swarm')?.[1];
    assert.equal(swarm('node1'), 'manager (Leader), Ready, active, 1 task');
    assert.equal(swarm('node2'), 'worker, Ready, active, 1 task');
    assert.equal(swarm('node3'), undefined);
  });
});

describe('ssh in the terminal and the REPL', () => {
  it('the terminal shows the remote prompt, and exit there goes back instead of closing', async () => {
    const { TerminalSession } = await import('../../src/host/terminal/terminal-session');
    const { LineHistory } = await import('../../src/host/terminal/line-editor');
    const shell = multiHost();
    const out = { text: '', closed: undefined as number | undefined };
    const s = new TerminalSession(shell, { write: (t) => (out.text += t), close: (code) => (out.closed = code) }, new LineHistory(), '');
    s.open();
    s.input('ssh node2\r');
    assert.ok(out.text.endsWith('root@node2:~# '), JSON.stringify(out.text));
    out.text = '';
    s.input('exit\r');
    assert.equal(out.closed, undefined);
    assert.ok(out.text.endsWith('root@node1:~# '), JSON.stringify(out.text));
    s.input('exit\r');
    assert.equal(out.closed, 0);
  });
});
