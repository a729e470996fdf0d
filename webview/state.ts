/**
 * The webview's copy of the view model, with a position per node. Pure (no DOM), so the
 * layout rules are unit tested: a node that exists keeps its place across deltas; a new node
 * starts next to its parent box (or the node it is wired to), never on top of the origin.
 */
import type { Positions } from '../src/protocol/messages';
import type { ViewDelta, ViewEdge, ViewModel, ViewNode } from '../src/protocol/view-model';

export interface PlacedNode extends ViewNode {
  x: number;
  y: number;
  /** Fixed position (d3-force's fx/fy): pinned by a drag, or settled after a layout. */
  fx?: number | null;
  fy?: number | null;
  pinned: boolean;
}

export interface PlacedEdge extends ViewEdge {}

/** Parent -> child spacing: interfaces hug their namespace, namespaces their host. */
const RING: Record<string, number> = { interface: 60, bridge: 60, netns: 140, container: 140, host: 260 };
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export class TopologyState {
  readonly nodes = new Map<string, PlacedNode>();
  readonly edges = new Map<string, PlacedEdge>();
  world = '';
  private placed = 0;
  /** Children placed around each anchor so far: the next one goes further out (a sunflower, no pile-up). */
  private readonly around = new Map<string, number>();

  snapshot(world: string, model: ViewModel, saved: Positions): void {
    const kept = this.world === world ? this.positions() : {};
    this.world = world;
    this.nodes.clear();
    this.edges.clear();
    this.placed = 0;
    this.around.clear();
    const known = { ...kept, ...saved };
    for (const node of model.nodes) this.addNode(node, known[node.id]);
    for (const edge of model.edges) this.edges.set(edge.id, { ...edge });
  }

  /** Applies a delta; returns the ids of new nodes (the only ones the layout may move). */
  apply(delta: ViewDelta): string[] {
    for (const id of delta.removedNodes) this.nodes.delete(id);
    for (const id of delta.removedEdges) this.edges.delete(id);
    for (const node of delta.updatedNodes) {
      const was = this.nodes.get(node.id);
      if (was) Object.assign(was, node);
      else this.addNode(node, undefined);
    }
    for (const edge of [...delta.addedEdges, ...delta.updatedEdges]) this.edges.set(edge.id, { ...edge });
    const added: string[] = [];
    for (const node of delta.addedNodes) {
      this.addNode(node, undefined, delta.addedEdges);
      added.push(node.id);
    }
    return added;
  }

  positions(): Positions {
    const out: Positions = {};
    for (const n of this.nodes.values()) out[n.id] = n.pinned ? { x: round(n.x), y: round(n.y), pinned: true } : { x: round(n.x), y: round(n.y) };
    return out;
  }

  private addNode(node: ViewNode, saved: Positions[string] | undefined, edges: ViewEdge[] = []): void {
    const at = saved ?? this.placeNear(node, edges);
    const pinned = saved?.pinned === true;
    const placed: PlacedNode = { ...node, x: at.x, y: at.y, pinned };
    if (pinned) Object.assign(placed, { fx: at.x, fy: at.y });
    this.nodes.set(node.id, placed);
  }

  /** Next to the parent, or to a wired neighbour, or on a spiral around the origin for top-level boxes. */
  private placeNear(node: ViewNode, edges: ViewEdge[]): { x: number; y: number } {
    const i = this.placed++;
    const angle = i * GOLDEN_ANGLE;
    const anchor = this.anchorOf(node, edges);
    if (anchor) {
      const k = this.around.get(anchor.id) ?? 0;
      this.around.set(anchor.id, k + 1);
      const r = (RING[node.kind] ?? 80) + 45 * Math.sqrt(k);
      const a = k * GOLDEN_ANGLE + i * 0.01;
      return { x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) };
    }
    const r = 120 * Math.sqrt(i + 1);
    return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
  }

  private anchorOf(node: ViewNode, edges: ViewEdge[]): PlacedNode | undefined {
    const parent = node.parent === null ? undefined : this.nodes.get(node.parent);
    if (parent) return parent;
    for (const e of [...edges, ...this.edges.values()]) {
      const other = e.source === node.id ? e.target : e.target === node.id ? e.source : null;
      const placed = other === null ? undefined : this.nodes.get(other);
      if (placed) return placed;
    }
    return undefined;
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
