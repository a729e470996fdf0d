/**
 * The frames of a walk, kept on its trace so the topology view can export what it animates as
 * a capture file. Bounded: a flood over a bridge of hundreds of ports keeps the first
 * MAX_TRACE_FRAMES and counts the rest.
 */
import type { Link } from '../net/types';
import { stampOf, type Direction } from './capture';
import type { Frame } from './frame';
import type { Trace, WireFrame } from './trace';
import type { Walk } from './walk-context';

export const MAX_TRACE_FRAMES = 4096;

/** Called by l2.ts beside the capture taps for each frame a link sends or receives. */
export function keepFrame(walk: Walk, link: Link, frame: Frame, direction: Direction): void {
  // lo hands each frame to itself: one copy, as a capture on lo shows.
  if (link.kind === 'loopback' && direction === 'in') return;
  const frames = (walk.trace.frames ??= []);
  if (frames.length >= MAX_TRACE_FRAMES) {
    walk.trace.framesLost = (walk.trace.framesLost ?? 0) + 1;
    return;
  }
  frames.push({ at: stampOf(walk.at, walk.hops), linkId: link.id, ifName: link.name, nsId: link.nsId, direction, frame });
}

/** The frames of several walks shown as one trace (traceroute's probes), in time order, still bounded. */
export function mergeFrames(traces: Trace[]): Pick<Trace, 'frames' | 'framesLost'> {
  const all: WireFrame[] = traces.flatMap((t) => t.frames ?? []);
  let lost = traces.reduce((n, t) => n + (t.framesLost ?? 0), 0);
  if (all.length === 0 && lost === 0) return {};
  const sorted = all.map((f, i) => ({ f, i })).sort((a, b) => a.f.at - b.f.at || a.i - b.i).map(({ f }) => f);
  if (sorted.length > MAX_TRACE_FRAMES) lost += sorted.length - MAX_TRACE_FRAMES;
  const frames = sorted.slice(0, MAX_TRACE_FRAMES);
  return lost > 0 ? { frames, framesLost: lost } : { frames };
}
