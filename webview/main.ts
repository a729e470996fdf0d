/**
 * The topology webview: receives a snapshot, then deltas and traces from the extension host
 * (src/protocol), draws them with d3 and reports selections, positions and exports back.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { PROTOCOL_VERSION, type HostMessage, type WebviewMessage } from '../src/protocol/messages';
import { TopologyState } from './state';
import { TopologyView } from './render';
import { TracePlayer } from './trace-player';
import { showDetails } from './details';
import { exportPng, exportSvg } from './export';
import { PcapExport } from './pcap-export';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const HOST_TYPES = new Set<string>(['snapshot', 'delta', 'trace', 'reveal', 'empty']);
const vscode = acquireVsCodeApi();
type Unversioned<T> = T extends unknown ? Omit<T, 'v'> : never;
const post = (m: Unversioned<WebviewMessage>) => vscode.postMessage({ v: PROTOCOL_VERSION, ...m } as WebviewMessage);
const byId = <T extends Element>(id: string) => document.getElementById(id) as unknown as T;

const svg = byId<SVGSVGElement>('topology');
const details = byId<HTMLElement>('details');
const state = new TopologyState();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const view = new TopologyView(svg, state, {
  select: (id) => selectNode(id),
  moved: () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => post({ type: 'positions', world: state.world, positions: state.positions() }), 500);
  },
});

const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
dot.setAttribute('r', '7');
dot.setAttribute('class', 'packet hidden');
view.overlay.appendChild(dot);
const player = new TracePlayer(state, {
  list: byId('trace-events'),
  title: byId('trace-title'),
  status: byId('trace-status'),
  dot,
  highlight: (nodeId, dropped) => {
    svg.querySelectorAll('g.node.trace-at').forEach((g) => g.classList.remove('trace-at', 'trace-drop'));
    const g = nodeId ? view.nodeElement(nodeId) : null;
    g?.classList.add('trace-at');
    if (dropped) g?.classList.add('trace-drop');
  },
});

const pcap = new PcapExport(byId('export-pcap'), (seq) => post({ type: 'exportPcap', seq }));

/** Timings of the last snapshot render and delta, for the benchmark and the headless test. */
export const timings = { render: 0, delta: 0 };

function selectNode(id: string | null, focus = false): void {
  view.select(id, focus);
  showDetails(details, id ? state.nodes.get(id) : undefined);
  if (id) post({ type: 'select', id });
}

function handle(msg: HostMessage): void {
  const t0 = performance.now();
  switch (msg.type) {
    case 'snapshot': {
      const first = state.nodes.size === 0 || state.world !== msg.world;
      state.snapshot(msg.world, msg.model, msg.positions);
      // The world's trace, if it has one, follows the snapshot.
      pcap.show(null);
      byId<HTMLElement>('world-label').textContent = msg.world;
      byId<HTMLElement>('empty').hidden = true;
      view.drawAll();
      if (first) view.fit(false);
      timings.render = performance.now() - t0;
      break;
    }
    case 'delta': {
      const d = msg.delta;
      // A node that moved to another box (ip link set X netns red) changes the membership wires too.
      const moved = d.updatedNodes.some((n) => state.nodes.get(n.id)?.parent !== n.parent);
      const added = state.apply(d);
      const structural = moved || added.length + d.removedNodes.length + d.addedEdges.length + d.removedEdges.length > 0;
      view.update(added, new Set([...d.updatedNodes.map((n) => n.id), ...d.updatedEdges.map((e) => e.id)]), structural);
      if (view.selected) showDetails(details, state.nodes.get(view.selected));
      timings.delta = performance.now() - t0;
      break;
    }
    case 'trace':
      player.load(msg.trace);
      player.step();
      pcap.show(msg.trace);
      break;
    case 'reveal':
      selectNode(msg.id, true);
      break;
    case 'empty': {
      const empty = byId<HTMLElement>('empty');
      empty.textContent = msg.reason;
      empty.hidden = false;
      pcap.show(null);
      break;
    }
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const data = e.data as { v?: unknown; type?: unknown } | null;
  if (!data || data.v !== PROTOCOL_VERSION || typeof data.type !== 'string' || !HOST_TYPES.has(data.type)) return;
  try {
    handle(data as HostMessage);
  } catch (err) {
    post({ type: 'error', message: String(err).slice(0, 1000) || 'error' });
  }
});

const actions: Record<string, () => void> = {
  fit: () => view.fit(),
  'zoom-in': () => view.zoomBy(1.3),
  'zoom-out': () => view.zoomBy(1 / 1.3),
  'export-svg': () => post({ type: 'exportSvg', svg: exportSvg(svg) }),
  'export-png': () => void exportPng(svg).then((png) => post({ type: 'exportPng', png }), (err) => post({ type: 'error', message: String(err) })),
  'export-pcap': () => pcap.run(),
  'trace-back': () => player.back(),
  'trace-step': () => player.step(),
};
for (const [id, run] of Object.entries(actions)) byId<HTMLElement>(id)?.addEventListener('click', run);
document.addEventListener('keydown', (e) => {
  if ((e.target as Element | null)?.closest?.('input, textarea')) return;
  if (e.key === 'f') view.fit();
  else if (e.key === '+' || e.key === '=') view.zoomBy(1.3);
  else if (e.key === '-') view.zoomBy(1 / 1.3);
  else if (e.key === '.') player.step();
  else if (e.key === ',') player.back();
  else if (e.key === 'Escape') selectNode(null);
});

(window as unknown as { vethlabTopology: unknown }).vethlabTopology = { state, view, player, pcap, timings };
post({ type: 'ready' });
