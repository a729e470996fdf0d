// A lab worked through in the real workbench (test/e2e/fixtures/e2e-veth.lab.md: a cell makes
// netns red and a veth pair, a second cell makes blue, a check cell wants red and no blue):
// a hover over `ip link add` explains it; Run All gives every cell its own output; "Revert World
// to Before This Cell" on the second cell takes blue away, so the check passes when run again;
// the topology panel draws the nodes the cells created and follows the next cell that runs.
import assert from 'node:assert/strict';
import { skipUnlessContributes } from './contributes.mjs';
import { skipUnlessReady, WORKBENCH } from './env.mjs';
import { codeRows, outputText, runCell, scrollToCell, waitForNotebook } from './notebook-dom.mjs';
import { openWorkbench, plain } from './workbench.mjs';

const LAB = 'e2e-veth.lab.md';

/** Hovers the mouse over `word` in a line of the cell's editor (monaco draws each line as spans of text). */
async function hoverWord(page, row, lineText, word) {
  const line = row.locator('.view-line', { hasText: lineText }).first();
  await line.waitFor();
  const point = await line.evaluate((el, w) => {
    const text = el.textContent.replace(/\u00a0/g, ' ');
    const at = text.indexOf(w);
    const box = el.querySelector('span').getBoundingClientRect();
    // Monospace: the line's text box is text.length characters wide.
    return { x: box.left + (box.width * (at + w.length / 2)) / text.length, y: box.top + box.height / 2 };
  }, word);
  await page.mouse.move(point.x - 40, point.y);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/**
 * The topology panel's SVG node labels, read in the webview's own document (iframe in iframe). The
 * notebook's outputs are a webview too, so the frame is the one that holds svg#topology.
 */
async function topologyFrame(page) {
  for (const frame of page.frames()) if (await frame.locator('svg#topology').count().catch(() => 0)) return frame;
  return undefined;
}

async function topologyLabels(page) {
  const frame = await topologyFrame(page);
  return frame ? (await frame.locator('svg#topology g.nodes text.label').allTextContents()).map(plain) : [];
}

async function waitForLabels(page, has, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let labels = [];
  while (Date.now() < deadline) {
    labels = await topologyLabels(page).catch(() => []);
    if (has(labels)) return labels;
    await page.waitForTimeout(400);
  }
  throw new Error(`topology labels never matched; last: ${labels.join(', ')}`);
}

describe(`e2e: working through a lab (${WORKBENCH})`, function () {
  let wb;
  before(async function () {
    skipUnlessReady(this);
    skipUnlessContributes(this, 'the Revert World to Before This Cell command', (c) => (c.commands || []).some((x) => x.command === 'vethlab.revertToCell'));
    wb = await openWorkbench({ open: LAB });
    await waitForNotebook(wb.page);
  });
  after(async () => { await wb?.close(); });

  it('a hover over `ip link add` in a cell explains what it does', async () => {
    const page = wb.page;
    const row = codeRows(page).first();
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'ip link add' });
    for (let attempt = 0; attempt < 5 && !(await hover.count()); attempt++) {
      await hoverWord(page, row, 'ip link add', 'link');
      await hover.first().waitFor({ timeout: 4000 }).catch(() => {});
    }
    const text = plain(await hover.first().innerText());
    console.log(`      hover: ${text.split('\n').slice(0, 2).join(' / ')}`);
    assert.match(text, /ip link add/);
    assert.match(text, /creates a virtual interface/);
    await wb.screenshot('hover');
    await page.keyboard.press('Escape');
  });

  it('Run All runs every cell and each gets its own output', async () => {
    const page = wb.page;
    await page.locator('.notebookOverlay .notebook-toolbar-container .action-label[aria-label="Run All"]').first().click();
    // The three cells' outputs, in document order: red's diff, blue's diff and ip -br link, the check verdicts.
    // 90 s: at load average 20 the three cells' outputs took longer than 30 s to read (09:50 run).
    const text = await outputText(page, /\+ netns blue[\s\S]*FAIL[\s\S]*netns blue does not exist/, { timeoutMs: 90000, shot: 'run-all-error' });
    const red = text.indexOf('+ netns red');
    const blue = text.indexOf('+ netns blue');
    const verdict = text.indexOf('netns blue does not exist');
    assert.ok(red >= 0 && red < blue && blue < verdict, `outputs in cell order: ${JSON.stringify(text.slice(0, 600))}`);
    assert.match(text, /veth-host\S*\s+DOWN/, 'the second cell printed ip -br link');
    // The shell cells show their execution order, 1 then 2 (the check cell's verdicts are above).
    const orders = (await codeRows(page).locator('.execution-count-label').allInnerTexts()).map((t) => t.trim());
    console.log(`      execution order labels: ${orders.join(' ')}`);
    assert.deepEqual(orders.filter(Boolean).slice(0, 2), ['[1]', '[2]']);
    await page.mouse.move(1300, 880);
    await wb.screenshot('run-all');
  });

  it('Revert World to Before This Cell on the second cell takes blue away: the check passes', async () => {
    const page = wb.page;
    const second = await scrollToCell(page, 'ip netns add blue');
    await second.locator('.monaco-editor .view-lines').first().click();
    // The cell's title toolbar shows on the focused cell; its inline action is the ⟲ button.
    const revert = second.locator('.cell-title-toolbar .action-label[aria-label="Revert World to Before This Cell"]').first();
    await second.hover();
    await revert.click({ timeout: 20000 });
    await page.locator('.notifications-toasts').filter({ hasText: 'the world is back as it was before this cell ran' }).waitFor({ timeout: 15000 });
    await runCell(page, await scrollToCell(page, 'netns blue does not exist'));
    const text = await outputText(page, /PASS[^\n]*netns blue does not exist/, { shot: 'revert-error' });
    assert.match(text, /PASS[^\n]*netns red exists/);
    await page.mouse.move(1300, 880);
    await wb.screenshot('revert');
  });

  it('the topology panel draws the nodes the cells created and updates when another cell runs', async () => {
    const page = wb.page;
    await wb.runCommand('Vethlab: Show Topology');
    const before = await waitForLabels(page, (l) => l.includes('red') && l.includes('veth-host'));
    console.log(`      topology labels: ${before.join(', ')}`);
    assert.ok(before.includes('veth-red'), 'veth-red is drawn (in red)');
    assert.ok(!before.includes('blue'), 'blue was reverted away');
    // Run the second cell again: blue appears in the same panel.
    await runCell(page, await scrollToCell(page, 'ip netns add blue'));
    const after = await waitForLabels(page, (l) => l.includes('blue'));
    console.log(`      after the second cell: ${after.join(', ')}`);
    assert.ok(after.includes('red') && after.includes('veth-host'), 'the earlier nodes stay');
    // The picture (README's hero image): the sidebar hidden for room, the drawing fitted once the layout settled.
    await wb.runCommand('Toggle Primary Side Bar Visibility').catch(() => {});
    await page.waitForTimeout(2500);
    await (await topologyFrame(page))?.locator('#fit').click().catch(() => {});
    await page.waitForTimeout(1000);
    await page.mouse.move(1300, 880);
    await wb.screenshot('lab-topology');
  });
});
