/**
 * Ctrl-C in a cell or the terminal: a program that catches SIGINT (ping and tcpdump print their
 * summary and exit normally) leaves its own status in $?, as bash reports it; one that does not
 * (sleep) ends with 128+2.
 */
import { strict as assert } from 'node:assert';
import { bareShell } from './helpers';

function interrupted(line: string, afterMs = 3500) {
  const sh = bareShell();
  const running = sh.start(line, { interactive: true });
  running.advance(sh.world.clock.now() + afterMs);
  running.interrupt();
  running.advance(Infinity);
  const result = running.finish();
  return { result, status: sh.run('echo $?').stdout };
}

describe('Ctrl-C: the status bash reports', () => {
  it('ping with replies: its summary and 0', () => {
    const { result, status } = interrupted('ping 192.168.1.1');
    assert.equal(result.exitCode, 0);
    assert.match(result.chunks.map((c) => c.text).join(''), /4 packets transmitted, 4 received, 0% packet loss/);
    assert.equal(status, '0\n');
  });

  it('ping without replies: 1', () => {
    assert.equal(interrupted('ping 192.168.1.99').result.exitCode, 1);
  });

  it('tcpdump: its counts and 0', () => {
    const { result } = interrupted('tcpdump -i eth0 -n');
    assert.equal(result.exitCode, 0);
    assert.match(result.chunks.map((c) => c.text).join(''), /0 packets captured\n/);
  });

  it('sleep dies of the signal: 130, and the rest of the line does not run', () => {
    const { result, status } = interrupted('sleep 100; echo after');
    assert.equal(result.exitCode, 130);
    assert.equal(status, '130\n');
    assert.doesNotMatch(result.chunks.map((c) => c.text).join(''), /after/);
  });
});
