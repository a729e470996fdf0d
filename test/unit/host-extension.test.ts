/**
 * Loads the built extension (dist/extension.js) against a minimal fake of the 'vscode' API:
 * activation registers what package.json contributes, and the terminal runs the shell.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

type Listener<T> = (value: T) => void;

class FakeEventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

interface FakePty {
  onDidWrite: (l: Listener<string>) => unknown;
  onDidClose: (l: Listener<number | void>) => unknown;
  open(): void;
  handleInput(data: string): void;
  close(): void;
}

function fakeVscode() {
  const commands = new Map<string, () => unknown>();
  const profiles = new Map<string, { provideTerminalProfile(): { options: { name: string; pty: FakePty } } }>();
  const terminals: Array<{ name: string; pty: FakePty; shown: boolean }> = [];
  const disposable = () => ({ dispose() {} });
  const serializers = new Map<string, unknown>();
  const controllers: Array<{ id: string; notebookType: string }> = [];
  const listeners: unknown[] = [];
  const views: string[] = [];
  const webviewSerializers: string[] = [];
  const languageProviders: string[] = [];
  const api = {
    EventEmitter: FakeEventEmitter,
    TerminalProfile: class {
      constructor(readonly options: unknown) {}
    },
    commands: {
      registerCommand: (id: string, fn: () => unknown) => (commands.set(id, fn), disposable()),
    },
    window: {
      createTerminal: (options: { name: string; pty: FakePty }) => {
        const terminal = { ...options, shown: false };
        terminals.push(terminal);
        return { show: () => (terminal.shown = true) };
      },
      registerTerminalProfileProvider: (id: string, provider: never) => (profiles.set(id, provider), disposable()),
      createTreeView: (id: string) => (views.push(id), disposable()),
      registerWebviewPanelSerializer: (viewType: string) => (webviewSerializers.push(viewType), disposable()),
      onDidChangeActiveTerminal: (listener: unknown) => (listeners.push(listener), disposable()),
      onDidChangeActiveNotebookEditor: (listener: unknown) => (listeners.push(listener), disposable()),
    },
    languages: {
      registerHoverProvider: () => (languageProviders.push('hover'), disposable()),
      registerCompletionItemProvider: () => (languageProviders.push('completion'), disposable()),
    },
    workspace: {
      registerNotebookSerializer: (type: string, serializer: unknown) => (serializers.set(type, serializer), disposable()),
      onDidCloseNotebookDocument: (listener: unknown) => (listeners.push(listener), disposable()),
    },
    notebooks: {
      createNotebookController: (id: string, notebookType: string) => {
        const controller = { id, notebookType, dispose() {} };
        controllers.push(controller);
        return controller;
      },
    },
  };
  return { api, commands, profiles, terminals, serializers, controllers, listeners, views, webviewSerializers, languageProviders };
}

function loadExtension(vscode: unknown): { activate(context: unknown): void } {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : original.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[bundle];
    return require(bundle);
  } finally {
    loader._load = original;
  }
}

describe('host extension (dist/extension.js)', () => {
  before(function () {
    this.timeout(60000);
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  function activate() {
    const fake = fakeVscode();
    const stored = new Map<string, unknown>();
    const context = {
      subscriptions: [] as Array<{ dispose(): void }>,
      globalState: { get: (key: string, fallback: unknown) => stored.get(key) ?? fallback, update: async (key: string, value: unknown) => void stored.set(key, value) },
    };
    loadExtension(fake.api).activate(context);
    return { ...fake, context, stored };
  }

  function drive(pty: FakePty, input: string): { text: string; closed?: number | void } {
    const out: { text: string; closed?: number | void } = { text: '' };
    pty.onDidWrite((t) => (out.text += t));
    pty.onDidClose((c) => (out.closed = c));
    pty.open();
    pty.handleInput(input);
    return out;
  }

  it('registers exactly what package.json contributes, all as subscriptions', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const { commands, profiles, context, serializers, controllers, listeners, views, webviewSerializers, languageProviders } = activate();
    assert.deepEqual([...commands.keys()].sort(), pkg.contributes.commands.map((c: { command: string }) => c.command).sort());
    assert.deepEqual([...profiles.keys()], pkg.contributes.terminal.profiles.map((p: { id: string }) => p.id));
    assert.deepEqual([...serializers.keys()], pkg.contributes.notebooks.map((n: { type: string }) => n.type));
    assert.deepEqual(controllers.map((c) => c.notebookType), ['vethlab-notebook']);
    assert.deepEqual(views, pkg.contributes.views.vethlab.map((v: { id: string }) => v.id));
    assert.deepEqual(languageProviders, ['hover', 'completion']);
    // The topology panel survives a window reload, and VS Code activates us to restore it.
    assert.deepEqual(webviewSerializers, ['vethlab.topology']);
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:vethlab.topology'));
    // + the topology panel and the explorer themselves.
    assert.equal(context.subscriptions.length, commands.size + profiles.size + serializers.size + controllers.length + listeners.length + views.length + webviewSerializers.length + languageProviders.length + 2);
    assert.ok(pkg.activationEvents.includes('onTerminalProfile:vethlab.shell'));
  });

  it('vethlab.openShell opens a terminal running the shell on the bare world', () => {
    const { commands, terminals } = activate();
    commands.get('vethlab.openShell')!();
    assert.equal(terminals.length, 1);
    assert.equal(terminals[0]!.name, 'Vethlab (bare)');
    assert.equal(terminals[0]!.shown, true);
    const out = drive(terminals[0]!.pty, 'ip -br addr show dev eth0\rexit\r');
    assert.match(out.text, /^Vethlab: .*\r\n.*\r\n\r\nroot@host:~# /);
    assert.match(out.text, /eth0 +UP +192\.168\.1\.2\/24/);
    assert.equal(out.closed, 0);
  });

  it('the terminal profile gives a new shell each time, sharing and saving history', () => {
    const { profiles, stored } = activate();
    const provider = profiles.get('vethlab.shell')!;
    const first = provider.provideTerminalProfile().options.pty;
    drive(first, 'hostname lab1\r');
    assert.deepEqual(stored.get('vethlab.shellHistory'), ['hostname lab1']);
    const second = provider.provideTerminalProfile().options.pty;
    const out = drive(second, '\x1b[A\x03hostname\r');
    assert.match(out.text, /root@host:~# hostname lab1(\x1b\[K)?\^C\r\n/);
    assert.match(out.text, /hostname\r\nhost\r\n/);
  });
});
