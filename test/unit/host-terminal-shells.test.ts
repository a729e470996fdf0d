/** The terminal's nested shells (ip netns exec … bash, docker exec -it … bash|sh), exit and Ctrl-D, and Tab completion. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LineHistory } from '../../src/host/terminal/line-editor';
import { TerminalSession } from '../../src/host/terminal/terminal-session';

function session(worldName = 'bare') {
  const { world, host } = createWorld(worldName)!;
  const shell = new Shell(world, host);
  const out = { text: '', closed: undefined as number | undefined };
  const s = new TerminalSession(shell, { write: (t) => (out.text += t), close: (code) => (out.closed = code) }, new LineHistory(), '');
  s.open();
  /** Types a line and returns what the terminal printed after its echo. */
  const type = (line: string) => {
    out.text = '';
    s.input(line + '\r');
    return out.text.slice(line.length + 2);
  };
  return { s, out, shell, type };
}

describe('terminal: nested shells', () => {
  it('ip netns exec red bash: same prompt as bash (a namespace has no hostname of its own), commands run in red, exit returns', () => {
    const { type, shell } = session();
    shell.run('ip netns add red');
    assert.equal(type('ip netns exec red bash'), 'root@host:~# ');
    assert.equal(type('ip -br link'), 'lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \r\nroot@host:~# ');
    assert.equal(type('ip link set lo up && echo ok'), 'ok\r\nroot@host:~# ');
    assert.equal(type("echo 'it''s'"), 'its\r\nroot@host:~# ');
    assert.equal(type('exit'), 'root@host:~# ');
    assert.match(type('ip -br link'), /^lo +UNKNOWN .*\r\neth0 +UP /);
  });

  it('ip netns exec to a missing namespace prints ip\'s error and stays in the host shell', () => {
    const { type, shell } = session();
    assert.equal(type('ip netns exec nope bash'), '\x1b[31mCannot open network namespace "nope": No such file or directory\x1b[0m\r\nroot@host:~# ');
    assert.notEqual(shell.lastStatus, 0);
  });

  it('docker exec -it web bash: root@<12-char id>:/# in a Debian-based image, cd is kept, exit returns with the status', () => {
    const { type, shell } = session('docker');
    shell.run('docker run -d --name web nginx');
    const id = shell.run('docker inspect -f {{.Id}} web').stdout.trim().slice(0, 12);
    assert.equal(type('docker exec -it web bash'), `root@${id}:/# `);
    assert.equal(type('hostname'), `${id}\r\nroot@${id}:/# `);
    assert.equal(type('cd /etc'), `root@${id}:/etc# `);
    assert.equal(type('pwd'), `/etc\r\nroot@${id}:/etc# `);
    assert.match(type('cd /nope'), new RegExp(`No such file or directory.*\r\nroot@${id}:/etc# $`));
    assert.equal(type('cd'), `root@${id}:~# `);
    assert.equal(type('exit 3'), 'root@host:~# ');
    assert.equal(shell.lastStatus, 3);
  });

  it('docker exec -it box sh in busybox: `/ # `; bash there fails with the OCI error of Docker and stays on the host', () => {
    const { type, shell } = session('docker');
    shell.run('docker run -d --name box busybox sleep 1000');
    assert.equal(type('docker exec -it box sh'), '/ # ');
    assert.equal(type('cd /tmp'), '/tmp # ');
    assert.equal(type('exit'), 'root@host:~# ');
    assert.match(type('docker exec -it box bash'), /^\x1b\[31mOCI runtime exec failed: .*"bash": executable file not found in \$PATH: unknown\x1b\[0m\r\nroot@host:~# $/);
    assert.notEqual(shell.lastStatus, 0);
  });

  it('docker exec -it web sh in a Debian image is dash: `# `', () => {
    const { type, shell } = session('docker');
    shell.run('docker run -d --name web nginx');
    assert.equal(type('docker exec -it web sh'), '# ');
  });

  it('without -t docker exec runs bash once, as before (no nested prompt)', () => {
    const { type, shell } = session('docker');
    shell.run('docker run -d --name web nginx');
    assert.equal(type('docker exec -i web bash'), 'root@host:~# ');
    assert.equal(type('pwd'), '/root\r\nroot@host:~# ');
  });

  it('Ctrl-D leaves the nested shell printing exit (bash does), a second Ctrl-D closes the terminal', () => {
    const { s, out, shell, type } = session();
    shell.run('ip netns add red');
    type('ip netns exec red bash');
    out.text = '';
    s.input('\x04');
    assert.equal(out.text, 'exit\r\nroot@host:~# ');
    assert.equal(out.closed, undefined);
    s.input('\x04');
    assert.equal(out.closed, 0);
  });
});

describe('terminal: Tab completion', () => {
  it('completes a unique command with a space, and object names for the namespace given with -n', () => {
    const { s, out, shell } = session();
    shell.run('ip netns add red');
    shell.run('ip link add veth-red type veth peer name veth-host');
    shell.run('ip link set veth-red netns red');
    out.text = '';
    s.input('pin\t');
    assert.equal(out.text, 'pin' + 'g ');
    s.input('\x15');
    out.text = '';
    s.input('ip -n red link set veth\t');
    assert.ok(out.text.endsWith('-red '), JSON.stringify(out.text));
  });

  it('several candidates: extends to their common prefix, then lists them and redraws the line', () => {
    const { s, out, shell } = session();
    shell.run('ip link add veth-a type veth peer name veth-b');
    out.text = '';
    s.input('ip link set ve\t');
    assert.equal(out.text, 'ip link set ve' + 'th-');
    out.text = '';
    s.input('\t');
    assert.equal(out.text, '\r\nveth-a  veth-b\r\nroot@host:~# ip link set veth-');
  });

  it('completes container names after docker exec', () => {
    const { s, out, shell } = session('docker');
    shell.run('docker run -d --name web nginx');
    out.text = '';
    s.input('docker exec w\t');
    assert.equal(out.text, 'docker exec w' + 'eb ');
  });
});
