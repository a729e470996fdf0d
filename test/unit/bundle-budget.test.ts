/**
 * The shipped bundles stay inside their budgets (issue 9): the Node extension and the web
 * extension under 1 MB, the topology webview under 300 KB. Built in memory with the exact options
 * of scripts/build.mjs, so the test measures what `npm run build` ships, whatever is in dist/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const MB = 1000 * 1000;
const BUDGETS: Record<string, number> = {
  'dist/extension.js': 1 * MB,
  'dist/web/extension.js': 1 * MB,
  'dist/webview/main.js': 300 * 1024,
};

async function shippedOptions(): Promise<BuildOptions[]> {
  const url = pathToFileURL(join(__dirname, '..', '..', 'scripts', 'build.mjs')).href;
  const { builds } = (await import(url)) as { builds: BuildOptions[] };
  return builds.filter((b) => typeof b.outfile === 'string' && b.outfile in BUDGETS);
}

interface Bundle { code: string; map: string | undefined }

async function bundle(options: BuildOptions): Promise<Bundle> {
  const result = await build({ ...options, write: false, logLevel: 'silent' });
  const out = result.outputFiles ?? [];
  const code = out.find((f) => f.path.endsWith('.js'));
  assert.ok(code, `no .js output for ${options.outfile}`);
  return { code: code.text, map: out.find((f) => f.path.endsWith('.js.map'))?.text };
}

describe('bundle budgets (scripts/build.mjs options, built in memory)', function () {
  this.timeout(120000);
  const bundles = new Map<string, Bundle>();

  before(async () => {
    for (const options of await shippedOptions()) bundles.set(options.outfile as string, await bundle(options));
  });

  it('builds every budgeted bundle', () => {
    assert.deepEqual([...bundles.keys()].sort(), Object.keys(BUDGETS).sort());
  });

  for (const [file, budget] of Object.entries(BUDGETS)) {
    it(`${file} is under ${budget >= MB ? `${budget / MB} MB` : `${budget / 1024} KB`}`, () => {
      const size = Buffer.byteLength(bundles.get(file)?.code ?? '');
      console.log(`    ${file}: ${(size / 1024).toFixed(1)} KB`);
      assert.ok(size > 0 && size < budget, `${file} is ${size} bytes, budget ${budget}`);
    });
  }

  it('the extension bundles are minified with readable names and an external source map', () => {
    for (const file of ['dist/extension.js', 'dist/web/extension.js']) {
      const { code, map } = bundles.get(file) ?? { code: '', map: undefined };
      const lines = code.split('\n').length;
      assert.ok(lines < code.length / 200, `${file}: ${lines} lines for ${code.length} bytes is not minified`);
      assert.match(code, /"activate"/, `${file}: keepNames keeps activate's name for stack traces`);
      assert.match(code, /\n\/\/# sourceMappingURL=extension\.js\.map\n?$/, `${file}: the source map is linked, not inlined`);
      assert.ok(map && JSON.parse(map).sources.some((s: string) => s.endsWith('src/host/extension.ts')), `${file}: the map points at the sources`);
    }
  });

  it('the web extension bundle requires nothing but vscode', () => {
    const required = new Set([...(bundles.get('dist/web/extension.js')?.code ?? '').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });
});
