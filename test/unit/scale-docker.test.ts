/**
 * Issue 4's complexity, counted rather than timed: the elements of arrays a command walks
 * (bench/budgets/docker-scale.ts `elementsWalked`) with 2 and with 300 containers on one network.
 * A ping by name, the embedded DNS and the kernel's lookups on the host namespace must walk the
 * same whatever the number of containers (O(path)); a linear scan would walk ~150 times more.
 */
import { strict as assert } from 'node:assert';
import { createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { daemonOf } from '../../src/engine/docker/daemon';
import { findContainer } from '../../src/engine/docker/containers';
import { dnsWork, embeddedDns } from '../../src/engine/docker/dns';
import { allocIfindex } from '../../src/engine/net/linkops';
import { isPortMac, linkByIfindex, linkByName, portList } from '../../src/engine/net/links';
import { fdbLearn, fdbLookup } from '../../src/engine/net/fdb';
import { nsidOf } from '../../src/engine/net/nsid';
import { createNetns } from '../../src/engine/net/netns';
import { worldCounts } from '../../src/engine/limits';
import { elementsWalked, pingWork as pingWorkOf } from '../../bench/budgets/docker-scale';
import type { World } from '../../src/engine/world';
import type { Host } from '../../src/engine/net/types';

const BIG = 300;

interface Lab {
  world: World;
  host: Host;
  shell: Shell;
  n: number;
}

function lab(n: number): Lab {
  const { world, host } = createDockerWorld();
  const shell = new Shell(world, host);
  assert.equal(shell.run('docker network create benchnet').exitCode, 0);
  for (let i = 1; i <= n; i++) assert.equal(shell.run(`docker run -d --name c${i} --network benchnet alpine sleep 1d`).exitCode, 0, `c${i}`);
  return { world, host, shell, n };
}

const labs = new Map<number, Lab>();
function sized(n: number): Lab {
  if (!labs.has(n)) labs.set(n, lab(n));
  return labs.get(n)!;
}

function walked(fn: () => unknown): number {
  return elementsWalked(fn).walked;
}

/** What `docker exec c1 ping -c 1 cN` walks beyond `docker exec c1 hostname`: the ping itself (resolver, packets). */
function pingWork(l: Lab): number {
  const ping = `docker exec c1 ping -c 1 c${l.n}`;
  assert.match(l.shell.run(ping).stdout, /1 packets received/);
  return pingWorkOf(l.shell, 'c1', `c${l.n}`);
}

describe('scale: 2 vs 300 containers on one network, counted in elements walked', function () {
  this.timeout(240_000);

  it('a ping by name walks as much with 300 containers as with 2 (resolver and packet path are O(path))', () => {
    const small = pingWork(sized(2));
    const big = pingWork(sized(BIG));
    assert.ok(small > 0, 'the counter sees the ping');
    assert.ok(big <= small * 1.2 + 20, `ping walked ${big} elements with ${BIG} containers, ${small} with 2`);
  });

  it('the embedded DNS answers by name and by address from its index, without scanning the containers', () => {
    const counts = [2, BIG].map((n) => {
      const l = sized(n);
      const daemon = daemonOf(l.world, l.host)!;
      const c1 = findContainer(daemon, 'c1')!;
      const last = findContainer(daemon, `c${n}`)!;
      const dns = embeddedDns(daemon, c1);
      const ip = last.endpoints[0]!.ip;
      assert.equal(dns.byName(`c${n}`), ip);
      assert.equal(dns.byAddr(ip), `c${n}`);
      const scans = dnsWork.scans;
      const w = walked(() => {
        assert.equal(dns.byName(`c${n}`), ip);
        assert.equal(dns.byName(last.id.slice(0, 12)), ip);
        assert.equal(dns.byAddr(ip), `c${n}`);
      });
      assert.equal(dnsWork.scans, scans, 'no lookup fell back to a scan');
      return w;
    });
    assert.equal(counts[1], counts[0], `DNS walked ${counts[1]} elements with ${BIG} containers, ${counts[0]} with 2`);
  });

  it("the host namespace's lookups (ifindex, name, ports' MACs, nsids, bridge FDB) do not walk its links", () => {
    const counts = [2, BIG].map((n) => {
      const { world, host } = sized(n);
      const root = world.netns(host.rootNsId);
      const net = daemonOf(world, host)!.networks.find((x) => x.name === 'benchnet')!;
      const bridge = linkByName(world, root.id, net.bridge)!;
      assert.equal(portList(world, bridge).length, n);
      const port = portList(world, bridge)[0]!;
      const fresh = createNetns(world, host, null);
      const w = walked(() => {
        allocIfindex(world, root);
        assert.equal(linkByIfindex(world, root.id, port.ifindex), port);
        assert.equal(linkByName(world, root.id, port.name), port);
        assert.ok(isPortMac(world, bridge, port.mac));
        nsidOf(root, fresh);
        fdbLearn(world, bridge, '02:42:de:ad:be:ef', port.id);
        assert.equal(fdbLookup(world, bridge, '02:42:de:ad:be:ef')?.portId, port.id);
      });
      return w;
    });
    // A namespace of a few links is walked rather than indexed by name: the small host may walk more.
    assert.ok(counts[1]! <= counts[0]!, `walked ${counts[1]} elements with ${BIG} containers, ${counts[0]} with 2`);
  });

  it('the world-size guard counts what a full recount counts, before and after rules, routes and namespaces change', () => {
    const { world, shell } = sized(BIG);
    const recount = () => {
      const full = { netns: 0, links: Object.keys(world.state.links).length, rules: 0, routes: 0, neighbours: 0 };
      for (const ns of Object.values(world.state.netns)) {
        full.netns++;
        full.routes += ns.routes.length;
        full.neighbours += ns.neigh.length;
        for (const t of Object.values(ns.netfilter.tables)) for (const c of t.chains) full.rules += c.rules.length;
      }
      return full;
    };
    const counted = () => {
      const c = worldCounts(world);
      return { netns: c.netns, links: c.links, rules: c.rules, routes: c.routes, neighbours: c.neighbours };
    };
    for (const line of ['true', 'iptables -t mangle -A PREROUTING -j ACCEPT', 'docker exec c1 ip route add 10.9.0.0/16 dev eth0', 'docker run -d --name late --network benchnet -p 8081:80 nginx', 'docker rm -f c2', 'iptables -t mangle -F', 'ip netns add spare']) {
      shell.run(line);
      assert.deepEqual(counted(), recount(), `after ${line}`);
    }
    assert.equal(worldCounts(world).containers, BIG);
  });
});
