/**
 * The last trace as a capture file (the topology view's "Export trace as pcap"): every frame
 * of the walks behind the trace on display, once per interface it crossed and direction, as
 * if tcpdump had run on each of those interfaces and the captures were merged (mergecap).
 * pcapng, so each interface keeps its name and place and each frame its direction: a DNAT
 * rewrite shows as the frame before it on one interface and after it on the next.
 */
import type { World } from '../world';
import { frameToBytes } from '../packet/capture-bytes';
import { pcapngFile, type PcapngInterface, type PcapngPacket } from '../packet/pcapng';
import type { RecordedTrace } from './last-trace';
import { whereOf } from './trace';

export interface TraceCapture {
  /** The pcapng file's bytes. */
  bytes: Uint8Array;
  /** Frames written, and frames the walk sent beyond the ones kept (see trace-frames.ts). */
  frames: number;
  lost: number;
  /** A file name for the save dialog: `ping-10.0.0.2.pcapng`. */
  fileName: string;
}

/** Null when the trace put no frame on a wire (a ping that found no route). */
export function traceCapture(world: World, recorded: RecordedTrace): TraceCapture | null {
  const frames = recorded.trace.frames ?? [];
  if (frames.length === 0) return null;
  const interfaces: PcapngInterface[] = [];
  const indexOf = new Map<number, number>();
  const packets: PcapngPacket[] = frames.map((f) => {
    let interfaceId = indexOf.get(f.linkId);
    if (interfaceId === undefined) {
      interfaceId = interfaces.length;
      indexOf.set(f.linkId, interfaceId);
      interfaces.push({ name: f.ifName, description: `${f.ifName} in ${whereOf(world, f.nsId)}` });
    }
    return { interfaceId, time: world.clock.epoch + f.at, direction: f.direction, bytes: frameToBytes(f.frame) };
  });
  const comment = `Vethlab trace #${recorded.seq}: ${recorded.label} (simulated; each frame once per interface it crossed)`;
  const bytes = pcapngFile({ application: 'Vethlab', comment, interfaces, packets });
  return { bytes, frames: frames.length, lost: recorded.trace.framesLost ?? 0, fileName: captureFileName(recorded.label) };
}

/** `ping 10.0.0.2` -> `ping-10.0.0.2.pcapng`: letters, digits, dots and dashes only. */
export function captureFileName(label: string): string {
  const stem = label
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || 'trace'}.pcapng`;
}
