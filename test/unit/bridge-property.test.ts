/**
 * `bridge` and `brctl` on random argument vectors, on a host with a bridge, ports and a
 * namespace: nothing throws or leaks internals, a failure exits non-zero with a message and
 * changes nothing, and the kernel's invariants hold after every command.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';
import { assertUnchanged, checkKernel } from './property-invariants';

const BRIDGE_WORDS = ['link', 'l', 'fdb', 'f', 'show', 'list', 'set', 'add', 'del', 'append', 'replace', 'dev', 'br0', 'v1', 'v1-br', 'eth0', 'lo', 'nope',
  'master', 'self', 'permanent', 'static', 'dynamic', 'vlan', '10', 'aa:bb:cc:dd:ee:ff', '02:42:ac:11:00:02', 'zz:zz', 'brport', 'state', 'help', '-d', '-s', '-j', '-n', 'red', '', '-', '--',
  'cost', 'priority', 'hairpin', 'learning', 'flood', 'on', 'off', '70000', '3', 'dst', '10.0.0.9', 'to', '-netns', '-V'];
const BRCTL_WORDS = ['show', 'addbr', 'delbr', 'addif', 'delif', 'showmacs', 'showstp', 'setageing', 'stp', 'on', 'off', 'br0', 'br1', 'v1', 'v1-br', 'eth0', 'lo', 'nope', '0', '300', '-1', 'x', ''];

function quote(w: string): string {
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

function bridgedShell() {
  const sh = bareShell();
  for (const line of ['ip netns add red', 'ip link add br0 type bridge', 'ip link add v1 type veth peer name v1-br', 'ip link set v1-br master br0', 'ip link set br0 up', 'ip link set v1-br up', 'ip link set v1 netns red']) {
    assert.equal(sh.run(line).exitCode, 0, line);
  }
  return sh;
}

describe('bridge and brctl: property-based robustness', function () {
  this.timeout(120000);
  it('random argument vectors never throw or leak, failures change nothing, invariants hold', () => {
    const sh = bridgedShell();
    const argv = fc.oneof(
      fc.array(fc.constantFrom(...BRIDGE_WORDS), { maxLength: 8 }).map((ws) => ['bridge', ...ws]),
      fc.array(fc.constantFrom(...BRCTL_WORDS), { maxLength: 5 }).map((ws) => ['brctl', ...ws]),
    );
    fc.assert(
      fc.property(argv, fc.string({ maxLength: 5 }), (words, junk) => {
        const line = [...words, ...(junk ? [junk] : [])].map(quote).join(' ');
        const before = JSON.stringify(sh.world.state);
        const r = sh.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (r.exitCode !== 0) {
          assertUnchanged(before, sh.world, `${line}: ${r.stderr}`);
          assert.ok(r.stderr.length > 0 || r.stdout.length > 0, `${line}: a failure says why`);
        }
        checkKernel(sh.world, line);
      }),
      { numRuns: 3000, seed: 21 },
    );
  });
});
