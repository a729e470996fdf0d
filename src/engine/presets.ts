/**
 * Named world presets (a lab picks one in its front matter). Hidden infrastructure hosts
 * (LAN switch, router, internet) are ordinary simulated kernels, so packets cross them with
 * the same rules as the learner's host.
 */
import { World } from './world';
import { addGatewayRoute, addNic, cable, configure, createHost, rootNs } from './host';
import { attachPort, createLink, setAdminUp } from './net/linkops';
import { setIpForward } from './net/forwarding';
import type { Host } from './net/types';
import { appendRule } from './netfilter/rules';
import { startDaemon } from './docker/daemon';
import { startServer } from './dhcp';
import { createMultiHostWorld } from './hosts/multihost';

export type PresetName = 'bare' | 'docker' | 'multi-host';
export const PRESETS: PresetName[] = ['bare', 'docker', 'multi-host'];

export interface WorldHandle {
  world: World;
  /** The learner's host, where the shell runs. */
  host: Host;
}

export function createWorld(preset: string, seed = 0x5eed): WorldHandle | undefined {
  if (preset === 'bare') return createBareWorld(seed);
  if (preset === 'docker') return createDockerWorld(seed);
  if (preset === 'multi-host') return createMultiHostWorld(seed);
  return undefined;
}

/** One Linux host on a home LAN: 192.168.1.2 on eth0, router .1 to the internet, another machine .3. */
export function createBareWorld(seed = 0x5eed): WorldHandle {
  const world = new World({ seed });
  const host = createHost(world, 'host');
  const root = rootNs(world, host);
  const eth0 = addNic(world, root, 'eth0', { mac: '52:54:00:12:34:56', ifindex: 2, qdisc: 'pfifo_fast' });

  const lan = createHost(world, 'lan-switch', 'switch');
  const lanNs = rootNs(world, lan);
  const sw = createLink(world, lanNs, { name: 'br0', kind: 'bridge' });
  setAdminUp(world, sw, true);
  const plug = (peer: typeof eth0, port: string) => {
    const p = addNic(world, lanNs, port);
    attachPort(world, sw, p);
    setAdminUp(world, p, true);
    cable(world, peer, p);
  };

  const router = createHost(world, 'router', 'router');
  const rNs = rootNs(world, router);
  const rLan = addNic(world, rNs, 'eth0', { mac: '52:54:00:00:01:01' });
  const rWan = addNic(world, rNs, 'wan0', { mac: '52:54:00:00:01:02' });
  configure(world, rNs, rLan, '192.168.1.1/24');
  configure(world, rNs, rWan, '203.0.113.2/24');
  setAdminUp(world, rLan, true);
  setAdminUp(world, rWan, true);
  setIpForward(rNs, true);
  // The router's DHCP server (dnsmasq-like): 192.168.1.100-200, 12 h leases, router and DNS .1.
  startServer(world, rNs, { program: 'dnsmasq', pid: 0, linkId: rLan.id, start: 0xc0a80164, end: 0xc0a801c8, mask: 0xffffff00, leaseSecs: 43200, router: 0xc0a80101, dns: 0xc0a80101, leases: [], leaseFile: null });
  appendRule(rNs, 'nat', 'POSTROUTING', { outIface: { name: 'wan0', neg: false }, modules: [], target: { kind: 'MASQUERADE' }, counters: { packets: 0, bytes: 0 } });

  const other = createHost(world, 'lanhost');
  const oNs = rootNs(world, other);
  const oEth = addNic(world, oNs, 'eth0', { mac: '52:54:00:00:01:03', ifindex: 2 });
  configure(world, oNs, oEth, '192.168.1.3/24');
  setAdminUp(world, oEth, true);
  addGatewayRoute(oNs, oEth, 'default', '192.168.1.1');

  const internet = createHost(world, 'internet', 'internet');
  const iNs = rootNs(world, internet);
  const iEth = addNic(world, iNs, 'eth0', { mac: '52:54:00:00:02:01' });
  configure(world, iNs, iEth, '203.0.113.1/24');
  setAdminUp(world, iEth, true);
  const iLo = Object.values(world.state.links).find((l) => l.nsId === iNs.id && l.name === 'lo')!;
  for (const addr of ['8.8.8.8/32', '8.8.4.4/32', '1.1.1.1/32', '93.184.216.34/32', '142.250.185.78/32']) configure(world, iNs, iLo, addr, { broadcast: false });

  plug(eth0, 'p1');
  plug(rLan, 'p2');
  plug(oEth, 'p3');
  cable(world, rWan, iEth);
  addGatewayRoute(rNs, rWan, 'default', '203.0.113.1');

  configure(world, root, eth0, '192.168.1.2/24');
  setAdminUp(world, eth0, true);
  addGatewayRoute(root, eth0, 'default', '192.168.1.1');
  world.clock.set(0);
  return { world, host };
}

/** The bare host with a Docker daemon: docker0 172.17.0.1/16, ip_forward=1, Docker's iptables chains. */
export function createDockerWorld(seed = 0x5eed): WorldHandle {
  const handle = createBareWorld(seed);
  startDaemon(handle.world, handle.host);
  handle.world.clock.set(0);
  return handle;
}
