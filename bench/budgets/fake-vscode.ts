/**
 * The part of the 'vscode' API that Vethlab's activate() and its notebook controller touch, as a
 * plain in-process fake, so the benchmark can load the shipped dist/extension.js and drive it the
 * way the extension host does (register, deserialize a lab, execute cells) without a workbench.
 */
import Module from 'node:module';
import { dirname } from 'node:path';

type Listener<T> = (value: T) => void;
const disposable = () => ({ dispose() {} });

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export interface OutputItem { mime: string; text: string }
export interface CellExecution { cell: unknown; order?: number; success?: boolean; outputs: OutputItem[][] }
export interface NotebookController {
  executeHandler(cells: unknown[], notebook: unknown, controller: unknown): Promise<void> | void;
}
export interface Serializer {
  deserializeNotebook(content: Uint8Array, token?: unknown): { cells: { kind: number; value: string; languageId: string }[]; metadata?: Record<string, unknown> };
}

/**
 * Registrations and events the benchmark does not drive (`registerX`, `onDidX`) answer with a
 * disposable, so new contributions in the extension do not break the fake.
 */
function tolerant<T extends object>(known: T): T {
  return new Proxy(known, {
    get: (target, key, receiver) => {
      if (key in target || typeof key !== 'string') return Reflect.get(target, key, receiver);
      if (/^(register|on[A-Z])/.test(key)) return () => disposable();
      return undefined;
    },
  });
}

export function fakeVscode() {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const serializers = new Map<string, Serializer>();
  const controllers: NotebookController[] = [];
  const executions: CellExecution[] = [];
  const item = (mime: string) => (text: string): OutputItem => ({ mime, text });
  const api = {
    EventEmitter,
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      dispose() {
        this.fn();
      }
    },
    TerminalProfile: class {
      constructor(readonly options: unknown) {}
    },
    TreeItem: class {
      constructor(readonly label: unknown, readonly collapsibleState?: number) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ThemeIcon: class {
      constructor(readonly id: string, readonly color?: unknown) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    MarkdownString: class {
      isTrusted = false;
      constructor(public value = '') {}
      appendMarkdown(text: string) {
        this.value += text;
        return this;
      }
    },
    Hover: class {
      constructor(readonly contents: unknown, readonly range?: unknown) {}
    },
    Range: class {
      constructor(readonly a: unknown, readonly b: unknown, readonly c?: unknown, readonly d?: unknown) {}
    },
    CompletionItem: class {
      constructor(readonly label: unknown, readonly kind?: number) {}
    },
    CompletionItemKind: { Function: 2, Property: 9, Keyword: 13, Reference: 17 },
    ViewColumn: { Beside: -2 },
    NotebookCellKind: { Markup: 1, Code: 2 },
    NotebookCellData: class {
      metadata: unknown;
      constructor(readonly kind: number, readonly value: string, readonly languageId: string) {}
    },
    NotebookData: class {
      metadata: unknown;
      constructor(readonly cells: unknown[]) {}
    },
    NotebookCellOutput: class {
      constructor(readonly items: OutputItem[]) {}
    },
    NotebookCellOutputItem: { stdout: item('stdout'), stderr: item('stderr'), text: (text: string, mime: string) => ({ mime, text }) },
    Uri: {
      joinPath: (base: { path: string }, ...parts: string[]) => ({ ...base, path: [base.path, ...parts].join('/') }),
      parse: (value: string) => ({ path: value, toString: () => value }),
    },
    env: { clipboard: { writeText: async () => undefined } },
    commands: tolerant({
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => (commands.set(id, fn), disposable()),
      executeCommand: async () => undefined,
    }),
    window: tolerant({
      terminals: [] as unknown[],
      activeTextEditor: undefined,
      activeNotebookEditor: undefined,
      createTerminal: () => ({ show() {}, sendText() {}, dispose() {} }),
      registerTerminalProfileProvider: () => disposable(),
      createTreeView: () => disposable(),
      registerWebviewPanelSerializer: () => disposable(),
      createWebviewPanel: () => {
        throw new Error('the benchmark opens no webview panel');
      },
      showInformationMessage: async () => undefined,
      showSaveDialog: async () => undefined,
      showNotebookDocument: async () => undefined,
    }),
    languages: tolerant({
      registerHoverProvider: () => disposable(),
      registerCompletionItemProvider: () => disposable(),
    }),
    workspace: tolerant({
      fs: { readFile: async () => new Uint8Array(), writeFile: async () => undefined },
      registerNotebookSerializer: (type: string, serializer: Serializer) => (serializers.set(type, serializer), disposable()),
      onDidCloseNotebookDocument: () => disposable(),
      openNotebookDocument: async () => undefined,
    }),
    notebooks: {
      createNotebookController: () => {
        const controller = {
          executeHandler: (() => undefined) as NotebookController['executeHandler'],
          dispose() {},
          createNotebookCellExecution: (cell: unknown) => {
            const e: CellExecution = { cell, outputs: [] };
            executions.push(e);
            return {
              set executionOrder(order: number) {
                e.order = order;
              },
              start() {},
              replaceOutput: async (outputs: { items: OutputItem[] }[]) => void (e.outputs = outputs.map((o) => o.items)),
              end: (success: boolean) => void (e.success = success),
            };
          },
        };
        controllers.push(controller);
        return controller;
      },
    },
  };
  return { api, commands, serializers, controllers, executions };
}

export type FakeVscode = ReturnType<typeof fakeVscode>;

/** A context as the extension host passes it to activate(). */
export function fakeContext() {
  const stored = new Map<string, unknown>();
  return {
    subscriptions: [] as { dispose(): void }[],
    extensionUri: { path: '/vethlab', toString: () => 'file:///vethlab' },
    globalState: { get: (key: string, fallback: unknown) => stored.get(key) ?? fallback, update: async (key: string, value: unknown) => void stored.set(key, value) },
    workspaceState: { get: (key: string, fallback: unknown) => stored.get(key) ?? fallback, update: async (key: string, value: unknown) => void stored.set(key, value) },
  };
}

/** The fake each extension folder's modules get for 'vscode' (the extension host also answers by the requiring file's folder). */
const fakes = new Map<string, unknown>();
let hooked = false;

function hookVscode(): void {
  if (hooked) return;
  hooked = true;
  const loader = Module as unknown as { _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    const fake = request === 'vscode' && parent?.filename ? fakes.get(dirname(parent.filename)) : undefined;
    return fake ?? original.call(this, request, parent, isMain);
  };
}

/**
 * require()s a bundle with 'vscode' resolved to the fake, fresh each time (no module cache): also for
 * the bundles it requires later from its folder (dist/engine.js, on first use).
 */
export function loadWithFake<T>(bundle: string, vscode: unknown): T {
  hookVscode();
  fakes.set(dirname(bundle), vscode);
  const req = Module.createRequire(bundle);
  for (const file of Object.keys(req.cache)) if (dirname(file) === dirname(bundle) && file !== require.main?.filename) delete req.cache[file];
  return req(bundle) as T;
}
