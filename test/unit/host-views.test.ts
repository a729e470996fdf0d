/** The network views' VS Code side with a fake API: the topology panel's serializer, reveal, positions per world; explorer commands. */
import assert from 'node:assert/strict';
import { fakeVscode, installFakeVscode, releaseFakeVscode } from './host-fake-vscode';
import { WorldRegistry } from '../../src/host/worlds';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LineHistory } from '../../src/host/terminal/line-editor';
import type { Row } from '../../src/host/tree/tree-model';

type Fake = ReturnType<typeof fakeVscode>;

function setup() {
  const fake = fakeVscode();
  installFakeVscode(fake.api);
  // Loaded after the fake is in place.
  const { registerNetworkViews } = require('../../src/host/topology/register') as typeof import('../../src/host/topology/register');
  const { TopologyPanel } = require('../../src/host/topology/panel') as typeof import('../../src/host/topology/panel');
  const worlds = new WorldRegistry();
  return { fake, worlds, registerNetworkViews, TopologyPanel };
}

const types = (fake: Fake, i = 0) => (fake.panels[i]!.webview.posted as Array<{ type: string }>).map((m) => m.type);

describe('topology panel (fake vscode)', () => {
  after(releaseFakeVscode);
  it('restores a panel after a window reload: fresh HTML with a nonce, then a snapshot of the active world when the webview is ready', async () => {
    const { fake, worlds, TopologyPanel } = setup();
    const { world } = createWorld('bare')!;
    worlds.register(world, 'lab 01-interfaces.lab.md');
    const panel = new TopologyPanel(fake.context as never, worlds);
    const restored = fake.api.window.createWebviewPanel('vethlab.topology');
    await panel.deserializeWebviewPanel(restored as never, undefined);
    assert.match(restored.webview.html, /script-src 'nonce-[^']+'/);
    assert.deepEqual((restored.webview.options as { enableScripts: boolean }).enableScripts, true);
    restored.webview.receive({ v: 1, type: 'ready' });
    assert.deepEqual(types(fake), ['snapshot']);
    assert.equal((restored.webview.posted[0] as { world: string }).world, 'lab 01-interfaces.lab.md');
    // show() reuses the restored panel instead of opening a second one.
    panel.show();
    assert.equal(fake.panels.length, 1);
    assert.equal(restored.revealed, 1);
  });

  it('a second restored panel is closed: there is one topology panel', async () => {
    const { fake, worlds, TopologyPanel } = setup();
    const panel = new TopologyPanel(fake.context as never, worlds);
    panel.show();
    const extra = fake.api.window.createWebviewPanel('vethlab.topology');
    await panel.deserializeWebviewPanel(extra as never, undefined);
    assert.equal(extra.disposed, true);
  });

  it('Show in topology on a closed panel opens it and reveals the object after the first snapshot', () => {
    const { fake, worlds, TopologyPanel } = setup();
    worlds.register(createWorld('bare')!.world, 'terminal 1 (bare)');
    const panel = new TopologyPanel(fake.context as never, worlds);
    panel.reveal('if:4');
    assert.deepEqual(types(fake), []);
    fake.panels[0]!.webview.receive({ v: 1, type: 'ready' });
    assert.deepEqual(types(fake), ['snapshot', 'reveal']);
    panel.reveal('ns:2');
    assert.deepEqual(types(fake), ['snapshot', 'reveal', 'reveal']);
  });

  it('follows the active world, and keeps positions per world label (workspaceState)', () => {
    const { fake, worlds, TopologyPanel } = setup();
    const lab = worlds.register(createWorld('bare')!.world, 'lab 05-bridge.lab.md');
    const panel = new TopologyPanel(fake.context as never, worlds);
    panel.show();
    const webview = fake.panels[0]!.webview;
    webview.receive({ v: 1, type: 'ready' });
    webview.receive({ v: 1, type: 'positions', world: 'lab 05-bridge.lab.md', positions: { 'ns:2': { x: 10, y: 20, pinned: true } } });
    worlds.register(createWorld('docker')!.world, 'terminal 2 (docker)');
    const last = webview.posted.at(-1) as { type: string; world: string; positions: object };
    assert.equal(last.type, 'snapshot');
    assert.equal(last.world, 'terminal 2 (docker)');
    assert.deepEqual(last.positions, {});
    worlds.activate(lab);
    const back = webview.posted.at(-1) as { world: string; positions: object };
    assert.equal(back.world, 'lab 05-bridge.lab.md');
    assert.deepEqual(back.positions, { 'ns:2': { x: 10, y: 20, pinned: true } });
  });

  it('ignores malformed webview messages', () => {
    const { fake, worlds, TopologyPanel } = setup();
    const panel = new TopologyPanel(fake.context as never, worlds);
    panel.show();
    fake.panels[0]!.webview.receive({ v: 1, type: 'positions', world: 'x', positions: { a: { x: 'no' } } });
    fake.panels[0]!.webview.receive({ type: 'ready' });
    assert.deepEqual(types(fake), []);
    assert.equal(fake.state.size, 0);
  });
});

