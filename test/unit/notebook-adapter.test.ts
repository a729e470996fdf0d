/**
 * The thin vscode adapters (serializer.ts, controller.ts) against a minimal fake of the
 * notebook API: bytes -> NotebookData -> bytes is lossless for every lab, and the controller
 * turns kernel outputs into stdout/stderr/markdown output items with order and success.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface FakeItem {
  mime: string;
  text: string;
}

interface FakeExecution {
  cell: FakeCell;
  executionOrder?: number;
  outputs: FakeItem[][];
  success?: boolean;
}

interface FakeCell {
  document: { uri: { toString(): string }; languageId: string; getText(): string };
  notebook: FakeNotebookDocument;
}

interface FakeNotebookDocument {
  uri: { path: string; toString(): string };
  metadata: Record<string, unknown>;
}

function fakeVscode() {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const serializers = new Map<string, { deserializeNotebook(b: Uint8Array): unknown; serializeNotebook(d: unknown): Uint8Array }>();
  const executions: FakeExecution[] = [];
  const messages: string[] = [];
  const controllers: Array<Record<string, unknown>> = [];
  const item = (mime: string) => (text: string) => ({ mime, text });
  const api = {
    NotebookCellKind: { Markup: 1, Code: 2 },
    NotebookCellData: class {
      metadata: unknown;
      constructor(
        readonly kind: number,
        readonly value: string,
        readonly languageId: string,
      ) {}
    },
    NotebookData: class {
      metadata: unknown;
      constructor(readonly cells: unknown[]) {}
    },
    NotebookCellOutput: class {
      constructor(readonly items: FakeItem[]) {}
    },
    NotebookCellOutputItem: {
      stdout: item('stdout'),
      stderr: item('stderr'),
      text: (text: string, mime: string) => ({ mime, text }),
    },
    notebooks: {
      createNotebookController: (id: string, notebookType: string, label: string) => {
        const controller: Record<string, unknown> = {
          id,
          notebookType,
          label,
          dispose() {},
          createNotebookCellExecution: (cell: FakeCell) => {
            const e: FakeExecution = { cell, outputs: [] };
            executions.push(e);
            return {
              set executionOrder(order: number) {
                e.executionOrder = order;
              },
              start() {},
              replaceOutput: async (outputs: Array<{ items: FakeItem[] }>) => void (e.outputs = outputs.map((o) => o.items)),
              end: (success: boolean) => void (e.success = success),
            };
          },
        };
        controllers.push(controller);
        return controller;
      },
    },
    workspace: {
      registerNotebookSerializer: (type: string, serializer: never) => (serializers.set(type, serializer), { dispose() {} }),
      onDidCloseNotebookDocument: () => ({ dispose() {} }),
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => (commands.set(id, fn), { dispose() {} }),
      executeCommand: async () => undefined,
    },
    window: {
      showInformationMessage: async (message: string) => void messages.push(message),
      activeNotebookEditor: undefined,
    },
  };
  return { api, commands, serializers, executions, messages, controllers };
}

function loadWithFake(vscode: unknown): { registerLabNotebooks(): Array<{ dispose(): void }> } {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : original.call(this, request, parent, isMain);
  };
  try {
    for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}host${path.sep}notebook${path.sep}`)) delete require.cache[key];
    return require('../../src/host/notebook/controller');
  } finally {
    loader._load = original;
  }
}

describe('notebook adapters (fake vscode)', () => {
  let fake: ReturnType<typeof fakeVscode>;
  let disposables: Array<{ dispose(): void }>;

  beforeEach(() => {
    fake = fakeVscode();
    disposables = loadWithFake(fake.api).registerLabNotebooks();
  });

  it('registers the serializer, one controller and the three commands', () => {
    assert.deepEqual([...fake.serializers.keys()], ['vethlab-notebook']);
    assert.deepEqual(fake.controllers.map((c) => [c['id'], c['notebookType'], c['supportsExecutionOrder']]), [['vethlab-notebook-kernel', 'vethlab-notebook', true]]);
    assert.deepEqual([...fake.commands.keys()].sort(), ['vethlab.openAsLab', 'vethlab.restartWorld', 'vethlab.revertToCell']);
    assert.equal(disposables.length, 6);
  });

  it('every lab survives bytes -> NotebookData -> bytes, and so does a BOM and CRLF', () => {
    const serializer = fake.serializers.get('vethlab-notebook')!;
    const labs = fs.readdirSync(path.join(ROOT, 'labs')).filter((f) => f.endsWith('.lab.md'));
    const texts = labs.map((f) => fs.readFileSync(path.join(ROOT, 'labs', f), 'utf8'));
    texts.push('\ufeff# BOM\r\n\r\n```sh\r\nip a\r\n```');
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      const data = serializer.deserializeNotebook(bytes);
      assert.deepEqual(Buffer.from(serializer.serializeNotebook(data)), Buffer.from(bytes));
    }
  });

  it('the controller runs cells: per-command stream outputs, markdown checks, order and success; revert and restart', async () => {
    const serializer = fake.serializers.get('vethlab-notebook')!;
    const data = serializer.deserializeNotebook(new TextEncoder().encode('---\nworld: bare\n---\n```sh\nip netns add red\nip netns add red\n```\n```check\nnetns red exists\n```\n')) as {
      cells: Array<{ value: string; languageId: string }>;
      metadata: Record<string, unknown>;
    };
    const notebook: FakeNotebookDocument = { uri: { path: '/lab.lab.md', toString: () => 'file:///lab.lab.md' }, metadata: data.metadata };
    const cells: FakeCell[] = data.cells.map((c, i) => ({ document: { uri: { toString: () => `cell:${i}` }, languageId: c.languageId, getText: () => c.value }, notebook }));
    const controller = fake.controllers[0]!;
    await (controller['executeHandler'] as (c: FakeCell[], n: FakeNotebookDocument) => Promise<void>)(cells, notebook);
    const { worlds } = require('../../src/host/worlds') as typeof import('../../src/host/worlds');
    assert.equal(worlds.active?.label, 'lab lab.lab.md', 'the topology view follows the lab being run');
    const [shell, check] = fake.executions;
    assert.equal(shell!.executionOrder, 1);
    assert.equal(shell!.success, false);
    assert.deepEqual(shell!.outputs.slice(0, 4), [
      [{ mime: 'stdout', text: 'root@host:~# ip netns add red\n' }],
      [{ mime: 'stdout', text: 'root@host:~# ip netns add red\n' }],
      [{ mime: 'stderr', text: 'Cannot create namespace file "/run/netns/red": File exists\n' }],
      [{ mime: 'stderr', text: '[exit 1]\n' }],
    ]);
    assert.equal(check!.executionOrder, 2);
    assert.equal(check!.success, true);
    assert.equal(check!.outputs[0]![0]!.mime, 'text/markdown');
    assert.match(check!.outputs[0]![0]!.text, /✅ PASS `netns red exists`/);

    await fake.commands.get('vethlab.revertToCell')!(cells[0]);
    assert.match(fake.messages.pop()!, /back as it was before this cell ran/);
    await (controller['executeHandler'] as (c: FakeCell[], n: FakeNotebookDocument) => Promise<void>)([cells[1]!], notebook);
    assert.equal(fake.executions.at(-1)!.success, false, 'red is gone after the revert');

    await fake.commands.get('vethlab.restartWorld')!({ notebookEditor: { notebookUri: notebook.uri } });
    assert.match(fake.messages.pop()!, /restarted/);
    await (controller['executeHandler'] as (c: FakeCell[], n: FakeNotebookDocument) => Promise<void>)([cells[1]!], notebook);
    assert.equal(fake.executions.at(-1)!.executionOrder, 1);
  });
});
