/** How big each kind of box is drawn, and what a screen reader hears about it. Pure. */
import type { ViewNode } from '../src/protocol/view-model';

const CHAR = 6.6;
const LINE = 13;
const BOXES = new Set(['host', 'netns', 'router', 'internet', 'lan', 'container', 'docker-network']);

export function isBox(node: ViewNode): boolean {
  return BOXES.has(node.kind);
}

/** Address lines shown under the name (a long list is cut, the details pane has them all). */
export function shownAddresses(node: ViewNode): string[] {
  const list = node.addresses.slice(0, 3);
  if (node.addresses.length > 3) list.push(`+${node.addresses.length - 3} more`);
  if (!list.length && (node.kind === 'interface' || node.kind === 'bridge')) list.push('no address');
  return list;
}

export function sizeOf(node: ViewNode): { w: number; h: number } {
  const lines = shownAddresses(node);
  const longest = Math.max(node.label.length + 2, ...lines.map((l) => l.length));
  const w = Math.max(isBox(node) ? 96 : 72, Math.ceil(longest * CHAR) + 16);
  return { w, h: 20 + lines.length * LINE };
}

const KIND_WORDS: Record<string, string> = {
  host: 'host',
  netns: 'network namespace',
  interface: 'interface',
  bridge: 'bridge',
  router: 'LAN router',
  internet: 'internet',
  lan: 'LAN switch',
  container: 'container',
  'docker-network': 'Docker network',
};

export function ariaLabel(node: ViewNode): string {
  const addrs = node.addresses.length ? node.addresses.join(', ') : node.kind === 'interface' || node.kind === 'bridge' ? 'no address' : '';
  const state = node.kind === 'interface' || node.kind === 'bridge' ? `, ${node.state}` : '';
  return `${KIND_WORDS[node.kind] ?? node.kind} ${node.label}${state}${addrs ? `, ${addrs}` : ''}`;
}
