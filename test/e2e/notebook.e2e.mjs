// Lab notebooks in the real workbench: labs/01-interfaces.lab.md opens in the notebook editor
// through the extension's serializer, a cell runs on the simulated world and its output is in the
// DOM, and a failing check shows its hint.
import assert from 'node:assert/strict';
import { skipUnlessContributes } from './contributes.mjs';
import { skipUnlessReady } from './env.mjs';
import { openWorkbench, plain } from './workbench.mjs';

const LAB = '01-interfaces.lab.md';

/** The text of the notebook's output webview (outputs render inside it, iframe in iframe). */
function outputsFrame(page) {
  return page.frameLocator('.notebookOverlay iframe.webview').first().frameLocator('#active-frame');
}

/** Text under a node, into shadow roots too (the markdown renderer draws into one). Runs in the page. */
function deepText(node) {
  const parts = [];
  const walk = (n) => {
    if (n.nodeType === 3) parts.push(n.nodeValue);
    if (n.nodeName === 'SCRIPT' || n.nodeName === 'STYLE') return;
    if (n.shadowRoot) walk(n.shadowRoot);
    for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return parts.join('');
}

/** Waits until the output webview's text matches (its body counts as hidden to playwright, so poll the text). */
async function outputText(page, re, { timeoutMs = 30000, scroll = false } = {}) {
  const body = outputsFrame(page).locator('#container');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = plain((await body.evaluate(deepText, undefined, { timeout: 5000 }).catch(() => '')) || '');
    if (re.test(text)) return text;
    if (Date.now() > deadline) await page.screenshot({ path: 'test-results/e2e/notebook-error.png' }).catch(() => {});
    if (Date.now() > deadline) throw new Error(`no cell output matching ${re} within ${timeoutMs} ms; outputs: ${JSON.stringify(text.slice(-700))}`);
    if (scroll) await page.mouse.wheel(0, 200); // outputs below the view are not rendered yet
    await page.waitForTimeout(300);
  }
}

/** The notebook list only renders the cells in view: scroll down until a cell with this text exists. */
async function scrollToCell(page, text) {
  const row = page.locator('.notebookOverlay .code-cell-row', { hasText: text }).first();
  await page.locator('.notebookOverlay .cell-list-container').first().hover();
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

async function runCell(page, row) {
  // Focus the cell, then its run button (the ▷ left of the cell).
  await row.locator('.monaco-editor .view-lines').first().click();
  await row.locator('.run-button-container .action-label').first().click();
}

describe('e2e: lab notebook (code-server, headless chromium)', function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    skipUnlessContributes(this, 'notebooks', (c) => (c.notebooks || []).some((n) => n.type === 'vethlab-notebook'));
    wb = await openWorkbench({ open: LAB });
  });
  after(async () => { await wb?.close(); });

  it(`opens labs/${LAB} as a notebook with its code cells`, async () => {
    await wb.page.locator('.notebookOverlay').first().waitFor({ timeout: 30000 });
    const first = wb.page.locator('.notebookOverlay .code-cell-row .view-lines').first();
    await first.waitFor({ timeout: 60000 });
    assert.match(plain(await first.innerText()), /ip link/);
    assert.match(plain(await first.innerText()), /ip -br addr/);
  });

  it('running the first cell shows eth0 192.168.1.2/24 in its output', async () => {
    const row = wb.page.locator('.notebookOverlay .code-cell-row').first();
    await runCell(wb.page, row);
    const text = await outputText(wb.page, /192\.168\.1\.2\/24/);
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
