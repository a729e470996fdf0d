/** A recorded packet walk as view steps: each hop pinned to the box it happened in. */
import type { World } from '../world';
import type { Hop, Trace } from '../packet/trace';
import { lostReply } from '../packet/trace-explain';
import type { ViewTrace, ViewTraceStep } from '../../protocol/view-model';
import { netnsLabel } from './describe';
import type { RecordedTrace } from './last-trace';
import { nodeOfLink, nodeOfNetns } from './build';
import { hostId } from './ids';

export function toViewTrace(world: World, recorded: RecordedTrace): ViewTrace {
  const { trace } = recorded;
  const steps: ViewTraceStep[] = trace.hops.map((hop) => step(world, hop));
  const first = trace.drops[0];
  let drop: ViewTrace['drop'] = null;
  if (first) {
    const nodeId = locate(world, first);
    // The walker records every drop as a hop too: the first 'drop' hop is the first death.
    let at = steps.findIndex((s) => s.kind === 'drop');
    if (at < 0) {
      steps.push({ nodeId, kind: 'drop', where: whereOf(world, first.nsId), detail: first.reason });
      at = steps.length - 1;
    }
    drop = { step: at, nodeId, reason: dropReason(world, trace) ?? first.reason };
  }
  return { seq: recorded.seq, label: recorded.label, steps, drop, frames: trace.frames?.length ?? 0 };
}

/** The cause when the first death is only its symptom (a reply lost for want of source NAT). */
function dropReason(world: World, trace: Trace): string | undefined {
  const lost = lostReply(trace);
  if (!lost) return undefined;
  const host = world.state.hosts[lost.originHostId]?.name ?? 'the sender';
  return `no NAT for the reply: ${lost.src} left ${host} without MASQUERADE/SNAT, so the answer to it was lost (${trace.drops[0]!.reason})`;
}

function step(world: World, hop: Hop): ViewTraceStep {
  return { nodeId: locate(world, hop), kind: hop.kind, where: whereOf(world, hop.nsId), detail: hop.detail };
}

/** The node a hop happened at; a namespace gone since (a `docker run --rm` container) is shown on its host. */
function locate(world: World, at: { hostId: number; nsId: number; linkId?: number }): string {
  const link = at.linkId === undefined ? undefined : world.state.links[at.linkId];
  const onLink = link ? nodeOfLink(world, link) : null;
  if (onLink) return onLink;
  const ns = world.state.netns[at.nsId];
  if (ns) return nodeOfNetns(world, ns);
  return world.state.hosts[at.hostId] ? hostId(at.hostId) : `ns:${at.nsId}`;
}

/** Where a hop happened, in the words of the view: `red`, `host (root)`, `router`. */
export function whereOf(world: World, nsIdNumber: number): string {
  const ns = world.state.netns[nsIdNumber];
  if (!ns) return 'a namespace removed since';
  const host = world.state.hosts[ns.hostId];
  if (host && host.role !== 'linux') return host.name;
  return netnsLabel(world, ns);
}
