/** The details pane: everything the view model knows about the selected object. */
import type { ViewNode } from '../src/protocol/view-model';

export function showDetails(pane: HTMLElement, node: ViewNode | undefined): void {
  pane.textContent = '';
  if (!node) {
    pane.appendChild(paragraph('Select a box to see its details.'));
    return;
  }
  const h = document.createElement('h2');
  h.textContent = node.label;
  pane.appendChild(h);
  const dl = document.createElement('dl');
  const rows: [string, string][] = [['kind', node.kind]];
  if (node.kind === 'interface' || node.kind === 'bridge') rows.push(['state', node.state]);
  for (const a of node.addresses) rows.push(['address', a]);
  rows.push(...node.details);
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  pane.appendChild(dl);
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
