/**
 * What the extension ships cannot start processes, open connections or evaluate strings: the
 * Node and web extension bundles and the webview bundle, built in memory with the exact options
 * of scripts/build.mjs (what `npm run build` writes to dist/), are checked on their code and on
 * esbuild's metafile (every module that went in, every import left outside).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const SHIPPED = ['dist/extension.js', 'dist/engine.js', 'dist/web/extension.js', 'dist/webview/main.js'];
/**
 * What the Node bundles may import: the entry, vscode and its own simulator bundle (dist/engine.js,
 * required on first use); the simulator, the builtins `yaml` reads when present (`process.env`, `Buffer`).
 */
const NODE_ALLOWED: Record<string, Set<string>> = {
  'dist/extension.js': new Set(['vscode', './engine.js']),
  'dist/engine.js': new Set(['buffer', 'process']),
};
const DANGEROUS = ['child_process', 'net', 'tls', 'http', 'https', 'http2', 'dgram', 'dns', 'worker_threads', 'cluster', 'vm', 'fs', 'fs/promises', 'inspector'];

interface Bundle {
  code: string;
  metafile: Metafile;
}

async function shipped(): Promise<Map<string, Bundle>> {
  const url = pathToFileURL(join(__dirname, '..', '..', 'scripts', 'build.mjs')).href;
  const { builds } = (await import(url)) as { builds: BuildOptions[] };
  const out = new Map<string, Bundle>();
  for (const options of builds.filter((b) => SHIPPED.includes(b.outfile as string))) {
    const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
    const code = result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
    out.set(options.outfile as string, { code, metafile: result.metafile! });
  }
  return out;
}

function externalImports(bundle: Bundle): string[] {
  return [...new Set(Object.values(bundle.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, ''))))].sort();
}

describe('extension security: the shipped bundles', function () {
  this.timeout(120000);
  let bundles: Map<string, Bundle>;

  before(async () => {
    bundles = await shipped();
  });

  it('builds the four shipped bundles', () => {
    assert.deepEqual([...bundles.keys()].sort(), [...SHIPPED].sort());
  });

  it('the Node extension imports only vscode, its simulator bundle and harmless builtins: no child_process, sockets, fs', () => {
    assert.ok(externalImports(bundles.get('dist/extension.js')!).includes('vscode'));
    for (const [file, allowed] of Object.entries(NODE_ALLOWED)) {
      const node = bundles.get(file)!;
      const imports = externalImports(node);
      for (const spec of imports) assert.ok(allowed.has(spec), `${file} imports ${spec}`);
      const required = [...node.code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!.replace(/^node:/, ''));
      for (const spec of required) assert.ok(allowed.has(spec), `${file} requires ${spec}`);
      for (const name of DANGEROUS) assert.ok(!required.includes(name) && !imports.includes(name), name);
      assert.doesNotMatch(node.code, /child_process/);
    }
  });

  it('the web extension and the webview import nothing but vscode', () => {
    assert.deepEqual(externalImports(bundles.get('dist/web/extension.js')!), ['vscode']);
    assert.deepEqual(externalImports(bundles.get('dist/webview/main.js')!), []);
    for (const file of ['dist/web/extension.js', 'dist/webview/main.js']) {
      const required = [...bundles.get(file)!.code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(required)].filter((r) => r !== 'vscode'), [], file);
    }
  });

  it('no bundle evaluates strings (eval, new Function, string timers) or opens connections', () => {
    for (const [file, bundle] of bundles) {
      assert.doesNotMatch(bundle.code, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]|set(?:Timeout|Interval)\s*\(\s*["'`]/, file);
      assert.doesNotMatch(bundle.code, /\bnew\s+(?:WebSocket|EventSource|XMLHttpRequest)\b|\bfetch\s*\(|navigator\.sendBeacon/, file);
    }
  });

  it('every module inside comes from src/, webview/ or an audited dependency', () => {
    const allowed = /^(src|webview)\/|^node_modules\/(yaml|d3-[a-z]+|@vscode-elements|lit|@lit|lit-html|lit-element|@lit-labs|internmap)\//;
    for (const [file, bundle] of bundles) {
      const inputs = Object.keys(bundle.metafile.inputs);
      assert.ok(inputs.length > 10, `${file}: ${inputs.length} inputs`);
      for (const input of inputs) assert.match(input, allowed, `${file} bundles ${input}`);
    }
  });
});
