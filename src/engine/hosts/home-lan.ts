/**
 * The hidden home LAN every preset stands on: a switch (a bridge on its own host), the router
 * 192.168.1.1 (DHCP server for .100-.200, MASQUERADE out of wan0) and "the internet" behind it
 * (203.0.113.1, with 8.8.8.8 and friends on its loopback). Ordinary simulated kernels, so packets
 * cross them with the same rules as the learner's host.
 */
import type { World } from '../world';
import { addGatewayRoute, addNic, cable, configure, createHost, rootNs } from '../host';
import { startServer } from '../dhcp';
import { attachPort, createLink, setAdminUp } from '../net/linkops';
import { setIpForward } from '../net/forwarding';
import { linkByName } from '../net/links';
import type { Link } from '../net/types';
import { appendRule } from '../netfilter/rules';

/** Addresses "on the internet" that pings and lookups can reach. */
const INTERNET_ADDRESSES = ['8.8.8.8/32', '8.8.4.4/32', '1.1.1.1/32', '93.184.216.34/32', '142.250.185.78/32'];

/** The LAN switch; returns a function that cables a NIC to its next port (p1, p2, …). */
export function lanSwitch(world: World): (nic: Link) => void {
  const lanNs = rootNs(world, createHost(world, 'lan-switch', 'switch'));
  const sw = createLink(world, lanNs, { name: 'br0', kind: 'bridge' });
  setAdminUp(world, sw, true);
  let ports = 0;
  return (nic) => {
    const p = addNic(world, lanNs, `p${++ports}`);
    attachPort(world, sw, p);
    setAdminUp(world, p, true);
    cable(world, nic, p);
  };
}

/** The router: eth0 192.168.1.1 on the LAN (not yet cabled), wan0 203.0.113.2, forwarding, DHCP and MASQUERADE. */
export function homeRouter(world: World): { lan: Link; wan: Link } {
  const ns = rootNs(world, createHost(world, 'router', 'router'));
  const lan = addNic(world, ns, 'eth0', { mac: '52:54:00:00:01:01' });
  const wan = addNic(world, ns, 'wan0', { mac: '52:54:00:00:01:02' });
  configure(world, ns, lan, '192.168.1.1/24');
  configure(world, ns, wan, '203.0.113.2/24');
  setAdminUp(world, lan, true);
  setAdminUp(world, wan, true);
  setIpForward(ns, true);
  // dnsmasq-like: 192.168.1.100-200, 12 h leases, router and DNS .1.
  startServer(world, ns, { program: 'dnsmasq', pid: 0, linkId: lan.id, start: 0xc0a80164, end: 0xc0a801c8, mask: 0xffffff00, leaseSecs: 43200, router: 0xc0a80101, dns: 0xc0a80101, leases: [], leaseFile: null });
  appendRule(ns, 'nat', 'POSTROUTING', { outIface: { name: 'wan0', neg: false }, modules: [], target: { kind: 'MASQUERADE' }, counters: { packets: 0, bytes: 0 } });
  return { lan, wan };
}

/** The internet host; `connect` cables it to the router's wan0 and gives the router its default route. */
export function internetHost(world: World): { connect(wan: Link): void } {
  const ns = rootNs(world, createHost(world, 'internet', 'internet'));
  const eth = addNic(world, ns, 'eth0', { mac: '52:54:00:00:02:01' });
  configure(world, ns, eth, '203.0.113.1/24');
  setAdminUp(world, eth, true);
  const lo = linkByName(world, ns.id, 'lo')!;
  for (const addr of INTERNET_ADDRESSES) configure(world, ns, lo, addr, { broadcast: false });
  return {
    connect: (wan) => {
      cable(world, wan, eth);
      addGatewayRoute(world.netns(wan.nsId), wan, 'default', '203.0.113.1');
    },
  };
}
