/**
 * What the topology panel sends for a world, without VS Code: a snapshot when asked, then a
 * delta after each command that changed the view, and each new packet trace. Pure, tested.
 */
import type { World } from '../../engine/world';
import { buildViewModel, diffViewModels, lastTrace, toViewTrace } from '../../engine/view';
import { PROTOCOL_VERSION, type HostMessage, type Positions } from '../../protocol/messages';
import { isEmptyDelta, type ViewModel } from '../../protocol/view-model';

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
}
