/**
 * What the topology panel sends for a world, without VS Code: a snapshot when asked, then a
 * delta after each command that changed the view, and each new packet trace. Pure, tested.
 */
import type { World } from '../../engine/world';
import { buildViewModel, diffViewModels, lastTrace, toViewTrace, traceCapture, type TraceCapture } from '../../engine/view';
import { PROTOCOL_VERSION, type HostMessage, type Positions } from '../../protocol/messages';
import { isEmptyDelta, type ViewModel } from '../../protocol/view-model';

/** What "Export trace as pcap" finds in a world: a capture, or why there is none. */
export type TraceExport = { ok: true; capture: TraceCapture; label: string } | { ok: false; reason: string };

export class TopologyFeed {
  private model: ViewModel | undefined;
  private traceSeq: number;

  constructor(
    readonly world: World,
    readonly label: string,
  ) {
    this.traceSeq = lastTrace(world)?.seq ?? 0;
  }

  snapshot(positions: Positions): HostMessage[] {
    this.model = buildViewModel(this.world);
    const out: HostMessage[] = [{ v: PROTOCOL_VERSION, type: 'snapshot', world: this.label, model: this.model, positions }];
    const recorded = lastTrace(this.world);
    if (recorded) out.push({ v: PROTOCOL_VERSION, type: 'trace', trace: toViewTrace(this.world, recorded) });
    return out;
  }

  /** After a command: the delta (if the view changed) and the trace (if a packet was sent). */
  changes(): HostMessage[] {
    const out: HostMessage[] = [];
    if (this.model) {
      const next = buildViewModel(this.world);
      const delta = diffViewModels(this.model, next);
      this.model = next;
      if (!isEmptyDelta(delta)) out.push({ v: PROTOCOL_VERSION, type: 'delta', delta });
    }
    const recorded = lastTrace(this.world);
    if (recorded && recorded.seq !== this.traceSeq) {
      this.traceSeq = recorded.seq;
      out.push({ v: PROTOCOL_VERSION, type: 'trace', trace: toViewTrace(this.world, recorded) });
    }
    return out;
  }

  /**
   * The capture of the world's last trace; `seq`: the trace the webview showed, refused when a
   * newer one has replaced it since (the learner would get other packets than they saw).
   */
  static captureOf(world: World, seq?: number): TraceExport {
    const recorded = lastTrace(world);
    if (!recorded) return { ok: false, reason: 'No packet trace yet: run ping, curl, nc or traceroute first.' };
    if (seq !== undefined && seq !== recorded.seq) return { ok: false, reason: `The trace shown is no longer the last one (it is now "${recorded.label}"): export again.` };
    const capture = traceCapture(world, recorded);
    if (!capture) return { ok: false, reason: `"${recorded.label}" put no frame on a wire: there is nothing to export.` };
    return { ok: true, capture, label: recorded.label };
  }
}
