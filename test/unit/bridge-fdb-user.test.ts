/**
 * What `bridge fdb add` and `bridge link set` change in the kernel model: user entries steer
 * unicast frames and do not age, learning off keeps a port's sources out of the FDB, and
 * `bridge -n NS` reads the namespace it names. (Output formats are in the bridge-cli golden.)
 */
import { strict as assert } from 'node:assert';
import { lastTrace } from '../../src/engine/view';
import type { Shell } from '../../src/shell/shell';
import { bareShell } from './helpers';

/** Two namespaces on br0: red 10.0.0.1 (MAC …:01) behind v-red, blue 10.0.0.2 (MAC …:02) behind v-blue. */
function lan(): Shell {
  const sh = bareShell();
  const lines = [
    'ip link add br0 type bridge',
    'ip link set br0 up',
    ...['red', 'blue'].flatMap((ns, i) => [
      `ip netns add ${ns}`,
      `ip link add v-${ns} type veth peer name eth0 netns ${ns}`,
      `ip -n ${ns} link set eth0 address 02:00:00:00:00:0${i + 1}`,
      `ip -n ${ns} addr add 10.0.0.${i + 1}/24 dev eth0`,
      `ip -n ${ns} link set eth0 up`,
      `ip link set v-${ns} master br0`,
      `ip link set v-${ns} up`,
    ]),
  ];
  for (const line of lines) assert.equal(sh.run(line).exitCode, 0, line);
  return sh;
}

function ok(sh: Shell, line: string): string {
  const r = sh.run(line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}

describe('bridge fdb add / bridge link set: effect on forwarding', () => {
  it('a static entry steers the frame to its port and outlives the ageing time', () => {
    const sh = lan();
    // blue's MAC was learned when its eth0 came up (MLD): add fails like the kernel's NLM_F_EXCL, replace pins it.
    assert.equal(sh.run('bridge fdb add 02:00:00:00:00:02 dev v-blue master static').stderr, 'RTNETLINK answers: File exists\n');
    ok(sh, 'bridge fdb replace 02:00:00:00:00:02 dev v-blue master static');
    ok(sh, 'sleep 400');
    assert.match(ok(sh, 'bridge fdb show dev v-blue'), /^02:00:00:00:00:02 master br0 static\n/);
    ok(sh, 'ip netns exec red ping -c 1 10.0.0.2');
    assert.ok(lastTrace(sh.world)!.trace.hops.some((h) => h.detail === 'br0 forwards to v-blue (FDB)'), 'the request follows the static entry');
  });

  it('a static entry on the wrong port sends the frames there: the ping fails', () => {
    const sh = lan();
    ok(sh, 'bridge fdb replace 02:00:00:00:00:02 dev v-red master static');
    ok(sh, 'ip -n red neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev eth0');
    assert.equal(sh.run('ip netns exec red ping -c 1 -W 1 10.0.0.2').exitCode, 1);
    ok(sh, 'bridge fdb del 02:00:00:00:00:02 dev v-red master');
    assert.equal(sh.run('ip netns exec red ping -c 1 -W 1 10.0.0.2').exitCode, 0);
  });

  it('learning off: the port sends frames but its sources are not learned', () => {
    const sh = lan();
    ok(sh, 'bridge link set dev v-red learning off');
    ok(sh, 'sleep 400'); // what was learned before ages out (ageing time 300 s)
    ok(sh, 'ip netns exec red ping -c 1 10.0.0.2');
    const fdb = ok(sh, 'bridge fdb show br br0');
    assert.doesNotMatch(fdb, /02:00:00:00:00:01 dev v-red master br0 \n/);
    assert.match(fdb, /02:00:00:00:00:02 dev v-blue master br0 \n/);
    assert.match(ok(sh, 'bridge -d link show dev v-red'), / learning off flood on /);
  });

  it('a dynamic entry needs a port that learns (EPERM on a disabled port)', () => {
    const sh = lan();
    ok(sh, 'ip link set v-blue down');
    const r = sh.run('bridge fdb add 02:00:00:00:00:09 dev v-blue master dynamic');
    assert.deepEqual([r.stderr, r.exitCode], ['RTNETLINK answers: Operation not permitted\n', 255]);
    ok(sh, 'bridge fdb add 02:00:00:00:00:09 dev v-blue master static');
  });

  it('-n NETNS reads that namespace, like ip netns exec', () => {
    const sh = lan();
    ok(sh, 'ip -n red link add br9 type bridge');
    ok(sh, 'ip -n red link add d0 type dummy');
    ok(sh, 'ip -n red link set d0 master br9');
    assert.equal(ok(sh, 'bridge -n red link'), ok(sh, 'ip netns exec red bridge link'));
    assert.match(ok(sh, 'bridge -n red link'), /d0: .* master br9 state disabled priority 32 cost 2 \n$/);
    assert.equal(ok(sh, 'bridge -n red vlan show'), ok(sh, 'ip netns exec red bridge vlan show'));
    assert.doesNotMatch(ok(sh, 'bridge link'), /br9/);
  });
});
