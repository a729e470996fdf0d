/**
 * Simulated virtual machines: what QEMU/libvirt gives a host. A VM is a small Linux host of
 * its own (its own kernel: namespaces, routes, ARP, iptables) with one NIC, `eth0`, whose
 * other end is a tap device of the host (vnet0, tap0). The VM holds the tap open, so the tap
 * gets carrier; putting the tap in a bridge with the host's eth0 puts the VM on the LAN.
 */
import type { World } from './world';
import { addNic, createHost, rootNs } from './host';
import { deleteLink, reconcile, setAdminUp } from './net/linkops';
import { linksIn } from './net/links';
import type { Host, Link } from './net/types';

export interface Vm {
  host: Host;
  nic: Link;
  /** The host's tap the VM is plugged into, or undefined once it was deleted. */
  tap: Link | undefined;
}

/** VMs of the world in creation order. */
export function listVms(world: World): Vm[] {
  return Object.values(world.state.hosts)
    .filter((h) => h.role === 'vm')
    .sort((a, b) => a.id - b.id)
    .map((host) => vmOf(world, host));
}

export function vmByName(world: World, name: string): Vm | undefined {
  const host = Object.values(world.state.hosts).find((h) => h.role === 'vm' && h.name === name);
  return host ? vmOf(world, host) : undefined;
}

function vmOf(world: World, host: Host): Vm {
  const nic = linksIn(world, host.rootNsId).find((l) => l.kind === 'ether')!;
  const tap = nic.peerId === null ? undefined : world.state.links[nic.peerId];
  return { host, nic, tap };
}

/** Boots a VM on `tap`: its eth0 (MAC `mac`) is up, without an address until it is given one or asks DHCP. */
export function createVm(world: World, name: string, tap: Link, mac: string): Vm {
  const host = createHost(world, name, 'vm');
  const ns = rootNs(world, host);
  const nic = addNic(world, ns, 'eth0', { mac, ifindex: 2, qdisc: 'pfifo_fast' });
  nic.peerId = tap.id;
  tap.peerId = nic.id;
  setAdminUp(world, nic, true);
  reconcile(world, [nic.id, tap.id]);
  world.changed();
  return vmOf(world, host);
}

/** Powers a VM off and forgets it: the tap loses its carrier and stays (it is persistent). */
export function removeVm(world: World, vm: Vm): void {
  if (vm.tap) vm.tap.peerId = null;
  vm.nic.peerId = null;
  const namespaces = Object.values(world.state.netns).filter((ns) => ns.hostId === vm.host.id);
  for (const ns of namespaces) {
    for (const link of linksIn(world, ns.id)) if (world.state.links[link.id]) deleteLink(world, link);
    delete world.state.netns[ns.id];
  }
  delete world.state.hosts[vm.host.id];
  delete world.state.files[vm.host.id];
  world.linksChanged();
  if (vm.tap) reconcile(world, [vm.tap.id]);
  world.changed();
}
