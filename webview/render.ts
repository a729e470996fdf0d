/**
 * The SVG drawing: d3 data joins keyed by stable ids (update only what changed), a force
 * layout in which nodes that already have a place keep it, zoom/pan/fit and drag to pin.
 */
import { select, type Selection } from 'd3-selection';
import { forceCollide, forceLink, forceManyBody, forceSimulation, type Simulation, type SimulationLinkDatum } from 'd3-force';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { drag } from 'd3-drag';
import 'd3-transition';
import type { PlacedEdge, PlacedNode, TopologyState } from './state';
import { ariaLabel, isBox, shownAddresses, sizeOf } from './shapes';

interface Wire extends SimulationLinkDatum<PlacedNode> {
  id: string;
  kind: string;
  state: string;
  member: boolean;
}

export interface ViewEvents {
  select(id: string): void;
  /** The layout settled or a node was dragged: positions worth saving. */
  moved(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Up to this many nodes the layout runs to the end before the first paint. */
const SYNC_LAYOUT_MAX = 250;

export class TopologyView {
  private readonly layer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly wireLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>;
  /** Drawn above the nodes (the packet dot). */
  readonly overlay: SVGGElement;
  private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly simulation: Simulation<PlacedNode, Wire>;
  private wires: Wire[] = [];
  /** Ids already given their classes and text (a delta redraws only what it touched). */
  private readonly nodeDrawn = new Set<string>();
  private readonly wireDrawn = new Set<string>();
  selected: string | null = null;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly state: TopologyState,
    private readonly events: ViewEvents,
  ) {
    const root = select(svg);
    this.layer = root.append('g').attr('class', 'layer');
    this.wireLayer = this.layer.append('g').attr('class', 'wires');
    this.nodeLayer = this.layer.append('g').attr('class', 'nodes').attr('role', 'list');
    this.overlay = this.layer.append('g').attr('class', 'overlay').node()!;
    this.zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (e) => this.layer.attr('transform', e.transform.toString()));
    root.call(this.zoomer).on('dblclick.zoom', null);
    this.simulation = forceSimulation<PlacedNode, Wire>()
      .force('charge', forceManyBody<PlacedNode>().strength(-160).distanceMax(600))
      .force('collide', forceCollide<PlacedNode>((d) => sizeOf(d).w / 2 + 6))
      .force(
        'link',
        forceLink<PlacedNode, Wire>()
          .id((d) => d.id)
          .distance((w) => (w.member ? 70 : 120))
          .strength((w) => (w.member ? 0.9 : 0.3)),
      )
      .on('tick', () => this.place())
      .on('end', () => this.settle())
      .stop();
  }

  /** Full redraw after a snapshot: lays out nodes without a saved place, synchronously. */
  drawAll(): void {
    const free = [...this.state.nodes.values()].filter((n) => n.fx == null);
    this.join(null);
    if (free.length && this.state.nodes.size <= SYNC_LAYOUT_MAX) {
      this.simulation.alpha(1).tick(200);
      this.settle();
    }
    this.place();
    // A big world is drawn at once where its nodes start (next to their parents), then untangles over the next frames.
    if (free.length && this.state.nodes.size > SYNC_LAYOUT_MAX) this.simulation.alpha(0.5).restart();
  }

  /** After a delta: joins the changes; new nodes drift into place around the fixed old ones. */
  update(added: string[], touched: Set<string>, structural: boolean): void {
    // Only states and addresses changed (most commands): redraw just those elements.
    if (!structural) return this.redraw(touched);
    this.join(touched);
    if (added.length) {
      this.place();
      this.simulation.alpha(0.6).restart();
    }
  }