describe('explorer tree items (fake vscode)', () => {
  after(releaseFakeVscode);

  it('containers get state icons (running green, paused amber, stopped grey) and context values for their actions', () => {
    const fake = fakeVscode();
    installFakeVscode(fake.api);
    const { NetworkExplorer } = require('../../src/host/tree/explorer') as typeof import('../../src/host/tree/explorer');
    const worlds = new WorldRegistry();
    const { world, host } = createWorld('docker')!;
    const shell = new Shell(world, host);
    ['docker run -d --name web -p 8080:80 nginx', 'docker run -d --name held nginx', 'docker pause held', 'docker create --name later busybox'].forEach((l) => shell.run(l));
    worlds.register(world, 'terminal 1 (docker)');
    const explorer = new NetworkExplorer(worlds);
    const hostRow = explorer.getChildren()[0]!;
    const docker = explorer.getChildren(hostRow).find((r) => r.kind === 'docker')!;
    const containers = explorer.getChildren(explorer.getChildren(docker).find((r) => r.kind === 'containers')!);
    const items = containers.map((r) => explorer.getTreeItem(r) as unknown as { label: string; iconPath: { id: string; color?: { id: string } }; contextValue: string });
    assert.deepEqual(
      items.map((i) => [i.label, i.iconPath.id, i.iconPath.color?.id]),
      [
        ['web', 'vm-running', 'testing.iconPassed'],
        ['held', 'debug-pause', 'testing.iconQueued'],
        ['later', 'vm-outline', 'disabledForeground'],
      ],
    );
    assert.equal(items[0]!.contextValue, 'container inTopology hasAddress hasInspect');
    explorer.dispose();
  });
});

describe('explorer commands (fake vscode)', () => {
  after(releaseFakeVscode);
  function registered() {
    const s = setup();
    const disposables = s.registerNetworkViews(s.fake.context as never, s.worlds, new LineHistory());
    return { ...s, disposables };
  }

  it("Inspect in Terminal on a container types `docker inspect web` into a terminal on the lab's own world (opened on demand, once)", () => {
    const { fake, worlds } = registered();
    const { world, host } = createWorld('docker')!;
    new Shell(world, host).run('docker run -d --name web nginx');
    worlds.register(world, 'lab 08-docker.lab.md');
    const row: Row = { id: 'container:1:abc', kind: 'container', label: 'web', description: '', inspect: 'docker inspect web', expandable: false };
    fake.commands.get('vethlab.inspect')!(row);
    fake.commands.get('vethlab.runIpAddr')!({ ...row, command: 'ip addr' });
    assert.equal(fake.terminals.length, 1);
    assert.equal(fake.terminals[0]!.name, 'Vethlab (lab 08-docker.lab.md)');
    assert.deepEqual(fake.terminals[0]!.sent, ['docker inspect web', 'ip addr']);
    // The terminal drives the lab's world: what it types shows there.
    const pty = fake.terminals[0]!.creationOptions.pty as { worldEntry: { world: unknown }; open(): void; handleInput(d: string): void; onDidWrite(l: (t: string) => void): void; close(): void };
    assert.equal(pty.worldEntry.world, world);
    let text = '';
    pty.onDidWrite((t) => (text += t));
    pty.open();
    pty.handleInput('docker ps --format {{.Names}}\r');
    assert.match(text, /\r\nweb\r\n/);
    // Closing it leaves the lab's world registered.
    pty.close();
    assert.equal(worlds.active?.label, 'lab 08-docker.lab.md');
  });

  it('the views follow the terminal or the lab the learner switches to', () => {
    const { fake, worlds } = registered();
    const lab = worlds.register(createWorld('bare')!.world, 'lab 03-routes.lab.md');
    const term = worlds.register(createWorld('bare')!.world, 'terminal 9 (bare)');
    assert.equal(worlds.active, term);
    fake.activeNotebook.fire({ notebook: { uri: { path: '/ws/labs/03-routes.lab.md', toString: () => 'file:///ws/labs/03-routes.lab.md' }, metadata: {} } });
    assert.equal(worlds.active, lab);
    fake.activeNotebook.fire({ notebook: { uri: { path: '/ws/other.lab.md', toString: () => 'file:///ws/other.lab.md' }, metadata: {} } });
    assert.equal(worlds.active, lab);
    fake.activeNotebook.fire(undefined);
    assert.equal(worlds.active, lab);
  });

  it("Open Terminal on This Lab's World attaches a terminal to the lab in front, or says to run a cell first", () => {
    const { fake, worlds } = registered();
    const notebook = { uri: { path: '/ws/labs/04-nat.lab.md', toString: () => 'file:///ws/labs/04-nat.lab.md' }, metadata: {} };
    (fake.api.window as Record<string, unknown>).activeNotebookEditor = { notebook };
    fake.commands.get('vethlab.openLabTerminal')!();
    assert.equal(fake.terminals.length, 0);
    const lab = worlds.register(createWorld('bare')!.world, 'lab 04-nat.lab.md');
    fake.commands.get('vethlab.openLabTerminal')!();
    assert.equal(fake.terminals.length, 1);
    assert.equal((fake.terminals[0]!.creationOptions.pty as { worldEntry: unknown }).worldEntry, lab);
  });

  it('Copy Address copies the row address; nothing happens without a world', () => {
    const { fake } = registered();
    fake.commands.get('vethlab.copyAddress')!({ address: '172.17.0.2' });
    assert.deepEqual(fake.clipboard, ['172.17.0.2']);
    fake.commands.get('vethlab.inspect')!({ inspect: 'docker inspect web' });
    assert.equal(fake.terminals.length, 0);
  });

  it("the welcome view's Open the First Lab opens the workspace's first lab by name, else the bundled labs/01", async () => {
    const { fake } = registered();
    await fake.commands.get('vethlab.openFirstLab')!();
    assert.deepEqual(fake.opened, ['/ext/labs/01-interfaces.lab.md']);
    fake.workspaceFiles.push({ path: '/ws/labs/02-veth.lab.md' }, { path: '/ws/a/01-start.lab.md' });
    await fake.commands.get('vethlab.openFirstLab')!();
    assert.deepEqual(fake.opened.at(-1), '/ws/a/01-start.lab.md');
  });
});
