/**
 * A packet trace, hop by hop: step forward and back through the events (like a packet
 * tracer's simulation mode); the packet dot moves to the box of the current step, and a
 * dropped packet stops where it died with the reason.
 */
import type { ViewTrace } from '../src/protocol/view-model';
import type { TopologyState } from './state';

export interface TracePlayerParts {
  /** The list of events (an <ol>). */
  list: HTMLOListElement;
  title: HTMLElement;
  status: HTMLElement;
  /** The packet dot inside the zoomed layer. */
  dot: SVGCircleElement;
  highlight(nodeId: string | null, dropped: boolean): void;
}

/** Events a learner must not miss: where a packet died, where traceroute's probe ran out of TTL. */
const EVENT_PREFIX: Record<string, string> = { drop: 'DROPPED: ', ttl: 'TTL EXPIRED: ' };

export class TracePlayer {
  trace: ViewTrace | null = null;
  /** -1 before the first step. */
  at = -1;

  constructor(
    private readonly state: TopologyState,
    private readonly parts: TracePlayerParts,
  ) {}

  load(trace: ViewTrace): void {
    this.trace = trace;
    this.at = -1;
    const { list, title } = this.parts;
    title.textContent = `${trace.label}: ${trace.steps.length} events${trace.drop ? ', dropped' : ''}`;
    list.textContent = '';
    trace.steps.forEach((s, i) => {
      const li = document.createElement('li');
      li.className = `event kind-${s.kind}${trace.drop?.step === i ? ' drop' : ''}`;
      li.tabIndex = -1;
      li.textContent = `${s.where}: ${EVENT_PREFIX[s.kind] ?? ''}${s.detail}`;
      li.addEventListener('click', () => this.goTo(i));
      list.appendChild(li);
    });
    this.show();
  }

  /** Stops at the drop: stepping past where the packet died is not possible. */
  get last(): number {
    if (!this.trace) return -1;
    return this.trace.drop ? this.trace.drop.step : this.trace.steps.length - 1;
  }

  step(): void {
    this.goTo(Math.min(this.at + 1, this.last));
  }

  back(): void {
    this.goTo(Math.max(this.at - 1, -1));
  }

  goTo(i: number): void {
    if (!this.trace) return;
    this.at = Math.max(-1, Math.min(i, this.last));
    this.show();
  }

  private show(): void {
    const { list, status, dot, highlight } = this.parts;
    const trace = this.trace;
    list.querySelectorAll('li').forEach((li, i) => {
      li.classList.toggle('current', i === this.at);
      li.classList.toggle('past', i < this.at);
      li.setAttribute('aria-current', String(i === this.at));
    });
    const step = trace && this.at >= 0 ? trace.steps[this.at] : undefined;
    const dropped = !!trace?.drop && this.at === trace.drop.step;
    highlight(step?.nodeId ?? null, dropped);
    const node = step ? this.state.nodes.get(step.nodeId) : undefined;
    dot.classList.toggle('hidden', !node);
    dot.classList.toggle('dropped', dropped);
    if (node) {
      dot.setAttribute('cx', String(node.x));
      dot.setAttribute('cy', String(node.y - 18));
    }
    (list.children[this.at] as HTMLElement | undefined)?.scrollIntoView({ block: 'nearest' });
    if (!trace) status.textContent = 'No packet trace yet: run ping, curl, nc or traceroute.';
    else if (this.at < 0) status.textContent = `Step 0 of ${this.last + 1}`;
    else if (dropped) status.textContent = `Dropped: ${trace.drop!.reason}`;
    else if (step!.kind === 'ttl') status.textContent = `Step ${this.at + 1} of ${this.last + 1}: TTL expired in ${step!.where}`;
    else status.textContent = `Step ${this.at + 1} of ${this.last + 1}: ${step!.kind}`;
  }
}