  private redraw(touched: Set<string>): void {
    for (const id of touched) {
      const node = this.state.nodes.get(id);
      const g = node && this.nodeElement(id);
      if (node && g) {
        g.setAttribute('class', nodeClass(node, this.selected));
        g.setAttribute('aria-label', ariaLabel(node));
        drawNode(g, node);
      }
      const edge = this.state.edges.get(id);
      const line = edge && this.wireLayer.select<SVGLineElement>(`line[data-id="${CSS.escape(id)}"]`).node();
      if (edge && line) {
        const wire = this.wires.find((w) => w.id === id);
        if (wire) wire.state = edge.state;
        line.setAttribute('class', `wire kind-${edge.kind} state-${edge.state}`);
      }
    }
  }

  fit(animate = true): void {
    const nodes = [...this.state.nodes.values()];
    const box = this.svg.getBoundingClientRect();
    if (!nodes.length || !box.width) return;
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs) - 80, Math.max(...xs) + 80, Math.min(...ys) - 50, Math.max(...ys) + 50];
    const k = Math.min(2, 0.95 / Math.max((x1 - x0) / box.width, (y1 - y0) / box.height));
    const t = zoomIdentity.translate(box.width / 2, box.height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    const root = select(this.svg);
    if (animate) root.transition().duration(300).call(this.zoomer.transform, t);
    else root.call(this.zoomer.transform, t);
  }

  zoomBy(factor: number): void {
    select(this.svg).transition().duration(150).call(this.zoomer.scaleBy, factor);
  }

  select(id: string | null, focus = false): void {
    this.selected = id;
    this.nodeLayer.selectAll<SVGGElement, PlacedNode>('g.node').classed('selected', (d) => d.id === id).attr('aria-selected', (d) => String(d.id === id));
    if (id && focus) (this.nodeLayer.select<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`).node() as SVGGElement | null)?.focus();
  }

  nodeElement(id: string): SVGGElement | null {
    return this.nodeLayer.select<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`).node();
  }

  /** Fixes every node where it is: later deltas move only new nodes. */
  private settle(): void {
    for (const n of this.state.nodes.values()) {
      n.fx = n.x;
      n.fy = n.y;
    }
    this.events.moved();
  }

  /** `touched`: ids of the nodes and edges whose drawing changed (null: all of them). */
  private join(touched: Set<string> | null): void {
    const nodes = [...this.state.nodes.values()];
    this.wires = [...this.state.edges.values()].filter((e) => this.state.nodes.has(e.source) && this.state.nodes.has(e.target)).map((e) => wireOf(e));
    for (const n of nodes) if (n.parent !== null && this.state.nodes.has(n.parent)) this.wires.push({ id: `member:${n.id}`, kind: 'member', state: 'up', member: true, source: n.id, target: n.parent });
    this.simulation.nodes(nodes);
    this.simulation.force<ReturnType<typeof forceLink<PlacedNode, Wire>>>('link')!.links(this.wires);
    this.joinWires(touched);
    this.joinNodes(nodes, touched);
  }

  private joinWires(touched: Set<string> | null): void {
    this.wireLayer
      .selectAll<SVGLineElement, Wire>('line')
      .data(this.wires, (w) => w.id)
      .join(
        (enter) => enter.append('line').attr('data-id', (w) => w.id).call((s) => fadeIn(s, touched !== null)),
        (update) => update,
        (exit) => exit.transition().duration(200).style('opacity', 0).remove(),
      )
      .filter((w) => touched === null || touched.has(w.id) || !this.wireDrawn.has(w.id))
      .attr('class', (w) => {
        this.wireDrawn.add(w.id);
        return `wire kind-${w.kind} state-${w.state}`;
      });
  }

  private joinNodes(nodes: PlacedNode[], touched: Set<string> | null): void {
    const view = this;
    this.nodeLayer
      .selectAll<SVGGElement, PlacedNode>('g.node')
      .data(nodes, (d) => d.id)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('data-id', (d) => d.id)
            .attr('tabindex', 0)
            .attr('role', 'listitem')
            .on('click', (_e, d) => this.events.select(d.id))
            .on('keydown', (e: KeyboardEvent, d) => this.onKey(e, d))
            .call(
              drag<SVGGElement, PlacedNode>()
                .on('start', (_e, d) => {
                  d.fx = d.x;
                  d.fy = d.y;
                })
                .on('drag', (e, d) => {
                  d.fx = d.x = e.x;
                  d.fy = d.y = e.y;
                  view.place();
                })
                .on('end', (_e, d) => {
                  d.pinned = true;
                  view.events.moved();
                }),
            );
          g.append('rect').attr('rx', (d) => (isBox(d) ? 6 : 12));
          g.append('text').attr('class', 'label');
          g.append('text').attr('class', 'addresses');
          fadeIn(g, touched !== null);
          return g;
        },
        (update) => update,
        (exit) => exit.transition().duration(200).style('opacity', 0).remove(),
      )
      .filter((d) => touched === null || touched.has(d.id) || !this.nodeDrawn.has(d.id))
      .attr('class', (d) => {
        this.nodeDrawn.add(d.id);
        return nodeClass(d, this.selected);
      })
      .attr('aria-label', ariaLabel)
      .each(function (d) {
        drawNode(this, d);
      });
  }

  private onKey(e: KeyboardEvent, d: PlacedNode): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.events.select(d.id);
      return;
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const ids = [...this.state.nodes.keys()];
    const next = ids[(ids.indexOf(d.id) + step + ids.length) % ids.length];
    if (next) this.nodeElement(next)?.focus();
  }

  place(): void {
    this.nodeLayer.selectAll<SVGGElement, PlacedNode>('g.node').attr('transform', (d) => `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`);
    this.wireLayer
      .selectAll<SVGLineElement, Wire>('line')
      .attr('x1', (w) => end(w.source).x)
      .attr('y1', (w) => end(w.source).y)
      .attr('x2', (w) => end(w.target).x)
      .attr('y2', (w) => end(w.target).y);
  }
}

