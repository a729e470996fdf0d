/**
 * What the topology view draws: kernel (and, later, Docker) objects as plain data keyed by
 * stable ids. Built from a world by src/engine/view, sent to the webview by src/host/topology.
 *
 * Ids are stable for the life of the object and say what it is: `host:3`, `ns:4`, `if:7`
 * (a link, by its world-unique id), `veth:7-9`, `cable:2-12`, `port:9`. Docker objects will
 * use `ctr:<id>` and `dnet:<id>` without changing the shapes below.
 */

/** Boxes the view draws. `router`, `internet` and `lan` are the hidden infrastructure of a world. */
export type NodeKind = 'host' | 'netns' | 'interface' | 'bridge' | 'router' | 'internet' | 'lan' | 'container' | 'docker-network';

/** At-a-glance state: `down` (admin down), `no-carrier` (up, peer down or unplugged), `up`, `unknown` (lo, a bridge without ports). */
export type NodeState = 'up' | 'down' | 'no-carrier' | 'unknown';

export interface ViewNode {
  id: string;
  kind: NodeKind;
  /** The box this node sits in (an interface's namespace, a namespace's host), or null. */
  parent: string | null;
  label: string;
  state: NodeState;
  /** CIDR addresses (interfaces), or the addresses an infrastructure node answers on. */
  addresses: string[];
  /** Short facts shown in the details pane, in order (name -> value). */
  details: [string, string][];
}

/**
 * Lines between nodes: a veth pair, a cable between NICs, a bridge port (interface -> its bridge),
 * a container's attachment to a Docker network, a VXLAN tunnel between two hosts' vxlan devices
 * of one overlay network (same VNI).
 */
export type EdgeKind = 'veth' | 'cable' | 'port' | 'attachment' | 'vxlan';

/** `detached` is a veth whose peer is gone or a cable left unplugged. */
export type EdgeState = 'up' | 'down' | 'detached';

export interface ViewEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  state: EdgeState;
}

export interface ViewModel {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

/** Only what changed between two view models, by id. */
export interface ViewDelta {
  addedNodes: ViewNode[];
  updatedNodes: ViewNode[];
  removedNodes: string[];
  addedEdges: ViewEdge[];
  updatedEdges: ViewEdge[];
  removedEdges: string[];
}

/** One step of a packet's walk, pinned to the node it happened at. */
export interface ViewTraceStep {
  nodeId: string;
  kind: string;
  /** Where it happened in words (`red`, `host`), for the event list. */
  where: string;
  detail: string;
}

export interface ViewTrace {
  /** Grows with each recorded trace, so the view knows a new one from the one it shows. */
  seq: number;
  label: string;
  steps: ViewTraceStep[];
  /** Where the first packet died: the index of the step it stopped at, and why. */
  drop: { step: number; nodeId: string; reason: string } | null;
  /** Frames the trace put on the wire (what "Export trace as pcap" would save; 0: nothing to export). */
  frames: number;
}

export function isEmptyDelta(delta: ViewDelta): boolean {
  return (
    delta.addedNodes.length + delta.updatedNodes.length + delta.removedNodes.length + delta.addedEdges.length + delta.updatedEdges.length + delta.removedEdges.length ===
    0
  );
}
