/** The terminal's continuation lines (`> `) and long commands that run live until they end or Ctrl-C. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LineHistory } from '../../src/host/terminal/line-editor';
import { TerminalSession } from '../../src/host/terminal/terminal-session';
import type { Timers } from '../../src/host/terminal/interruptible';

/** Timers fired by hand, in order. */
class ManualTimers implements Timers {
  private queue: { fn: () => void; handle: number }[] = [];
  private next = 1;
  set(fn: () => void): unknown {
    const handle = this.next++;
    this.queue.push({ fn, handle });
    return handle;
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle);
  }
  get pending(): number {
    return this.queue.length;
  }
  fire(times = 1): void {
    for (let i = 0; i < times; i++) this.queue.shift()?.fn();
  }
}

function session(worldName = 'bare') {
  const { world, host } = createWorld(worldName)!;
  const shell = new Shell(world, host);
  const timers = new ManualTimers();
  const out = { text: '' };
  const s = new TerminalSession(shell, { write: (t) => (out.text += t), close: () => undefined }, new LineHistory(), '', timers);
  s.open();
  const type = (line: string) => {
    out.text = '';
    s.input(line + '\r');
    return out.text.slice(line.length + 2);
  };
  return { s, out, shell, type, timers };
}

describe('terminal: continuation lines and live commands', () => {
  it('a here-document, a for loop and an open quote prompt `> ` until complete, then run as one command', () => {
    const { type } = session();
    assert.equal(type('cat > /tmp/f <<EOF'), '> ');
    assert.equal(type('hello $HOME'), '> ');
    assert.equal(type('EOF'), 'root@host:~# ');
    assert.equal(type('cat /tmp/f'), 'hello /root\r\nroot@host:~# ');
    assert.equal(type('for i in 1 2'), '> ');
    assert.equal(type('do echo n$i'), '> ');
    assert.equal(type('done'), 'n1\r\nn2\r\nroot@host:~# ');
    assert.equal(type('echo "a'), '> ');
    assert.equal(type('b"'), 'a\r\nb\r\nroot@host:~# ');
  });

  it('Ctrl-C abandons the lines collected so far', () => {
    const { type, s, out } = session();
    assert.equal(type('if true; then'), '> ');
    out.text = '';
    s.input('\x03');
    assert.equal(out.text, '^C\r\nroot@host:~# ');
    assert.equal(type('echo fresh'), 'fresh\r\nroot@host:~# ');
  });

  it('tcpdump without -c runs until Ctrl-C, shows the packets of a ping sent meanwhile by a background job, then its counts', () => {
    const { type, s, out, timers } = session();
    const first = type('(sleep 3; ping -c 1 192.168.1.1 > /dev/null) & tcpdump -i eth0 -n icmp');
    assert.match(first, /listening on eth0/);
    assert.doesNotMatch(first, /root@host/);
    assert.equal(timers.pending, 1);
    out.text = '';
    timers.fire(8); // 2 s more of simulated time: the ping goes out at 3 s
    assert.match(out.text, /ICMP echo request/);
    assert.match(out.text, /ICMP echo reply/);
    out.text = '';
    s.input('\x03');
    // As on a terminal: ^C, tcpdump's line end on stdout, its counts on stderr (red here).
    assert.equal(out.text, '^C\r\n\x1b[31m2 packets captured\x1b[0m\r\n\x1b[31m2 packets received by filter\x1b[0m\r\n\x1b[31m0 packets dropped by kernel\x1b[0m\r\nroot@host:~# ');
    assert.match(out.text, /root@host:~# $/);
    assert.equal(timers.pending, 0);
  });

  it('a sleep longer than the instant window goes on in real time and gives the prompt back when it ends', () => {
    const { type, out, timers } = session();
    assert.equal(type('sleep 3; echo woke'), '');
    out.text = '';
    timers.fire(3);
    assert.equal(out.text, '');
    timers.fire(1);
    assert.equal(out.text, 'woke\r\nroot@host:~# ');
    assert.equal(timers.pending, 0);
  });
});
