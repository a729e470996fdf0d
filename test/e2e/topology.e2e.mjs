// The topology panel in the real workbench: Vethlab: Show Topology opens a webview whose SVG draws
// the world's nodes (read from the DOM inside the webview's nested iframes), after a cell created them.
import assert from 'node:assert/strict';
import { skipUnlessContributes } from './contributes.mjs';
import { skipUnlessReady, WORKBENCH } from './env.mjs';
import { openWorkbench } from './workbench.mjs';

describe(`e2e: topology panel (${WORKBENCH})`, function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    skipUnlessContributes(this, 'the Vethlab: Show Topology command', (c) => (c.commands || []).some((x) => x.command === 'vethlab.showTopology'));
    wb = await openWorkbench();
  });
  after(async () => { await wb?.close(); });

  it('Vethlab: Show Topology draws the world as SVG nodes', async () => {
    await wb.runCommand('Vethlab: Open Shell (bare world)');
    await wb.page.locator('.terminal-wrapper.active .xterm-rows').filter({ hasText: 'Vethlab: a simulated Linux host' }).waitFor({ timeout: 30000 });
    await wb.runCommand('Vethlab: Show Topology');
    const inner = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const nodes = inner.locator('svg g.nodes > g');
    await nodes.first().waitFor({ state: 'attached', timeout: 30000 });
    const labels = await inner.locator('svg g.nodes text.label').allTextContents();
    console.log(`      topology labels: ${labels.join(', ')}`);
    assert.ok(labels.length >= 1, 'at least one node drawn');
    await wb.page.waitForTimeout(1000);
    await wb.page.mouse.move(1300, 880);
    await wb.screenshot('topology');
  });
});
