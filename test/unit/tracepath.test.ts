/** tracepath beyond the recorded cases (test/golden/tracepath.txt): silent hops and the clock. */
import { strict as assert } from 'node:assert';
import { bareShell, LEAKS, runAll } from './helpers';

describe('tracepath', () => {
  it('walks the router to the internet: hop 1 twice after [LOCALHOST], reached at hop 2', () => {
    const r = bareShell().run('tracepath -n 8.8.8.8');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], ' 1?: [LOCALHOST]                      pmtu 1500');
    assert.match(lines[1]!, /^ 1:  192\.168\.1\.1 {41} {2}0\.\d{3}ms $/);
    assert.match(lines[3]!, /^ 2:  8\.8\.8\.8 {45} {2}0\.\d{3}ms reached$/);
    assert.equal(lines[4], '     Resume: pmtu 1500 hops 2 back 2 ');
  });

  it('a destination that drops the probes: "no reply" after a 1 s wait per probe, then Too many hops', () => {
    const shell = bareShell();
    runAll(shell, ['ip netns add red', 'ip link add v0 type veth peer name v1 netns red', 'ip addr add 10.1.0.1/24 dev v0', 'ip link set v0 up', 'ip -n red addr add 10.1.0.2/24 dev v1', 'ip -n red link set v1 up', 'ip netns exec red iptables -A INPUT -p udp -j DROP']);
    const before = shell.world.clock.now();
    const t = shell.run('tracepath -n -m 2 10.1.0.2');
    assert.equal(shell.world.clock.now() - before, 3000, 'three unanswered probes, 1 s each');
    assert.equal(t.stdout, ' 1?: [LOCALHOST]                      pmtu 1500\n 1:  no reply\n 1:  no reply\n 2:  no reply\n     Too many hops: pmtu 1500\n     Resume: pmtu 1500 \n');
    assert.doesNotMatch(t.stdout + t.stderr, LEAKS);
  });
});
