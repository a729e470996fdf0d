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
import { containerByName } from '../../src/engine/docker/container-index';
import { allocateIp, ipInUse } from '../../src/engine/docker/networks';
import type { DaemonState, DockerNetwork } from '../../src/engine/docker/types';
import { dnsWork, embeddedDns } from '../../src/engine/docker/dns';
import { allocIfindex } from '../../src/engine/net/linkops';
import { isPortMac, linkByIfindex, linkByName, portList } from '../../src/engine/net/links';
import { fdbLearn, fdbLookup } from '../../src/engine/net/fdb';
import { nsidOf } from '../../src/engine/net/nsid';
import { createNetns } from '../../src/engine/net/netns';
import { countsAtWorldLimit, worldCounts, worldCountsAtMost } from '../../src/engine/limits';
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
    const lines = ['true', 'iptables -t mangle -A PREROUTING -j ACCEPT', 'docker exec c1 ip route add 10.9.0.0/16 dev eth0', 'docker run -d --name late --network benchnet -p 8081:80 nginx', 'docker rm -f c2', 'iptables -t mangle -F', 'ip netns add spare'];
    lines.push('ip route add 10.77.0.0/16 via 192.168.1.1', 'ip neigh add 192.168.1.77 lladdr 02:00:00:00:00:01 dev eth0', 'docker exec c1 ping -c 1 c3', 'ip netns exec spare ip link set lo up', 'iptables -N EXTRA', 'iptables -A EXTRA -j RETURN', 'ip netns del spare', 'docker network disconnect benchnet c4');
    for (const line of lines) {
      shell.run(line);
      // The guard's bound (the exact count before the line plus what was added since) is never below the world.
      const bound = worldCountsAtMost(world);
      const full = recount();
      for (const [key, n] of Object.entries(full)) assert.ok(bound[key as keyof typeof bound] >= n, `${key}: bound ${bound[key as keyof typeof bound]} below ${n} after ${line}`);
      assert.deepEqual(counted(), full, `after ${line}`);
    }
    assert.equal(worldCounts(world).containers, BIG);
  });

  it('docker run -d walks as much with 300 containers on the network as with 2 (names, addresses, events, guard: indexed)', () => {
    const counts = [2, BIG].map((n) => {
      const { shell } = sized(n);
      const w = walked(() => assert.equal(shell.run('docker run -d --name probe --network benchnet alpine sleep 1d').exitCode, 0));
      assert.equal(shell.run('docker rm -f probe').exitCode, 0);
      return w;
    });
    // The small world's root namespace is walked rather than indexed by name (NAMED_FROM): it may walk more.
    assert.ok(counts[1]! <= counts[0]!, `docker run walked ${counts[1]} elements with ${BIG} containers, ${counts[0]} with 2`);
  });

  it('the world-size guard asks how big the world is without walking its namespaces', () => {
    const counts = [2, BIG].map((n) => {
      const { world, shell } = sized(n);
      shell.run('docker exec c1 hostname');
      return walked(() => assert.equal(countsAtWorldLimit(world), null));
    });
    assert.equal(counts[1], counts[0], `walked ${counts[1]} elements with ${BIG} containers, ${counts[0]} with 2`);
  });
});

/**
 * The daemon's indexes (container-index.ts: names, due events; address-book.ts: addresses) against
 * what a pass over the containers finds, after each command of a sequence that renames, removes,
 * disconnects, pauses, restarts and lets containers end by themselves.
 */
