/**
 * "Vethlab: Export Trace as pcap" with a fake VS Code API: the command and the webview's button
 * save the active world's last trace through showSaveDialog + workspace.fs.writeFile, and say
 * why when there is nothing to save.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fakeVscode, installFakeVscode, releaseFakeVscode } from './host-fake-vscode';
import { WorldRegistry } from '../../src/host/worlds';
import { LineHistory } from '../../src/host/terminal/line-editor';
import { topologyHtml } from '../../src/host/topology/html';
import { lastTrace, traceCapture } from '../../src/engine/view';
import { bareShell, RED_ON_HOST } from './helpers';
import { readPcapng } from './pcapng-reader';

type Uri = { path: string };

function setup() {
  const fake = fakeVscode();
  installFakeVscode(fake.api);
  const { registerNetworkViews } = require('../../src/host/topology/register') as typeof import('../../src/host/topology/register');
  const worlds = new WorldRegistry();
  registerNetworkViews(fake.context as never, worlds, new LineHistory());
  const dialogs: Array<Record<string, unknown>> = [];
  const saved: Array<{ uri: Uri; bytes: Uint8Array }> = [];
  const messages: string[] = [];
  let answer: Uri | undefined = fake.uri('/ws/ping.pcapng');
  const window = fake.api.window as Record<string, unknown>;
  window.showSaveDialog = async (options: Record<string, unknown>) => (dialogs.push(options), answer);
  window.showInformationMessage = async (m: string) => void messages.push(`info: ${m}`);
  window.showWarningMessage = async (m: string) => void messages.push(`warning: ${m}`);
  window.showErrorMessage = async (m: string) => void messages.push(`error: ${m}`);
  (fake.api.workspace.fs as Record<string, unknown>).writeFile = async (uri: Uri, bytes: Uint8Array) => void saved.push({ uri, bytes });
  const exportCommand = () => fake.commands.get('vethlab.exportTracePcap')!() as Promise<void>;
  return { fake, worlds, dialogs, saved, messages, exportCommand, answer: (u: Uri | undefined) => (answer = u) };
}

function pingedWorld() {
  const shell = bareShell();
  for (const l of [...RED_ON_HOST, 'ip netns exec red ping -c 1 10.0.0.1']) shell.run(l);
  return shell;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Export Trace as pcap (fake vscode)', () => {
  after(releaseFakeVscode);

  it('the command saves the last trace of the active world as the pcapng bytes of its frames', async () => {
    const s = setup();
    const shell = pingedWorld();
    s.worlds.register(shell.world, 'terminal 1 (bare)');
    await s.exportCommand();
    assert.equal(s.dialogs.length, 1);
    assert.deepEqual(s.dialogs[0]!.filters, { 'pcapng capture': ['pcapng'] });
    assert.equal(s.dialogs[0]!.title, 'Export the packets of "ping 10.0.0.1"');
    assert.equal(s.saved.length, 1);
    assert.equal(s.saved[0]!.uri.path, '/ws/ping.pcapng');
    const expected = traceCapture(shell.world, lastTrace(shell.world)!)!.bytes;
    assert.deepEqual(s.saved[0]!.bytes, expected);
    const file = readPcapng(s.saved[0]!.bytes);
    assert.equal(file.packets.length, 8);
    assert.deepEqual(file.interfaces.map((i) => i.name), ['veth-red', 'veth-host']);
    assert.deepEqual(s.messages, []);
  });

  it('proposes the file name of the trace in the first workspace folder', async () => {
    const s = setup();
    (s.fake.api.workspace as Record<string, unknown>).workspaceFolders = [{ uri: s.fake.uri('/ws') }];
    try {
      s.worlds.register(pingedWorld().world, 'terminal 1 (bare)');
      await s.exportCommand();
      assert.equal((s.dialogs[0]!.defaultUri as Uri).path, '/ws/ping-10.0.0.1.pcapng');
    } finally {
      delete (s.fake.api.workspace as Record<string, unknown>).workspaceFolders;
    }
  });

  it('the webview button asks for the trace it shows (by seq); the host writes it, a stale seq is refused', async () => {
    const s = setup();
    const shell = pingedWorld();
    s.worlds.register(shell.world, 'lab 02-veth.lab.md');
    await s.fake.commands.get('vethlab.showTopology')!();
    const webview = s.fake.panels[0]!.webview;
    webview.receive({ v: 1, type: 'ready' });
    const trace = (webview.posted as Array<{ type: string; trace?: { seq: number; frames: number } }>).find((m) => m.type === 'trace')!.trace!;
    assert.equal(trace.frames, 8);
    webview.receive({ v: 1, type: 'exportPcap', seq: trace.seq });
    await settle();
    assert.equal(s.saved.length, 1);
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    webview.receive({ v: 1, type: 'exportPcap', seq: trace.seq });
    await settle();
    assert.equal(s.saved.length, 1);
    assert.deepEqual(s.messages, ['info: Vethlab: The trace shown is no longer the last one (it is now "ping 10.0.0.1"): export again.']);
    // Untrusted input: a message carrying its own bytes is dropped before anything runs.
    webview.receive({ v: 1, type: 'exportPcap', seq: trace.seq + 1, bytes: 'AAAA' });
    await settle();
    assert.equal(s.dialogs.length, 1);
  });

  it('says why there is nothing to save: no world, no trace, a trace that never reached a wire; a cancelled dialog writes nothing', async () => {
    const s = setup();
    await s.exportCommand();
    const shell = bareShell();
    for (const l of RED_ON_HOST) shell.run(l);
    s.worlds.register(shell.world, 'terminal 2 (bare)');
    await s.exportCommand();
    shell.run('ip link set veth-host down');
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    await s.exportCommand();
    assert.deepEqual(s.messages, [
      'info: Vethlab: No world yet: open a Vethlab terminal or a lab.',
      'info: Vethlab: No packet trace yet: run ping, curl, nc or traceroute first.',
      'info: Vethlab: "ping 10.0.0.1" put no frame on a wire: there is nothing to export.',
    ]);
    shell.run('ip link set veth-host up');
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    s.answer(undefined);
    await s.exportCommand();
    assert.equal(s.dialogs.length, 1);
    assert.equal(s.saved.length, 0);
  });

  it('a write the file system refuses is reported, not thrown', async () => {
    const s = setup();
    s.worlds.register(pingedWorld().world, 'terminal 3 (bare)');
    (s.fake.api.workspace.fs as Record<string, unknown>).writeFile = async () => {
      throw new Error('EROFS: read-only file system');
    };
    await s.exportCommand();
    assert.deepEqual(s.messages, ['error: Vethlab: could not save the capture: EROFS: read-only file system']);
  });
});

describe('Export Trace as pcap: where it is offered', () => {
  it('a toolbar button next to Export SVG/PNG, disabled until a trace with frames arrives', () => {
    const html = topologyHtml({ cspSource: 'vscode-webview://x', nonce: 'n', scriptUri: 's.js', styleUri: 's.css' });
    assert.match(html, /id="export-png"[^\n]*\n\s*<vscode-button id="export-pcap" secondary disabled [^>]*>Export trace as pcap</);
  });

  it('package.json contributes the command, in the topology panel title and its context menu (only with a trace)', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('../../package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string; when?: string }>> } };
    assert.deepEqual(
      pkg.contributes.commands.filter((c) => c.command === 'vethlab.exportTracePcap').map((c) => c.title),
      ['Export Trace as pcap'],
    );
    assert.deepEqual(pkg.contributes.menus['editor/title']!.find((m) => m.command === 'vethlab.exportTracePcap')?.when, "activeWebviewPanelId == 'vethlab.topology'");
    assert.deepEqual(pkg.contributes.menus['webview/context']!.find((m) => m.command === 'vethlab.exportTracePcap')?.when, "webviewId == 'vethlab.topology' && vethlabTraceFrames");
  });
});
