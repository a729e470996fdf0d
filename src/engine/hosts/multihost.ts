/**
 * The `multi-host` world: several Linux hosts (node1, node2, …), each its own kernel and Docker
 * daemon, on one LAN 192.168.1.0/24 (node N at 192.168.1.(10+N)) behind the same router to the
 * internet as the bare world. The shell starts on node1.
 */
import { World } from '../world';
import { addGatewayRoute, addNic, cable, configure, createHost, rootNs } from '../host';
import { attachPort, createLink, setAdminUp } from '../net/linkops';
import { setIpForward } from '../net/forwarding';
import { linkByName } from '../net/links';
import { appendRule } from '../netfilter/rules';
import { startDaemon } from '../docker/daemon';
import type { Host, Link } from '../net/types';

export const DEFAULT_NODES = 3;

export interface MultiHostHandle {
  world: World;
  /** node1: where the shell starts. */
  host: Host;
  nodes: Host[];
}

/** node N's LAN address. */
export function nodeAddress(n: number): string {
  return `192.168.1.${10 + n}`;
}

export function createMultiHostWorld(seed = 0x5eed, count = DEFAULT_NODES): MultiHostHandle {
  const world = new World({ seed });
  const plug = lanSwitch(world);
  const router = createHost(world, 'router', 'router');
  const rNs = rootNs(world, router);
  const rLan = addNic(world, rNs, 'eth0', { mac: '52:54:00:00:01:01' });
  const rWan = addNic(world, rNs, 'wan0', { mac: '52:54:00:00:01:02' });
  configure(world, rNs, rLan, '192.168.1.1/24');
  configure(world, rNs, rWan, '203.0.113.2/24');
  setAdminUp(world, rLan, true);
  setAdminUp(world, rWan, true);
  setIpForward(rNs, true);
  appendRule(rNs, 'nat', 'POSTROUTING', { outIface: { name: 'wan0', neg: false }, modules: [], target: { kind: 'MASQUERADE' }, counters: { packets: 0, bytes: 0 } });
  plug(rLan);

  const internet = createHost(world, 'internet', 'internet');
  const iNs = rootNs(world, internet);
  const iEth = addNic(world, iNs, 'eth0', { mac: '52:54:00:00:02:01' });
  configure(world, iNs, iEth, '203.0.113.1/24');
  setAdminUp(world, iEth, true);
  const iLo = linkByName(world, iNs.id, 'lo')!;
  for (const addr of ['8.8.8.8/32', '8.8.4.4/32', '1.1.1.1/32']) configure(world, iNs, iLo, addr, { broadcast: false });
  cable(world, rWan, iEth);
  addGatewayRoute(rNs, rWan, 'default', '203.0.113.1');

  const nodes: Host[] = [];
  for (let n = 1; n <= count; n++) {
    const node = createHost(world, `node${n}`);
    const ns = rootNs(world, node);
    const eth0 = addNic(world, ns, 'eth0', { mac: `52:54:00:12:34:${(0x10 + n).toString(16).padStart(2, '0')}`, ifindex: 2, qdisc: 'pfifo_fast' });
    plug(eth0);
    configure(world, ns, eth0, `${nodeAddress(n)}/24`);
    setAdminUp(world, eth0, true);
    addGatewayRoute(ns, eth0, 'default', '192.168.1.1');
    startDaemon(world, node);
    nodes.push(node);
  }
  world.clock.set(0);
  return { world, host: nodes[0]!, nodes };
}

/** The LAN switch (a bridge on a hidden host); returns a function that cables a NIC to a new port. */
function lanSwitch(world: World): (nic: Link) => void {
  const lan = createHost(world, 'lan-switch', 'switch');
  const lanNs = rootNs(world, lan);
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