describe('scale: the daemon indexes stay true to the containers', () => {
  /** The lowest free address of a bridge network's range by a pass over every container (the code before the index). */
  function scannedFree(daemon: DaemonState, net: DockerNetwork): number | undefined {
    const taken = new Set<number>([net.gateway, ...((net as DockerNetwork & { reserved?: number[] }).reserved ?? [])]);
    for (const c of daemon.containers) if (c.nsId !== null) for (const e of c.endpoints) if (e.networkId === net.id) taken.add(e.ip);
    const size = 2 ** (32 - net.prefixLen);
    for (let ip = net.subnet + 1; ip <= net.subnet + size - 2; ip++) if (!taken.has(ip >>> 0)) return ip >>> 0;
    return undefined;
  }

  function check(world: World, host: Host, after: string): void {
    const daemon = daemonOf(world, host)!;
    const now = world.clock.now();
    for (const c of daemon.containers) {
      assert.equal(containerByName(daemon, c.name), daemon.containers.find((x) => x.name === c.name), `${c.name} by name after ${after}`);
      // Whatever was due by now has happened (a paused container's end waits for it to run again).
      if (c.state === 'running') assert.ok(c.exitsAt === null || c.exitsAt > now, `${c.name} still running past its end after ${after}`);
      if (c.state === 'exited') assert.ok(c.restartAt === undefined || c.restartAt > now, `${c.name} not restarted after ${after}`);
      for (const e of c.endpoints) {
        const net = daemon.networks.find((n) => n.id === e.networkId)!;
        const scanned = daemon.containers.some((x) => x.nsId !== null && x.endpoints.some((y) => y.networkId === net.id && y.ip === e.ip));
        if (e.ip !== 0) assert.equal(ipInUse(daemon, net, e.ip), scanned || e.ip === net.gateway, `${c.name}'s ${e.ip} in use after ${after}`);
      }
    }
    for (const name of ['alpha', 'bravo', 'gone', 'nobody']) assert.equal(containerByName(daemon, name), daemon.containers.find((x) => x.name === name), `${name} by name after ${after}`);
    for (const net of daemon.networks) if (net.driver === 'bridge') assert.equal(allocateIp(daemon, net), scannedFree(daemon, net), `next address of ${net.name} after ${after}`);
  }

  it('names, addresses and due events after rename, rm, disconnect, pause, restart policies and time passing', () => {
    const { world, host } = createDockerWorld();
    const shell = new Shell(world, host);
    const lines = [
      'docker network create --subnet 10.9.0.0/24 small',
      'docker run -d --name alpha --network small alpine sleep 1d',
      'docker run -d --name bravo --network small alpine sleep 30',
      'docker run -d --name gone --network small alpine sleep 1d',
      'docker run -d --name delta --network small alpine sleep 1d',
      'docker rename alpha first',
      'docker run -d --name alpha --network small alpine sleep 1d',
      'docker rm -f gone',
      'docker run -d --name echo --network small alpine sleep 1d',
      'docker network disconnect small delta',
      'docker run -d --name other alpine sleep 1d',
      'docker network connect small other',
      'docker network connect --ip 10.9.0.3 small delta',
      'docker run -d --name late --network small --ip 10.9.0.9 alpine sleep 5',
      'docker pause bravo',
      'sleep 31',
      'docker ps -a',
      'docker unpause bravo',
      'docker ps -a',
      'docker run -d --name r1 --restart on-failure:2 --network small alpine sh -c "sleep 2; exit 3"',
      'docker run -d --name r2 --restart always --network small alpine sleep 4',
      'docker run --rm -d --name gone --network small alpine sleep 3',
      'sleep 10',
      'docker stop r2',
      'docker rename first bravo',
      'docker rm bravo',
      'docker rename echo bravo',
      'docker run -d --name echo --network small alpine sleep 1d',
      'docker kill first',
      'docker rename first primero',
      'docker start primero',
      'docker network disconnect small other',
      'docker pause alpha',
      'docker network disconnect small alpha',
      'docker unpause alpha',
      'docker run -d --name last --network small alpine sleep 1d',
      'sleep 60',
    ];
    for (const line of lines) {
      shell.run(line);
      check(world, host, line);
    }
    const daemon = daemonOf(world, host)!;
    assert.deepEqual(['first', 'alpha', 'bravo', 'echo', 'primero'].map((n) => findContainer(daemon, n)?.name), [undefined, 'alpha', 'bravo', 'echo', 'primero']);
    assert.match(shell.run('docker run -d --name bravo --network small alpine sleep 1d').stderr, /Conflict. The container name "\/bravo" is already in use/);
    assert.equal(shell.run('docker run -d --name first --network small alpine sleep 1d').exitCode, 0, 'first was renamed away: the name is free');
    check(world, host, 'the last runs');
  });

  it('a restored snapshot has its own indexes: names and addresses taken after the snapshot are free again', () => {
    const { world, host } = createDockerWorld();
    const shell = new Shell(world, host);
    shell.run('docker network create --subnet 10.9.0.0/24 small');
    shell.run('docker run -d --name before --network small alpine sleep 1d');
    const snapshot = world.snapshot();
    shell.run('docker run -d --name after --network small alpine sleep 5');
    shell.run('docker rm -f before');
    check(world, host, 'the runs after the snapshot');
    world.restore(snapshot);
    check(world, host, 'the restore');
    assert.match(shell.run('docker run -d --name before --network small alpine sleep 1d').stderr, /Conflict/);
    assert.equal(shell.run('docker run -d --name after --network small alpine sleep 1d').exitCode, 0);
    assert.equal(shell.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' after").stdout, '10.9.0.3\n');
    shell.run('sleep 10');
    check(world, host, 'time passing after the restore');
    assert.equal(findContainer(daemonOf(world, host)!, 'after')?.state, 'running', 'the sleep 5 of the undone run is not due');
  });
});
