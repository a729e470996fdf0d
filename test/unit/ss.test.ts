/** nc listeners between namespaces on simulated time, and ss listing them. */
import assert from 'node:assert/strict';
import { bareShell, RED_ON_HOST } from './helpers';

const RED = RED_ON_HOST;

describe('nc and ss', () => {
  it('nc -l & then ss -tlnp shows the listener; it goes away when killed', () => {
    const shell = bareShell();
    shell.run('nc -l -p 8080 &');
    assert.match(shell.run('ss -tlnp').stdout, /^LISTEN 0 {6}1 {12}0\.0\.0\.0:8080 {6}0\.0\.0\.0:\* {4}users:\(\("nc",pid=\d+,fd=3\)\)$/m);
    assert.equal(shell.run('nc -l -p 8080').stderr, 'nc: Address already in use\n');
    shell.run('kill %1; wait');
    assert.equal(shell.run('ss -tln').stdout, 'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
  });

  it('a client connects across namespaces; the listener prints what it sent and exits', () => {
    const shell = bareShell();
    for (const l of RED) shell.run(l);
    shell.run('ip netns exec red nc -l 7000 > /tmp/got &');
    const r = shell.run('echo hello | nc -v -N 10.0.0.2 7000');
    assert.equal(r.stderr, 'Connection to 10.0.0.2 7000 port [tcp/*] succeeded!\n');
    shell.run('wait');
    assert.equal(shell.run('cat /tmp/got').stdout, 'hello\n');
    assert.equal(shell.run('ip netns exec red ss -tln').stdout.split('\n').length, 2);
  });

  it('refused, and timed out on the simulated clock', () => {
    const shell = bareShell();
    for (const l of RED) shell.run(l);
    assert.deepEqual(shell.run('nc -zv -w 1 10.0.0.2 9001'), { stdout: '', stderr: 'nc: connect to 10.0.0.2 port 9001 (tcp) failed: Connection refused\n', exitCode: 1, chunks: shell.run('nc -zv -w 1 10.0.0.2 9001').chunks });
    const before = shell.world.clock.now();
    const r = shell.run('nc -zv -w 2 10.0.0.3 80');
    assert.equal(r.stderr, 'nc: connect to 10.0.0.3 port 80 (tcp) timed out: Operation now in progress\n');
    assert.equal(shell.world.clock.now() - before, 2000);
  });
});
