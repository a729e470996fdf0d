/**
 * Every preset stands on the same home LAN (src/engine/hosts/home-lan.ts): the router hands out
 * DHCP leases from its pool (.100-.200) and NATs to the internet, whichever world the learner is in.
 */
import { strict as assert } from 'node:assert';
import { createWorld, PRESETS } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

describe('home LAN: the same router and internet in every preset', () => {
  for (const preset of PRESETS) {
    it(`${preset}: DHCP from the router, then 8.8.8.8 through its NAT`, () => {
      const { world, host } = createWorld(preset)!;
      const sh = new Shell(world, host);
      for (const line of ['ip addr flush dev eth0', 'dhclient eth0']) assert.equal(sh.run(line).exitCode, 0, line);
      assert.match(sh.run('ip -4 -br addr show dev eth0').stdout, /^eth0\s+UP\s+192\.168\.1\.(1\d\d|200)\/24 \n$/);
      assert.match(sh.run('ip route').stdout, /^default via 192\.168\.1\.1 dev eth0 /);
      assert.equal(sh.run('ping -c 1 8.8.8.8').exitCode, 0);
      assert.equal(sh.run('ping -c 1 93.184.216.34').exitCode, 0);
    });
  }
});
