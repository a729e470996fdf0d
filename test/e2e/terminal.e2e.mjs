// The extension in the real workbench: activation from the command palette, and the Vethlab
// terminal running a command on the simulated bare world.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbench, plain, RESULTS } from './workbench.mjs';
import { skipUnlessReady, WORKBENCH } from './env.mjs';

describe(`e2e: terminal (${WORKBENCH})`, function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    wb = await openWorkbench();
  });
  after(async () => { await wb?.close(); });

  it('Vethlab: Open Shell (bare world) activates the extension and opens its terminal', async () => {
    await wb.runCommand('Vethlab: Open Shell (bare world)');
    const rows = wb.page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.filter({ hasText: 'Vethlab: a simulated Linux host' }).waitFor({ timeout: 30000 });
    const log = wb.exthostLog();
    assert.match(log, /ExtensionService#_doActivateExtension vethlab\.vethlab/, 'the extension host log shows Vethlab activated');
  });

  it('Developer: Show Running Extensions shows Vethlab\'s activation time (code loading + activate call, as VS Code times it)', async () => {
    await wb.runCommand('Developer: Show Running Extensions');
    const row = wb.page.locator('.monaco-list-row', { has: wb.page.locator('.name', { hasText: /^Vethlab$/ }) }).first();
    const label = row.locator('.activation-time');
    // The list is virtualised and sorted by VS Code's timings: Vethlab's row may be below the
    // fold, so scroll it (a wheel step at a time) until the row is rendered.
    const anyRow = wb.page.locator('.monaco-list-row', { has: wb.page.locator('.activation-time') }).first();
    await anyRow.waitFor({ timeout: 30000 });
    for (let step = 0; step < 30 && (await row.count()) === 0; step++) {
      await anyRow.hover();
      await wb.page.mouse.wheel(0, 300);
      await wb.page.waitForTimeout(150);
    }
    await label.filter({ hasText: /Activation: \d+ms/ }).waitFor({ timeout: 30000 });
    const text = await label.innerText();
    const ms = Number(/Activation: (\d+)ms/.exec(text)?.[1]);
    console.log(`      Running Extensions: Vethlab ${text.trim()}`);
    assert.ok(Number.isFinite(ms), text);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'activation.json'), JSON.stringify({ activationMs: ms, shown: text.trim(), measuredAt: new Date().toISOString() }, null, 2) + '\n');
    await wb.screenshot('running-extensions');
  });

  it('ip -br a in the terminal shows eth0 192.168.1.2/24', async () => {
    const page = wb.page;
    await page.locator('.terminal-wrapper.active .xterm-helper-textarea').focus();
    await page.keyboard.type('ip -br a');
    await page.keyboard.press('Enter');
    const rows = page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.filter({ hasText: /eth0\s+UP\s+192\.168\.1\.2\/24/ }).waitFor({ timeout: 15000 });
    const text = plain(await rows.innerText());
    assert.match(text, /^lo\s+UNKNOWN\s+127\.0\.0\.1\/8/m);
    assert.match(text, /^eth0\s+UP\s+192\.168\.1\.2\/24/m);
    await wb.screenshot('terminal');
  });
});
