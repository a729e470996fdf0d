/**
 * Messages between the extension host and the topology webview: one versioned discriminated
 * union per direction. The webview sends `ready`; the host answers with a full `snapshot`,
 * then a `delta` per world change and a `trace` per packet walk. Exports: the webview sends the
 * drawing (SVG, PNG); for a capture it names the trace and the host writes the frames it keeps.
 */
import type { ViewDelta, ViewModel, ViewTrace } from './view-model';

export const PROTOCOL_VERSION = 1;

/** Saved layout: node id -> [x, y] (pinned nodes are marked with `pinned`). */
export interface Positions {
  [id: string]: { x: number; y: number; pinned?: boolean };
}

export type HostMessage =
  | { v: typeof PROTOCOL_VERSION; type: 'snapshot'; world: string; model: ViewModel; positions: Positions }
  | { v: typeof PROTOCOL_VERSION; type: 'delta'; delta: ViewDelta }
  | { v: typeof PROTOCOL_VERSION; type: 'trace'; trace: ViewTrace }
  | { v: typeof PROTOCOL_VERSION; type: 'reveal'; id: string }
  /** No world is active (no terminal or lab open). */
  | { v: typeof PROTOCOL_VERSION; type: 'empty'; reason: string };

export type WebviewMessage =
  | { v: typeof PROTOCOL_VERSION; type: 'ready' }
  | { v: typeof PROTOCOL_VERSION; type: 'select'; id: string }
  | { v: typeof PROTOCOL_VERSION; type: 'positions'; world: string; positions: Positions }
  | { v: typeof PROTOCOL_VERSION; type: 'exportSvg'; svg: string }
  /** A PNG as base64 (no data: prefix). */
  | { v: typeof PROTOCOL_VERSION; type: 'exportPng'; png: string }
  /** Save the frames of the trace the view shows (its `seq`) as a capture file: the host has the frames. */
  | { v: typeof PROTOCOL_VERSION; type: 'exportPcap'; seq: number }
  | { v: typeof PROTOCOL_VERSION; type: 'error'; message: string };

export type HostMessageType = HostMessage['type'];
export type WebviewMessageType = WebviewMessage['type'];
