/**
 * Packet capture (AF_PACKET taps, what tcpdump opens): every frame that leaves or arrives on a
 * link is offered here by l2.ts. Frames are only kept for links someone is capturing on, so an
 * idle world stores nothing. Each frame also bumps the world's activity counter, which waiting
 * processes (tcpdump, nc) use to know that something happened on the wire.
 */
import type { World } from '../world';
import type { Link } from '../net/types';
import type { Frame } from './frame';

export type Direction = 'out' | 'in';

export interface CapturedFrame {
  /** Simulated time (ms, fractional: microseconds matter to tcpdump). */
  at: number;
  linkId: number;
  direction: Direction;
  frame: Frame;
}

/** An open capture on one link: frames appended as they cross it. */
export interface Tap {
  readonly linkId: number;
  readonly frames: CapturedFrame[];
}

interface CaptureState {
  activity: number;
  taps: Set<Tap>;
}

const states = new WeakMap<World, CaptureState>();

function stateOf(world: World): CaptureState {
  let s = states.get(world);
  if (!s) states.set(world, (s = { activity: 0, taps: new Set() }));
  return s;
}

/** Called by the walker for each frame a link sends or receives. `hops`: L3 hops so far (a few µs each). */
export function captureFrame(world: World, link: Link, frame: Frame, direction: Direction, at: number, hops: number): void {
  const s = stateOf(world);
  s.activity++;
  if (s.taps.size === 0) return;
  // lo hands each frame to itself: one copy, as tcpdump -i lo shows.
  if (link.kind === 'loopback' && direction === 'in') return;
  const stamped = stampOf(at, hops);
  for (const tap of s.taps) if (tap.linkId === link.id) tap.frames.push({ at: stamped, linkId: link.id, direction, frame });
}

/** When a frame crosses a link: the walk's time plus a few µs per L3 hop, so a capture keeps the order. */
export function stampOf(at: number, hops: number): number {
  return at + hops * 0.031;
}

export function openTap(world: World, link: Link): Tap {
  const tap: Tap = { linkId: link.id, frames: [] };
  stateOf(world).taps.add(tap);
  return tap;
}

export function closeTap(world: World, tap: Tap): void {
  stateOf(world).taps.delete(tap);
}

/** Grows whenever a frame crosses any link of the world. */
export function activity(world: World): number {
  return stateOf(world).activity;
}
