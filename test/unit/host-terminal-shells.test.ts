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

describe('terminal: Ctrl-C interrupts a running ping', () => {
  /** Timers the test fires by hand (the terminal paces ping on real time). */
  function manualTimers() {
    const queue: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    return {
      queue,
      timers: { set: (fn: () => void, ms: number) => (queue.push({ fn, ms, cleared: false }), queue[queue.length - 1]), clear: (h: unknown) => void ((h as { cleared: boolean }).cleared = true) },
      fire: () => {
        const next = queue.find((t) => !t.cleared);
        assert.ok(next, 'a timer is pending');
        next.cleared = true;
        next.fn();
      },
    };
  }

  function pingSession() {
    const { world, host } = createWorld('bare')!;
    const shell = new Shell(world, host);
    const out = { text: '', closed: undefined as number | undefined };
    const t = manualTimers();
    const s = new TerminalSession(shell, { write: (x) => (out.text += x), close: (c) => (out.closed = c) }, new LineHistory(), '', t.timers);
    s.open();
    out.text = '';
    return { s, out, shell, t };
  }

  it('prints one reply per interval until Ctrl-C, then ^C and the statistics, exactly what the same ping interrupted after that many requests prints', () => {
    const { s, out, t, shell } = pingSession();
    s.input('ping 192.168.1.3\r');
    assert.match(out.text, /^ping 192\.168\.1\.3\r\nPING 192\.168\.1\.3 \(192\.168\.1\.3\) 56\(84\) bytes of data\.\r\n64 bytes from 192\.168\.1\.3: icmp_seq=1 ttl=64 time=[\d.]+ ms\r\n$/);
    assert.equal(t.queue[0]!.ms, 1000);
    t.fire();
    t.fire();
    assert.equal((out.text.match(/icmp_seq=/g) ?? []).length, 3);
    s.input('ip link\r');
    assert.equal((out.text.match(/icmp_seq=/g) ?? []).length, 3, 'typing while ping runs does nothing');
    s.input('\x03');
    assert.match(out.text, /icmp_seq=3 ttl=64 time=[\d.]+ ms\r\n\^C\r\n--- 192\.168\.1\.3 ping statistics ---\r\n3 packets transmitted, 3 received, 0% packet loss, time 2\d\d\dms\r\nrtt min\/avg\/max\/mdev = [\d./]+ ms\r\nroot@host:~# $/);
    assert.equal(shell.lastStatus, 0);
    // The same line from a fresh world, stopped after 3 requests, prints the same.
    const { world, host } = createWorld('bare')!;
    const again = new Shell(world, host);
    const expected = again.run('timeout -s INT 2.5 ping 192.168.1.3');
    assert.equal(out.text.replace(/\^C/, '').replace(/\r\n/g, '\n').split('\n').slice(1, 5).join('\n'), expected.stdout.split('\n').slice(0, 4).join('\n'));
    assert.ok(t.queue.every((x) => x.cleared), 'no timer left');
  });

  it('a ping with no reply: nothing per request, then 100% loss and exit 1 on Ctrl-C', () => {
    const { s, out, t, shell } = pingSession();
    s.input('ping -i 0.2 192.168.1.99\r');
    assert.equal(t.queue[0]!.ms, 200);
    t.fire();
    s.input('\x03');
    assert.match(out.text, /\^C\r\n--- 192\.168\.1\.99 ping statistics ---\r\n2 packets transmitted, 0 received, 100% packet loss, time \d+ms\r\n\r\nroot@host:~# $/);
    assert.equal(shell.lastStatus, 1);
  });

  it('in an `ip netns exec red bash` shell too: the ping runs in red until Ctrl-C', () => {
    const { s, out, t, shell } = pingSession();
    ['ip netns add red', 'ip link add veth-host type veth peer name veth-red', 'ip link set veth-red netns red', 'ip addr add 10.0.0.1/24 dev veth-host', 'ip link set veth-host up', 'ip -n red addr add 10.0.0.2/24 dev veth-red', 'ip -n red link set veth-red up'].forEach((l) => shell.run(l));
    s.input('ip netns exec red bash\r');
    out.text = '';
    s.input('ping 10.0.0.1\r');
    t.fire();
    s.input('\x03');
    assert.match(out.text, /icmp_seq=2 ttl=64 .*\r\n\^C\r\n--- 10\.0\.0\.1 ping statistics ---\r\n2 packets transmitted, 2 received, 0% packet loss/s);
    assert.ok(out.text.endsWith('root@host:~# '));
  });

  it('closing the terminal while ping runs stops it (no timer left, nothing written)', () => {
    const { s, out, t } = pingSession();
    s.input('ping 192.168.1.3\r');
    s.close();
    out.text = '';
    assert.ok(t.queue.every((x) => x.cleared));
    s.input('\x03');
    assert.equal(out.text, '');
  });

  it('a ping that fails at once ends as usual; -c pings are not held', () => {
    const { s, out, t, shell } = pingSession();
    shell.run('ip netns add red');
    s.input('ip netns exec red ping 8.8.8.8\r');
    assert.equal(out.text, 'ip netns exec red ping 8.8.8.8\r\n\x1b[31mping: connect: Network is unreachable\x1b[0m\r\nroot@host:~# ');
    out.text = '';
    s.input('ping -c 1 192.168.1.3\r');
    assert.match(out.text, /1 packets transmitted, 1 received.*\r\nroot@host:~# $/s);
    assert.equal(t.queue.length, 0);
  });
});
