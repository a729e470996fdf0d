// The web extension (package.json "browser": dist/web/extension.js) in a Web Worker of headless
// chromium, as VS Code for the Web loads it: no Node APIs, only require('vscode').
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/vscode/paths.mjs';
import { skipUnlessReady } from './env.mjs';
import { launchChromium } from './workbench.mjs';

describe('e2e: web extension bundle in a Web Worker (headless chromium)', function () {
  let browser;
  let result;
  before(async function () {
    skipUnlessReady(this);
    browser = await launchChromium();
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const bundle = readFileSync(path.join(ROOT, pkg.browser), 'utf8');
    const host = readFileSync(new URL('./web-worker-host.js', import.meta.url), 'utf8');
    const dts = readFileSync(path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
    const apiNames = [...new Set([...dts.matchAll(/^\t(?:export )?(?:namespace|class|enum|const|function) (\w+)/gm)].map((m) => m[1]))];
    await page.setContent('<!doctype html><title>web extension host</title>');
    result = await page.evaluate(({ host, bundle, apiNames }) => new Promise((resolve) => {
      const worker = new Worker(URL.createObjectURL(new Blob([host], { type: 'text/javascript' })));
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => resolve({ ok: false, error: e.message });
      worker.postMessage({ bundle, apiNames, input: 'ip -br a\r' });
    }), { host, bundle, apiNames });
  });
  after(async () => { await browser?.close(); });

  it('loads and activates with require("vscode") only and no Node globals', () => {
    assert.equal(result.error, undefined);
    assert.equal(result.ok, true);
    assert.equal(result.nodeGlobals, false);
    assert.deepEqual([...new Set(result.requires)], ['vscode']);
    assert.ok(result.commands.includes('vethlab.openShell'), `commands: ${result.commands.join(', ')}`);
    console.log(`      in the worker: load ${result.loadMs.toFixed(1)} ms + activate() ${result.activateMs.toFixed(1)} ms; first Open Shell ${result.firstShellMs.toFixed(1)} ms`);
  });

  it('its terminal runs ip -br a on the bare world in the worker', () => {
    // eslint-disable-next-line no-control-regex
    const text = result.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    assert.match(text, /eth0\s+UP\s+192\.168\.1\.2\/24/);
  });
});
