/**
 * What Docker's embedded DNS (127.0.0.11) answers inside a task container for swarm services on
 * the overlay networks it shares with them: `NAME` is the service's VIP (or, with
 * `--endpoint-mode dnsrr`, every task's address), `tasks.NAME` every running task's address.
 * Lists of addresses rotate by one on each query (round robin), so repeated lookups spread.
 * A container's name (a standalone container attached to the overlay, or a task's container) is
 * its address there. The ingress network answers no names.
 */
import type { World } from '../world';
import type { Host } from '../net/types';
import { membershipOf } from './state';
import { usesVip } from './service-vips';
import { overlayEndpoints, type OverlayEndpoint } from './vxlan-overlay';

type DnsWorldState = World['state'] & { serviceDnsTurns?: Record<string, number> };

function rotate(world: World, key: string, list: number[]): number[] {
  if (list.length < 2) return list;
  const turns = ((world.state as DnsWorldState).serviceDnsTurns ??= {});
  const k = (turns[key] ?? 0) % list.length;
  turns[key] = k + 1;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** The addresses the embedded DNS gives the container in namespace `nsId` for `name`, if any. */
export function serviceDnsAnswers(world: World, host: Host, nsId: number, name: string): number[] | undefined {
  const member = membershipOf(world, host);
  if (!member) return undefined;
  const { cluster } = member;
  const wanted = name.replace(/\.$/, '');
  const endpoints = overlayEndpoints(world, cluster);
  const mine = endpoints.filter((e) => e.nsId === nsId && !e.net.ingress);
  if (mine.length === 0) return undefined;
  const tasksOf = wanted.startsWith('tasks.');
  const serviceName = tasksOf ? wanted.slice('tasks.'.length) : wanted;
  const service = cluster.services.find((s) => s.spec.name === serviceName);
  if (!service) return tasksOf ? undefined : containerAnswer(endpoints, mine, wanted);
  for (const ep of mine) {
    const net = ep.net;
    const vip = service.vips[net.id];
    const tasks = endpoints.filter((e) => e.net.id === net.id && e.serviceId === service.id).map((e) => e.ip);
    if (!tasksOf && usesVip(service) && vip !== undefined) return [vip];
    if (tasks.length > 0) return rotate(world, `${net.id}/${wanted}`, tasks);
  }
  return undefined;
}

/** A container on one of the asker's overlays, by its name (a standalone container's, or a task container's full name). */
function containerAnswer(endpoints: OverlayEndpoint[], mine: OverlayEndpoint[], name: string): number[] | undefined {
  for (const ep of mine) {
    const hit = endpoints.find((e) => e.net.id === ep.net.id && e.name === name);
    if (hit) return [hit.ip];
  }
  return undefined;
}

/**
 * The same answers as name/address pairs for resolvers that go through NSS (ping, getent): only
 * for the words of `argv` that name a service, so a lookup rotates only the names it asks for.
 */
export function serviceDnsTable(world: World, host: Host, nsId: number | null, argv: string[]): Array<[string, number]> {
  if (nsId === null || !membershipOf(world, host)) return [];
  const table: Array<[string, number]> = [];
  for (const word of new Set(argv.slice(1))) {
    const first = /^[\w.-]+$/.test(word) ? serviceDnsAnswers(world, host, nsId, word)?.[0] : undefined;
    if (first !== undefined) table.push([word, first]);
  }
  return table;
}
