// Lab notebooks in the real workbench: labs/01-interfaces.lab.md opens in the notebook editor
// through the extension's serializer, a cell runs on the simulated world and its output is in the
// DOM, and a failing check shows its hint.
import assert from 'node:assert/strict';
import { skipUnlessContributes } from './contributes.mjs';
import { skipUnlessReady, WORKBENCH } from './env.mjs';
import { outputText, runCell, scrollToCell, waitForNotebook } from './notebook-dom.mjs';
import { openWorkbench, plain } from './workbench.mjs';

const LAB = '01-interfaces.lab.md';

describe(`e2e: lab notebook (${WORKBENCH})`, function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    skipUnlessContributes(this, 'notebooks', (c) => (c.notebooks || []).some((n) => n.type === 'vethlab-notebook'));
    wb = await openWorkbench({ open: LAB });
  });
  after(async () => { await wb?.close(); });

  it(`opens labs/${LAB} as a notebook with its code cells`, async () => {
    await waitForNotebook(wb.page);
    const first = wb.page.locator('.notebookOverlay .code-cell-row .view-lines').first();
    assert.match(plain(await first.innerText()), /ip link/);
    assert.match(plain(await first.innerText()), /ip -br addr/);
  });

  it('running the first cell shows eth0 192.168.1.2/24 in its output', async () => {
    const row = wb.page.locator('.notebookOverlay .code-cell-row').first();
    await runCell(wb.page, row);
    const text = await outputText(wb.page, /eth0\s+UP\s+192\.168\.1\.2\/24/); // the prose says 192.168.1.2/24 too
    assert.match(text, /eth0\s+UP\s+192\.168\.1\.2\/24/);
    await wb.page.mouse.move(1300, 880);
    await wb.screenshot('notebook');
  });

  it('a failing check shows its hint', async () => {
    const row = await scrollToCell(wb.page, 'link dummy0 exists');
    await runCell(wb.page, row);
    await outputText(wb.page, /link dummy0 exists[\s\S]*create it with/, { scroll: true });
    await wb.page.waitForTimeout(1500);
    await wb.page.mouse.move(1300, 880);
    await wb.screenshot('check-hint');
  });
});
