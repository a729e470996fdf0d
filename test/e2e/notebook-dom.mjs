// Reading and driving a notebook in the workbench DOM: cells are rows of the notebook list (only the
// ones in view are rendered), outputs render in the notebook's output webview (iframe in iframe).
import { plain } from './workbench.mjs';

/** The notebook's output webview: outputs render inside it, iframe in iframe. */
export function outputsFrame(page) {
  return page.frameLocator('.notebookOverlay iframe.webview').first().frameLocator('#active-frame');
}

/** Text under a node, into shadow roots too (the markdown renderer draws into one). Runs in the page. */
export function deepText(node) {
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
export async function outputText(page, re, { timeoutMs = 30000, scroll = false, shot = 'notebook-error', pollMs = 300 } = {}) {
  const body = outputsFrame(page).locator('#container');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Reading the nested webview can take seconds on a loaded machine: a read that times out counts as empty.
    const text = plain((await body.evaluate(deepText, undefined, { timeout: 15000 }).catch(() => '')) || '');
    if (re.test(text)) return text;
    if (Date.now() > deadline) {
      await page.screenshot({ path: `test-results/e2e/${shot}.png` }).catch(() => {});
      throw new Error(`no cell output matching ${re} within ${timeoutMs} ms; outputs: ${JSON.stringify(text.slice(-700))}`);
    }
    if (scroll) await page.mouse.wheel(0, 200); // outputs below the view are not rendered yet
    await page.waitForTimeout(pollMs);
  }
}

/** The code cells' rows, in document order (only those rendered). */
export const codeRows = (page) => page.locator('.notebookOverlay .code-cell-row');

/** The notebook list only renders the cells in view: scroll down until a cell with this text exists. */
export async function scrollToCell(page, text) {
  const row = codeRows(page).filter({ hasText: text }).first();
  await page.locator('.notebookOverlay .cell-list-container').first().hover();
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

/**
 * Focuses the notebook's last cell (command mode, Ctrl+End: notebook.focusBottom) so that it is rendered
 * and stays anchored in view while cells above it grow; `text` identifies its row. Falls back to scrolling.
 */
export async function revealLastCell(page, text) {
  const row = codeRows(page).filter({ hasText: text }).first();
  const target = (await row.count()) ? row : codeRows(page).first();
  await target.locator('.monaco-editor .view-lines').first().click().catch(() => {});
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+End');
  await row.waitFor({ timeout: 10000 }).catch(() => {});
  if (!(await row.count())) {
    const box = await page.locator('.notebookOverlay .cell-list-container').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    for (let i = 0; i < 60 && !(await row.count()); i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(250);
    }
  }
  await row.scrollIntoViewIfNeeded({ timeout: 10000 });
  return row;
}

/** Waits for the notebook editor and its first code cell's text; a picture of the page when it never comes. */
export async function waitForNotebook(page, { timeoutMs = 150000, shot = 'notebook-open-error' } = {}) {
  try {
    await codeRows(page).first().locator('.view-lines').first().waitFor({ timeout: timeoutMs });
  } catch (e) {
    await page.screenshot({ path: `test-results/e2e/${shot}.png` }).catch(() => {});
    throw e;
  }
}

/** Focus the cell, then its run button (the ▷ left of the cell). */
export async function runCell(page, row) {
  await row.locator('.monaco-editor .view-lines').first().click();
  await row.locator('.run-button-container .action-label').first().click();
}