/** New objects fade in after a delta; a snapshot is drawn at once (a thousand transitions cost a frame). */
function fadeIn<E extends SVGElement, D>(s: Selection<E, D, SVGGElement, unknown>, animate: boolean): void {
  if (animate) s.style('opacity', 0).transition().duration(250).style('opacity', 1);
}

function end(n: Wire['source']): { x: number; y: number } {
  return typeof n === 'object' ? { x: n.x ?? 0, y: n.y ?? 0 } : { x: 0, y: 0 };
}

function wireOf(e: PlacedEdge): Wire {
  return { id: e.id, kind: e.kind, state: e.state, member: false, source: e.source, target: e.target };
}

function nodeClass(d: PlacedNode, selected: string | null): string {
  const empty = (d.kind === 'interface' || d.kind === 'bridge') && d.addresses.length === 0 ? ' no-address' : '';
  return `node kind-${d.kind} state-${d.state}${empty}${d.pinned ? ' pinned' : ''}${d.id === selected ? ' selected' : ''}`;
}

/** Sizes the box and writes its name and addresses (only when they changed). */
function drawNode(g: SVGGElement, d: PlacedNode): void {
  const key = `${d.label}|${d.addresses.join(',')}|${d.kind}`;
  if (g.dataset.drawn === key) return;
  g.dataset.drawn = key;
  const { w, h } = sizeOf(d);
  const rect = g.querySelector('rect')!;
  rect.setAttribute('x', String(-w / 2));
  rect.setAttribute('y', String(-h / 2));
  rect.setAttribute('width', String(w));
  rect.setAttribute('height', String(h));
  const label = g.querySelector('text.label')!;
  label.setAttribute('y', String(-h / 2 + 14));
  label.textContent = d.label;
  const addrs = g.querySelector('text.addresses')!;
  addrs.textContent = '';
  shownAddresses(d).forEach((line, i) => {
    const t = document.createElementNS(SVG_NS, 'tspan');
    t.setAttribute('x', '0');
    t.setAttribute('y', String(-h / 2 + 27 + i * 13));
    t.textContent = line;
    addrs.appendChild(t);
  });
}
