/**
 * The extension's security promises, checked on the real host code against a fake 'vscode':
 * the topology page's CSP and resource roots as the panel generates them, malformed webview
 * messages dropped and logged (and acting on nothing), package.json's capabilities matching what
 * the host code does, and lab files written back only as they were read.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import fc from 'fast-check';
import { createBareWorld } from '../../src/engine/presets';
import { LIMITS } from '../../src/engine/limits';
import { WorldRegistry } from '../../src/host/worlds';
import { PROTOCOL_VERSION } from '../../src/protocol/messages';

const ROOT = path.resolve(__dirname, '..', '..');

interface FakeUri {
  path: string;
  toString(): string;
}

function uri(p: string): FakeUri {
  return { path: p, toString: () => `file://${p}` };
}

/** What the fake records: panels created, messages posted, state written, files saved, dialogs shown. */
function fakeVscode() {
  const panels: Array<{ options: { localResourceRoots: FakeUri[]; enableScripts: boolean }; webview: { html: string; receive(data: unknown): void }; posted: unknown[] }> = [];
  const effects: string[] = [];
  const api = {
    ViewColumn: { Beside: -2 },
    Uri: { joinPath: (base: FakeUri, ...parts: string[]) => uri(path.posix.join(base.path, ...parts)) },
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
    window: {
      createWebviewPanel: (_id: string, _title: string, _column: unknown, options: { localResourceRoots: FakeUri[]; enableScripts: boolean }) => {
        let listener: (data: unknown) => void = () => {};
        const posted: unknown[] = [];
        const panel = {
          options,
          posted,
          webview: {
            html: '',
            cspSource: 'vscode-webview://fake',
            asWebviewUri: (u: FakeUri) => ({ toString: () => `vscode-webview://fake${u.path}` }),
            onDidReceiveMessage: (l: (data: unknown) => void) => ((listener = l), { dispose() {} }),
            postMessage: async (m: unknown) => void posted.push(m),
            receive: (data: unknown) => listener(data),
          },
          onDidDispose: () => ({ dispose() {} }),
          reveal() {},
          dispose() {},
        };
        panels.push(panel);
        return panel;
      },
      showSaveDialog: async () => (effects.push('save dialog'), undefined),
    },
    workspace: { fs: { writeFile: async () => void effects.push('file written') } },
  };
  return { api, panels, effects };
}

