/**
 * One trace from several probes (traceroute sends a probe per TTL): the hops of each probe in
 * turn. The routers where a probe's TTL ran out are where traceroute wanted it to die, so those
 * deaths become `ttl` hops, and the closed port that answers the last one is its arrival; only
 * the last probe's other deaths remain drops.
 */
import type { Hop, Trace } from './trace';
import { mergeFrames } from './trace-frames';

const TTL_EXPIRED = /^TTL of the packet/;
/** The closed port that answers "port unreachable": how traceroute knows it arrived. */
const ARRIVED = /^nothing listens on UDP port/;

export function mergeProbeTraces(probes: Trace[]): Trace {
  const last = probes[probes.length - 1];
  const hops: Hop[] = [];
  probes.forEach((probe, i) => {
    const final = i === probes.length - 1;
    for (const hop of probe.hops) hops.push(hop.kind === 'drop' ? relabel(hop, final) : hop);
  });
  const merged: Trace = { hops, drops: last ? last.drops.filter((d) => !ARRIVED.test(d.reason)) : [], ...mergeFrames(probes) };
  if (probes[0]?.sent) merged.sent = probes[0].sent;
  if (last?.answeredBy !== undefined) merged.answeredBy = last.answeredBy;
  return merged;
}

function relabel(hop: Hop, final: boolean): Hop {
  if (!final && TTL_EXPIRED.test(hop.detail)) return { ...hop, kind: 'ttl' };
  if (ARRIVED.test(hop.detail)) return { ...hop, kind: 'deliver', detail: `${hop.detail}: the port unreachable error tells traceroute it arrived` };
  return hop;
}
