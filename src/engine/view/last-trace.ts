/**
 * The last packet walk of each world, for the topology view: the commands that send packets
 * (ping) report their trace here; the view reads it after the command. Kept beside the world
 * (a WeakMap), so the engine and the commands need no field for it.
 */
import type { World } from '../world';
import type { Trace } from '../packet/trace';

export interface RecordedTrace {
  /** Counts the traces recorded in this world: a new number means a new trace. */
  seq: number;
  /** What sent it (`ping 10.0.0.2`). */
  label: string;
  trace: Trace;
}

const lastTraces = new WeakMap<World, RecordedTrace>();

export function recordTrace(world: World, label: string, trace: Trace): void {
  const seq = (lastTraces.get(world)?.seq ?? 0) + 1;
  lastTraces.set(world, { seq, label, trace });
}

export function lastTrace(world: World): RecordedTrace | undefined {
  return lastTraces.get(world);
}
