/**
 * The `multi-host` world: several Linux hosts (node1, node2, …), each its own kernel and Docker
 * daemon, on the home LAN of home-lan.ts (node N at 192.168.1.(10+N), the router's DHCP pool
 * .100-.200 stays free for them) behind the same router to the internet as the bare world. The
 * shell starts on node1.
 */
import { World } from '../world';
import { addGatewayRoute, addNic, configure, createHost, rootNs } from '../host';
import { setAdminUp } from '../net/linkops';
import { startDaemon } from '../docker/daemon';
import type { Host } from '../net/types';
import { homeRouter, internetHost, lanSwitch } from './home-lan';

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
  const router = homeRouter(world);
  plug(router.lan);
  internetHost(world).connect(router.wan);

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