function withFakeVscode<T>(api: unknown, load: () => T): T {
  // Other test files may have loaded the host modules against their own fake: load them afresh.
  for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}src${path.sep}host${path.sep}`) && !key.endsWith(`${path.sep}worlds.ts`)) delete require.cache[key];
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? api : original.call(this, request, parent, isMain);
  };
  try {
    return load();
  } finally {
    loader._load = original;
  }
}

/** One fake for the whole file: the host modules bind 'vscode' once, when first loaded. */
const fake = fakeVscode();

function openPanel() {
  fake.panels.length = 0;
  fake.effects.length = 0;
  const stored = new Map<string, unknown>();
  const context = {
    extensionUri: uri('/ext'),
    workspaceState: { get: (k: string, fallback: unknown) => stored.get(k) ?? fallback, update: async (k: string, v: unknown) => void (fake.effects.push(`state ${k}`), stored.set(k, v)) },
  };
  const { TopologyPanel } = withFakeVscode(fake.api, () => require('../../src/host/topology/panel') as typeof import('../../src/host/topology/panel'));
  const worlds = new WorldRegistry();
  worlds.register(createBareWorld().world, 'terminal 1');
  const panel = new TopologyPanel(context as never, worlds);
  withFakeVscode(fake.api, () => panel.show());
  return { panels: fake.panels, effects: fake.effects, panel, page: fake.panels[0]! };
}

describe('extension security (host code against a fake vscode)', function () {
  this.timeout(120000);
  it('the topology page: CSP default-src none, scripts only by nonce, resources only from dist/ and media/', () => {
    const { page, panels } = openPanel();
    const html = page.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const nonce = /^'nonce-([A-Za-z0-9]{32})'$/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1];
    assert.ok(nonce, `script-src is one nonce: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-|https?:|\*/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length > 0);
    for (const tag of scripts) assert.match(tag, new RegExp(`nonce="${nonce}"`), tag);
    assert.doesNotMatch(html, /\son[a-z]+=|javascript:/i, 'no inline handlers');
    for (const src of [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) assert.match(src, /^vscode-webview:\/\/fake\/ext\/(dist|media)\//, src);
    assert.deepEqual(page.options.localResourceRoots.map((u) => u.path).sort(), ['/ext/dist', '/ext/media']);
    const second = openPanel().page.webview.html;
    assert.notEqual(/nonce-([A-Za-z0-9]+)/.exec(second)![1], nonce, 'a new nonce per page');
    assert.equal(panels.length, 1);
  });

  it('malformed webview messages are dropped and logged; valid ones act', () => {
    const { page, panel, effects } = openPanel();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const hostile: unknown[] = [
        null, 'ready', 42, [], {}, { type: 'ready' }, { v: PROTOCOL_VERSION + 1, type: 'ready' }, { v: PROTOCOL_VERSION, type: 'nope' },
        { v: PROTOCOL_VERSION, type: 'toString' }, { v: PROTOCOL_VERSION, type: '__proto__' }, { v: PROTOCOL_VERSION, type: 'select' },
        { v: PROTOCOL_VERSION, type: 'select', id: 7 }, { v: PROTOCOL_VERSION, type: 'select', id: 'x'.repeat(10_000) }, { v: PROTOCOL_VERSION, type: 'select', id: 'a', extra: 1 },
        { v: PROTOCOL_VERSION, type: 'positions', world: 'w', positions: { a: { x: NaN, y: 0 } } }, { v: PROTOCOL_VERSION, type: 'positions', world: 'w', positions: [] },
        { v: PROTOCOL_VERSION, type: 'exportSvg', svg: '<script>alert(1)</script>' }, { v: PROTOCOL_VERSION, type: 'exportPng', png: 'not base64!' },
        JSON.parse(`{"v":${PROTOCOL_VERSION},"type":"select","id":"a","__proto__":{"polluted":true}}`),
      ];
      for (const m of hostile) page.webview.receive(m);
      fc.assert(
        fc.property(fc.anything(), (m) => {
          const before = warnings.length;
          page.webview.receive(m);
          assert.equal(warnings.length, before + 1, `dropped and logged: ${JSON.stringify(m)}`);
        }),
        { numRuns: 500, seed: 8 },
      );
      assert.equal(warnings.length, hostile.length + 500);
      for (const w of warnings) assert.match(w, /^Vethlab topology: ignored a malformed message \(.+\)$/);
      assert.deepEqual(effects, [], 'no state written, no dialog, no file');
      assert.equal(panel.selected, undefined);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      page.webview.receive({ v: PROTOCOL_VERSION, type: 'select', id: 'ns:2' });
      page.webview.receive({ v: PROTOCOL_VERSION, type: 'positions', world: 'terminal 1', positions: { 'ns:2': { x: 1, y: 2 } } });
      assert.equal(panel.selected, 'ns:2');
      assert.deepEqual(effects, ['state vethlab.topology.positions']);
      assert.equal(warnings.length, hostile.length + 500, 'valid messages are not logged as malformed');
    } finally {
      console.warn = original;
    }
  });

  it('package.json declares what the code does: no trust needed, virtual workspaces, a web entry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.equal(pkg.browser, './dist/web/extension.js');
    // Truthful only while the host code never touches Node: no fs, processes, sockets, eval.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && files.push(path.join(dir, e.name));
    };
    for (const dir of ['src/host', 'src/engine', 'src/shell', 'src/labs', 'src/protocol', 'src/common']) walk(path.join(ROOT, dir));
    assert.ok(files.length > 100, `${files.length} files`);
    let seen = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/^\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
      seen += imports.length;
      for (const spec of imports) assert.ok(spec.startsWith('.') || ['vscode', 'yaml'].includes(spec), `${path.relative(ROOT, file)} imports ${spec}`);
      assert.doesNotMatch(text, /\beval\(|new Function\(|\bprocess\.(env|exit|argv)/, path.relative(ROOT, file));
      // Only the editor's own timestamps (cell execution times) may read the real clock.
      if (!file.includes(`${path.sep}host${path.sep}`)) assert.doesNotMatch(text, /\bDate\.now\(|Math\.random\(/, path.relative(ROOT, file));
    }
    assert.ok(seen > 5 * files.length / 2, `the import scan sees imports (${seen} in ${files.length} files)`);
  });

  it('lab files: reading then writing gives the same bytes; unreadable bytes are kept, not re-encoded', () => {
    const { LabNotebookSerializer } = withFakeVscode(fake.api, () => require('../../src/host/notebook/serializer') as typeof import('../../src/host/notebook/serializer'));
    const serializer = new LabNotebookSerializer();
    const roundTrip = (bytes: Uint8Array) => Buffer.from(serializer.serializeNotebook(serializer.deserializeNotebook(bytes) as never));
    for (const file of fs.readdirSync(path.join(ROOT, 'labs')).filter((f) => f.endsWith('.lab.md'))) {
      const bytes = fs.readFileSync(path.join(ROOT, 'labs', file));
      assert.ok(roundTrip(bytes).equals(bytes), file);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        assert.ok(roundTrip(raw).equals(Buffer.from(raw)), JSON.stringify([...raw]));
      }),
      { numRuns: 1000, seed: 9 },
    );
  });

  it('a lab that cannot be opened shows why in one cell, runs nothing, and saves back its bytes even after edits', () => {
    const { LabNotebookSerializer } = withFakeVscode(fake.api, () => require('../../src/host/notebook/serializer') as typeof import('../../src/host/notebook/serializer'));
    const serializer = new LabNotebookSerializer();
    const cases: [Buffer, RegExp][] = [
      [Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a, 0x60, 0x60, 0x60, 0x73, 0x68, 0x0a]), /not valid UTF-8/],
      [Buffer.from('x'.repeat(LIMITS.labBytes + 1)), /too large: 2097153 characters \(the limit is 2097152\)/],
      [Buffer.from('```sh\necho\n```\n'.repeat(LIMITS.labCells + 1)), /too many cells: 1001 \(the limit is 1000\)/],
    ];
    for (const [bytes, why] of cases) {
      const data = serializer.deserializeNotebook(bytes) as unknown as { cells: Array<{ kind: number; value: string }>; metadata: unknown };
      assert.equal(data.cells.length, 1);
      assert.equal(data.cells[0]!.kind, 1, 'a markdown cell: nothing to run');
      assert.match(data.cells[0]!.value, /^\*\*Vethlab cannot open this lab:\*\* /);
      assert.match(data.cells[0]!.value, why);
      data.cells[0]!.value = 'edited';
      assert.ok(Buffer.from(serializer.serializeNotebook(data as never)).equals(bytes), 'the original bytes are written back');
    }
    const atLimit = Buffer.from('```sh\necho\n```\n'.repeat(LIMITS.labCells));
    assert.equal((serializer.deserializeNotebook(atLimit) as unknown as { cells: unknown[] }).cells.length, LIMITS.labCells, 'a lab at the limit opens');
  });
});
