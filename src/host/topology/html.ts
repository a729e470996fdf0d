/**
 * The topology panel's HTML: CSP default-src 'none', the script only with a nonce, styles
 * and script from the extension's own dist/ and media/ (asWebviewUri), nothing remote. Pure,
 * so the CSP is unit tested and the headless browser test loads the same page.
 */

export interface TopologyPage {
  /** webview.cspSource: the origin the webview's own resources come from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function topologyHtml(page: TopologyPage): string {
  const csp = [`default-src 'none'`, `img-src ${page.cspSource} data:`, `style-src ${page.cspSource}`, `font-src ${page.cspSource}`, `script-src 'nonce-${page.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(page.styleUri)}">
<title>Vethlab topology</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Topology">
  <vscode-button id="fit" title="Fit the whole network in view (f)">Fit</vscode-button>
  <vscode-button id="zoom-in" secondary title="Zoom in (+)" aria-label="Zoom in">+</vscode-button>
  <vscode-button id="zoom-out" secondary title="Zoom out (-)" aria-label="Zoom out">&minus;</vscode-button>
  <vscode-button id="export-svg" secondary title="Save the drawing as SVG">Export SVG</vscode-button>
  <vscode-button id="export-png" secondary title="Save the drawing as PNG">Export PNG</vscode-button>
  <vscode-button id="export-pcap" secondary disabled title="Save the packets of the trace as a pcapng capture for Wireshark (no trace yet)">Export trace as pcap</vscode-button>
  <span id="world-label" aria-live="polite"></span>
</div>
<main>
  <div id="canvas">
    <svg id="topology" role="group" aria-label="Network topology: namespaces, interfaces, bridges and the links between them" tabindex="0"></svg>
    <div id="empty" hidden></div>
  </div>
  <aside aria-label="Details and packet trace">
    <section id="details" aria-live="polite"><p>Select a box to see its details.</p></section>
    <section aria-label="Packet trace">
      <h2 id="trace-title">Packet trace</h2>
      <div class="trace-controls">
        <vscode-button id="trace-back" secondary title="Previous event (,)">Back</vscode-button>
        <vscode-button id="trace-step" title="Next event (.)">Step</vscode-button>
      </div>
      <p id="trace-status" aria-live="polite">No packet trace yet: run ping.</p>
      <ol id="trace-events" aria-label="Packet events"></ol>
    </section>
  </aside>
</main>
<script nonce="${page.nonce}" src="${escapeAttr(page.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 characters from [A-Za-z0-9], from a source of random 32-bit numbers (crypto in the host). */
export function makeNonce(random: () => number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[random() % chars.length];
  return out;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
