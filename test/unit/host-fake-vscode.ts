/**
 * A small fake of the 'vscode' API for loading src/host modules in unit tests (panels, terminals,
 * commands). Install it before the first import of a module that imports 'vscode'.
 */
import Module from 'node:module';

type Listener<T> = (value: T) => void;

export class FakeEventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  event = (listener: Listener<T>, _this?: unknown, subs?: Array<{ dispose(): void }>) => {
    this.listeners.push(listener);
    const d = { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    subs?.push(d);
    return d;
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export interface FakePanel {
  viewType: string;
  webview: { html: string; options: unknown; cspSource: string; posted: unknown[]; receive(data: unknown): void; asWebviewUri(u: { path: string }): { toString(): string }; postMessage(m: unknown): Promise<boolean>; onDidReceiveMessage: FakeEventEmitter<unknown>['event'] };
  revealed: number;
  disposed: boolean;
  reveal(): void;
  dispose(): void;
  onDidDispose: FakeEventEmitter<void>['event'];
}

export function fakePanel(viewType: string): FakePanel {
  const messages = new FakeEventEmitter<unknown>();
  const disposed = new FakeEventEmitter<void>();
  const panel: FakePanel = {
    viewType,
    webview: {
      html: '',
      options: undefined,
      cspSource: 'vscode-webview://fake',
      posted: [],
      receive: (data) => messages.fire(data),
      asWebviewUri: (u) => ({ toString: () => `vscode-webview://fake${u.path}` }),
      postMessage: async (m) => (panel.webview.posted.push(m), true),
      onDidReceiveMessage: messages.event,
    },
    revealed: 0,
    disposed: false,
    reveal: () => void panel.revealed++,
    dispose: () => {
      panel.disposed = true;
      disposed.fire();
    },
    onDidDispose: disposed.event,
  };
  return panel;
}

export interface FakeTerminal {
  name: string;
  creationOptions: { name: string; pty: unknown };
  sent: string[];
  shown: boolean;
  show(): void;
  sendText(text: string): void;
}

export function fakeVscode() {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const panels: FakePanel[] = [];
  const terminals: FakeTerminal[] = [];
  const clipboard: string[] = [];
  const opened: string[] = [];
  const workspaceFiles: Array<{ path: string }> = [];
  const state = new Map<string, unknown>();
  const activeTerminal = new FakeEventEmitter<unknown>();
  const activeNotebook = new FakeEventEmitter<unknown>();
  const uri = (path: string) => ({ path, toString: () => `file://${path}` });
  const disposable = () => ({ dispose() {} });
  const api = {
    EventEmitter: FakeEventEmitter,
    ViewColumn: { Beside: -2 },
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')) },
    ThemeIcon: class {
      constructor(readonly id: string, readonly color?: unknown) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    TreeItem: class {
      constructor(readonly label: string, readonly collapsibleState: number) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    commands: { registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => (commands.set(id, fn), disposable()) },
    env: { clipboard: { writeText: async (t: string) => void clipboard.push(t) } },
    window: {
      terminals,
      createWebviewPanel: (viewType: string) => {
        const p = fakePanel(viewType);
        panels.push(p);
        return p;
      },
      createTerminal: (options: { name: string; pty: unknown }) => {
        const t: FakeTerminal = { name: options.name, creationOptions: options, sent: [], shown: false, show: () => void (t.shown = true), sendText: (text) => void t.sent.push(text) };
        terminals.push(t);
        return t;
      },
      createTreeView: disposable,
      registerWebviewPanelSerializer: disposable,
      onDidChangeActiveTerminal: activeTerminal.event,
      onDidChangeActiveNotebookEditor: activeNotebook.event,
      showInformationMessage: async () => undefined,
      showSaveDialog: async () => undefined,
      showNotebookDocument: async (doc: { uri: { path: string } }) => void opened.push(doc.uri.path),
    },
    languages: { registerHoverProvider: disposable, registerCompletionItemProvider: disposable },
    workspace: {
      findFiles: async () => workspaceFiles,
      openNotebookDocument: async (u: { path: string }) => ({ uri: u }),
      fs: { writeFile: async () => undefined },
    },
  };
  const context = {
    extensionUri: uri('/ext'),
    subscriptions: [] as Array<{ dispose(): void }>,
    workspaceState: { get: (key: string, fallback: unknown) => state.get(key) ?? fallback, update: async (key: string, value: unknown) => void state.set(key, value) },
    globalState: { get: (_key: string, fallback: unknown) => fallback, update: async () => undefined },
  };
  return { api, commands, panels, terminals, clipboard, opened, workspaceFiles, state, context, uri, activeTerminal, activeNotebook };
}

let installed: ReturnType<typeof fakeVscode>['api'] | undefined;
let originalLoad: ((request: string, parent: unknown, isMain: boolean) => unknown) | undefined;
const HOST_SOURCES = `${require('node:path').sep}src${require('node:path').sep}host${require('node:path').sep}`;

/** Forgets the loaded src/host modules, so the next require binds 'vscode' again (to whichever fake is installed then). */
function forgetHostModules(): void {
  for (const key of Object.keys(require.cache)) if (key.includes(HOST_SOURCES)) delete require.cache[key];
}

/**
 * Routes `require('vscode')` to the fake until releaseFakeVscode(). Host modules bind 'vscode'
 * when first loaded, so they are loaded afresh for this fake (later calls swap its contents).
 */
export function installFakeVscode(api: ReturnType<typeof fakeVscode>['api']): void {
  if (installed) {
    Object.assign(installed, api);
    return;
  }
  installed = api;
  forgetHostModules();
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  originalLoad = loader._load;
  const original = originalLoad;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? installed : original.call(this, request, parent, isMain);
  };
}

/** Restores require and forgets the host modules bound to the fake (other test files bring their own fake). */
export function releaseFakeVscode(): void {
  if (!installed || !originalLoad) return;
  (Module as unknown as { _load: typeof originalLoad })._load = originalLoad;
  installed = undefined;
  originalLoad = undefined;
  forgetHostModules();
}
