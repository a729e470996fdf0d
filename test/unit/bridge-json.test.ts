/**
 * bridge -j / -p beyond the recordings (test/golden/bridge-json.txt covers link and fdb): VLANs,
 * which the recording kernel lacks, in print_vlan_info's JSON (iproute2 bridge/vlan.c), the
 * writer's pretty nesting and escaping (lib/json_writer.c), and IFLA_LINK named in this namespace.
 */
import assert from 'node:assert/strict';
import { jsonText } from '../../src/shell/bridge/json';
import { bareShell } from './helpers';

function run(lines: string[]): string {
  const shell = bareShell();
  let last = '';
  for (const l of lines) {
    const r = shell.run(l);
    last = r.stdout + r.stderr;
  }
  return last;
}

const PORT_WITH_VLANS = ['ip link add br0 type bridge', 'ip link add v0 type veth peer name v1', 'ip link set v0 master br0', 'bridge vlan add vid 10 dev v0', 'bridge vlan add vid 20 dev v0 pvid untagged'];

describe('bridge -j vlan show (iproute2 vlan.c)', () => {
  it('one object per port with VLANs: ifname, then vlans with their flags (none for a plain member)', () => {
    assert.equal(
      run([...PORT_WITH_VLANS, 'bridge -j vlan show']),
      '[{"ifname":"br0","vlans":[{"vlan":1,"flags":["PVID","Egress Untagged"]}]},{"ifname":"v0","vlans":[{"vlan":1,"flags":["Egress Untagged"]},{"vlan":10},{"vlan":20,"flags":["PVID","Egress Untagged"]}]}]\n',
    );
  });

  it('-p nests four spaces a level; dev and vid filter (a port keeps its object when no VLAN matches)', () => {
    assert.equal(run([...PORT_WITH_VLANS, 'bridge -j -p vlan show dev v0 vid 10']), '[ {\n        "ifname": "v0",\n        "vlans": [ {\n                "vlan": 10\n            } ]\n    } ]\n');
    assert.equal(run([...PORT_WITH_VLANS, 'bridge -j vlan show vid 30']), '[{"ifname":"br0","vlans":[]},{"ifname":"v0","vlans":[]}]\n');
    assert.equal(run(['bridge -json vlan show']), '[]\n');
    assert.equal(run(['bridge -j -p vlan']), '[ ]\n');
  });
});

describe('bridge JSON writer (json_writer.c)', () => {
  it('escapes as jsonw_puts does and prints numbers, booleans and null bare', () => {
    assert.equal(jsonText([{ s: 'a"b\\c\td\'', n: 7, t: true, f: false, z: null }], false), '[{"s":"a\\"b\\\\c\\td\\\'","n":7,"t":true,"f":false,"z":null}]\n');
  });
});

describe('bridge link: IFLA_LINK named in this namespace', () => {
  const FOREIGN_PEER = ['ip link add br0 type bridge', 'ip netns add blue', 'ip link add v4 type veth peer name v5 netns blue', 'ip link set v4 master br0'];

  it("a peer in another namespace is named by its ifindex here (v5 is 2 in blue: eth0's index), in text and JSON", () => {
    assert.equal(run([...FOREIGN_PEER, 'bridge link']), '4: v4@eth0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n');
    assert.equal(run([...FOREIGN_PEER, 'bridge -j link']), '[{"ifindex":4,"link":"eth0","ifname":"v4","flags":["BROADCAST","MULTICAST"],"mtu":1500,"master":"br0","state":"disabled","priority":32,"cost":2}]\n');
  });

  it('M-DOWN follows the device of that index: a down one here adds it', () => {
    assert.equal(run([...FOREIGN_PEER, 'ip link set eth0 down', 'bridge -j link']).includes('"flags":["BROADCAST","MULTICAST","M-DOWN"]'), true);
  });
});
