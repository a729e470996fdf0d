/**
 * "Vethlab: Show Topology": one webview panel that follows the active world (src/host/worlds.ts).
 * It listens to world changes (never polls), sends snapshots, deltas and traces, and acts only
 * on validated webview messages (select, positions, exportSvg, exportPng, exportPcap, error). It is also the panel's
 * WebviewPanelSerializer: after a window reload VS Code hands the restored panel back here.
 */
import * as vscode from 'vscode';
import { PROTOCOL_VERSION, type HostMessage, type Positions, type WebviewMessage } from '../../protocol/messages';
import { validateWebviewMessage } from '../../protocol/validate';
import { onWorldSettled } from '../world-changes';
import type { WorldEntry, WorldRegistry } from '../worlds';
import { engine } from '../lazy-engine';
import { makeNonce, topologyHtml } from './html';

const POSITIONS_KEY = 'vethlab.topology.positions';
export const TOPOLOGY_VIEW_TYPE = 'vethlab.topology';

export class TopologyPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private worldSub: { dispose(): void } | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** Ids the webview selected last (for "Show in topology" round trips). */
  selected: string | undefined;
  private pendingReveal: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly worlds: WorldRegistry,
  ) {
    const sub = worlds.onDidChangeActive((entry) => this.follow(entry));
    this.subs.push({ dispose: () => sub.dispose() });
  }

  show(): void {
    if (this.panel) return this.panel.reveal(vscode.ViewColumn.Beside, true);
    const panel = vscode.window.createWebviewPanel(TOPOLOGY_VIEW_TYPE, 'Vethlab Topology', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...this.webviewOptions(),
      retainContextWhenHidden: true,
    });
    this.adopt(panel);
  }

  /** A panel VS Code restored after a reload: it gets fresh HTML and asks for a snapshot when ready. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
    if (this.panel) {
      // Only one topology panel: a second restored one (two windows' state) is closed.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist'), vscode.Uri.joinPath(this.context.extensionUri, 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    const asUri = (...path: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    const random = new Uint32Array(32);
    crypto.getRandomValues(random);
    let i = 0;
    panel.webview.html = topologyHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(() => random[i++ % 32]!), scriptUri: asUri('dist', 'webview', 'main.js'), styleUri: asUri('media', 'topology.css') });
    panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data), undefined, this.subs);
    panel.onDidDispose(() => this.closed(), undefined, this.subs);
    this.panel = panel;
  }

  /** Selects and reveals an object (`if:7`, `ns:3`) in the panel, opening it if needed. */
  reveal(id: string): void {
    const opening = !this.panel;
    this.show();
    // A new panel's webview is not listening yet: the reveal follows its first snapshot.
    if (opening) this.pendingReveal = id;
    else this.post({ v: PROTOCOL_VERSION, type: 'reveal', id });
  }

  dispose(): void {
    this.worldSub?.dispose();
    this.panel?.dispose();
    for (const d of this.subs) d.dispose();
  }

  private follow(entry: WorldEntry | undefined): void {
    this.worldSub?.dispose();
    this.worldSub = undefined;
    // A closed panel watches nothing; the webview's `ready` starts following again.
    if (!this.panel) return;
    if (!entry) {
      this.post({ v: PROTOCOL_VERSION, type: 'empty', reason: 'No world yet: open a Vethlab terminal or a lab.' });
      return;
    }
    const feed = new (engine().TopologyFeed)(entry.world, entry.label);
    this.worldSub = onWorldSettled(entry.world, () => this.send(feed.changes()));
    this.send(feed.snapshot(this.savedPositions(entry.label)));
  }

  private receive(data: unknown): void {
    const checked = validateWebviewMessage(data);
    if (!checked.ok) {
      console.warn(`Vethlab topology: ignored a malformed message (${checked.error})`);
      return;
    }
    this.handle(checked.value);
  }

  private handle(msg: WebviewMessage): void {
    switch (msg.type) {
      case 'ready': {
        this.follow(this.worlds.active);
        const id = this.pendingReveal;
        this.pendingReveal = undefined;
        if (id) this.post({ v: PROTOCOL_VERSION, type: 'reveal', id });
        return;
      }
      case 'select':
        this.selected = msg.id;
        return;
      case 'positions': {
        const all = this.context.workspaceState.get<Record<string, Positions>>(POSITIONS_KEY, {});
        void this.context.workspaceState.update(POSITIONS_KEY, { ...all, [msg.world]: msg.positions });
        return;
      }
      case 'exportSvg':
        void this.save('SVG', 'svg', new TextEncoder().encode(msg.svg));
        return;
      case 'exportPng':
        void this.save('PNG', 'png', Uint8Array.from(atob(msg.png), (c) => c.charCodeAt(0)));
        return;
      case 'exportPcap':
        void this.exportTracePcap(msg.seq);
        return;
      case 'error':
        console.error(`Vethlab topology webview: ${msg.message}`);
        return;
    }
  }

  private async save(kind: string, ext: string, bytes: Uint8Array): Promise<void> {
    const target = await vscode.window.showSaveDialog({ filters: { [kind]: [ext] }, saveLabel: 'Export topology' });
    if (target) await vscode.workspace.fs.writeFile(target, bytes);
  }

  /**
   * "Export Trace as pcap": the frames of the active world's last trace (the one the panel
   * animates; `seq` when the webview asked for the one it shows) as a pcapng file. Only
   * showSaveDialog and workspace.fs, so it works in the web extension too.
   */
  async exportTracePcap(seq?: number): Promise<void> {
    const entry = this.worlds.active;
    if (!entry) return void vscode.window.showInformationMessage('Vethlab: No world yet: open a Vethlab terminal or a lab.');
    const found = engine().TopologyFeed.captureOf(entry.world, seq);
    if (!found.ok) return void vscode.window.showInformationMessage(`Vethlab: ${found.reason}`);
    const { capture } = found;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, capture.fileName) } : {}),
      filters: { 'pcapng capture': ['pcapng'] },
      saveLabel: 'Export trace',
      title: `Export the packets of "${found.label}"`,
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, capture.bytes);
    } catch (err) {
      return void vscode.window.showErrorMessage(`Vethlab: could not save the capture: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (capture.lost > 0) void vscode.window.showWarningMessage(`Vethlab: saved the first ${capture.frames} frames of "${found.label}"; ${capture.lost} more were not kept.`);
  }

  private savedPositions(label: string): Positions {
    return this.context.workspaceState.get<Record<string, Positions>>(POSITIONS_KEY, {})[label] ?? {};
  }

  private send(messages: HostMessage[]): void {
    for (const m of messages) this.post(m);
  }

  private post(msg: HostMessage): void {
    void this.panel?.webview.postMessage(msg);
  }

  private closed(): void {
    this.panel = undefined;
    this.worldSub?.dispose();
    this.worldSub = undefined;
  }
}
