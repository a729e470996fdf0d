// The sidebar tree in the real workbench: after a lab cell runs, the Vethlab "Network" view
// lists the world's host and its links.
import assert from 'node:assert/strict';
import { skipUnlessContributes } from './contributes.mjs';
import { skipUnlessReady, WORKBENCH } from './env.mjs';
import { runCell, waitForNotebook } from './notebook-dom.mjs';
import { openWorkbench, plain } from './workbench.mjs';

const LAB = '01-interfaces.lab.md';

describe(`e2e: Network tree (${WORKBENCH})`, function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    skipUnlessContributes(this, 'the vethlab.explorer view', (c) => Object.values(c.views || {}).flat().some((v) => v.id === 'vethlab.explorer'));
    wb = await openWorkbench({ open: LAB });
  });
  after(async () => { await wb?.close(); });

  it('the Network view lists the world after a cell ran', async () => {
    const page = wb.page;
    await waitForNotebook(page);
    await runCell(page, page.locator('.notebookOverlay .code-cell-row').first());
    await page.locator('.activitybar .action-item a[aria-label^="Vethlab"]').first().click();
    const tree = page.locator('.pane', { hasText: 'Network' }).locator('.monaco-list-row');
    await tree.first().waitFor({ timeout: 60000 }).catch(async (e) => {
      await wb.screenshot('tree-error');
      throw e;
    });
    const deadline = Date.now() + 20000;
    let labels = [];
    while (Date.now() < deadline) {
      labels = (await tree.allInnerTexts()).map(plain);
      if (labels.some((l) => /host \(root\)/.test(l))) break;
      await page.waitForTimeout(500);
    }
    console.log(`      tree rows: ${labels.map((l) => l.replace(/\s+/g, ' ')).join(' | ')}`);
    assert.ok(labels.some((l) => /host \(root\)\s*2 links/.test(l)), 'the tree shows the host\'s root namespace with its 2 links (lo, eth0)');
    await page.mouse.move(1300, 880);
    await wb.screenshot('tree');
  });
});
