// Bundles every entry point into dist/: the Node extension, the web extension, the CLI,
// the benchmark runner (bench/, a dev tool outside src/ because it starts real processes) and (when present) the topology webview.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2022' };
// The shipped bundles are minified against their budgets (extension < 1 MB). Names are not kept:
// keepNames cost 44 KB (4%) per target, and the external source maps (left out of the .vsix) give
// stack traces their names back.
// One "use strict" heads each shipped bundle: with tsconfig's alwaysStrict, esbuild gives every module the
// web bundle initialises lazily its own directive (423 of them, 5.5 KB). Non-ASCII text (’, …, →) is
// written as UTF-8, not as \uXXXX escapes.
const tsconfig = JSON.parse(readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8'));
const shipped = {
  minify: true,
  charset: 'utf8',
  banner: { js: '"use strict";' },
  tsconfigRaw: { compilerOptions: { ...tsconfig.compilerOptions, alwaysStrict: false } },
};

// Activation only registers (issue 9: < 50 ms): the Node extension is a small entry plus the simulator
// in dist/engine.js, which src/host/lazy-engine.ts requires on first use. The web worker's loader
// resolves no relative require, so the web extension stays one bundle (the simulator's modules still
// initialise only on that first use).
const engineApart = {
  name: 'engine-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/engine-side$/ }, (args) => (args.importer.endsWith('lazy-engine.ts') ? { path: './engine.js', external: true } : undefined));
  },
};

export const builds = [
  { ...common, entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [engineApart], ...shipped },
  // yaml's ESM build (the web's) tree-shakes; its CommonJS build for Node does not: 17 KB less, the same parser.
  { ...common, entryPoints: ['src/host/engine-side.ts'], outfile: 'dist/engine.js', platform: 'node', format: 'cjs', external: ['vscode'], alias: { yaml: './node_modules/yaml/browser/index.js' }, ...shipped },
  { ...common, entryPoints: ['src/host/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], ...shipped },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs', external: ['playwright-core'] },
  // The extension host's memory is measured in a process that holds only the extension (bench/budgets/host-process.ts).
  { ...common, entryPoints: ['bench/budgets/host-process.ts'], outfile: 'dist/bench-host.js', platform: 'node', format: 'cjs' },
];
if (existsSync('webview/main.ts')) {
  builds.push({ ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', minify: true });
}
// Imported by test/unit/bundle-budget.test.ts for the same options; builds only when run.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await Promise.all(builds.map((options) => build(options)));
