// Drives the real VS Code workbench for one scenario: a fresh code-server (fresh user data and
// extensions, the Vethlab .vsix installed), a fresh headless chromium profile, then the page.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, chromium } from 'playwright-core';
import { desktopArgs } from '../../scripts/e2e/desktop.mjs';
import { freshProfile, installExtension, startCodeServer } from '../../scripts/vscode/code-server.mjs';
import { CHROMIUM, ROOT } from '../../scripts/vscode/paths.mjs';
import { e2eEnv } from './env.mjs';

export const RESULTS = path.join(ROOT, 'test-results', 'e2e');

/** Chromium stays off the network: no background requests, no component updates, no sync. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--no-default-browser-check', '--disable-features=Translate,OptimizationHints,MediaRouter'];

export async function launchChromium() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vethlab-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 }, args: CHROMIUM_ARGS,
  });
  return { context, close: async () => { await context.close().catch(() => {}); rmSync(dir, { recursive: true, force: true }); } };
}

export const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures');

/** A copy of labs/ and the e2e fixture labs (so a scenario can run and save cells without touching the repository). */
function workspaceCopy(profileDir) {
  const ws = path.join(profileDir, 'labs');
  mkdirSync(ws, { recursive: true });
  for (const dir of [path.join(ROOT, 'labs'), FIXTURES]) if (existsSync(dir)) cpSync(dir, ws, { recursive: true });
  return ws;
}

/**
 * `open`: a file name in labs/ to open at start (through the workbench URL's payload, as
 * `npm start` does; *.lab.md files open in the notebook editor, as they do with `labs: true`).
 */
export async function openWorkbench({ open, labs } = {}) {
  const env = e2eEnv();
  const profile = freshProfile('vethlab-e2e-');
  const workspace = workspaceCopy(profile.dir);
  if (open || labs) addSettings(profile, { 'workbench.editorAssociations': { '*.lab.md': 'vethlab-notebook' } });
  const t0 = Date.now();
  let started;
  try {
    started = env.desktop ? await launchDesktop(env, profile, workspace, open) : await launchCodeServer(env, profile, workspace, open);
    // On a loaded 2-core machine the workbench takes up to a minute or two to appear.
    await started.page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
    await started.page.locator('.statusbar').waitFor({ timeout: 60000 });
  } catch (e) {
    // Nothing may outlive a failed start: a server or browser left running keeps mocha from exiting.
    await started?.stop();
    if (!process.env.VETHLAB_E2E_KEEP) profile.remove();
    throw e;
  }
  const { page, stop, pid } = started;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wb = {
    page, profile, workspace, errors, loadMs: Date.now() - t0,
    runCommand: (title, timeoutMs) => runCommand(page, title, timeoutMs),
    quickOpen: (name) => quickOpen(page, name),
    screenshot: (name) => { mkdirSync(RESULTS, { recursive: true }); return page.screenshot({ path: path.join(RESULTS, `${name}.png`) }); },
    exthostLog: () => readLogs(profile.userData, env.desktop ? 'exthost.log' : 'remoteexthost.log'),
    /** The extension host's resident memory in bytes (Linux /proc), undefined when it cannot be found. */
    exthostRss: () => exthostRss(pid),
    close: async () => {
      await stop();
      await new Promise((r) => setTimeout(r, 300));
      if (!process.env.VETHLAB_E2E_KEEP) profile.remove();
    },
  };
  return wb;
}

/** CI's route: code-server with the .vsix installed, the workbench in headless chromium. */
async function launchCodeServer(env, profile, workspace, open) {
  installExtension(profile, env.vsix);
  const server = await startCodeServer({ profile, workspace, log: path.join(profile.dir, 'server.log') });
  let browser;
  const stop = async () => {
    server.stop();
    await browser?.close();
  };
  try {
    browser = await launchChromium();
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    let url = server.folderUrl(workspace);
    if (open) url += `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://${new URL(server.url).host}${path.join(workspace, open)}`]]))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    return { page, stop, pid: server.pid };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The desktop route: VS Code itself with this checkout as an Extension Development Host, driven by playwright's Electron support. */
async function launchDesktop(env, profile, workspace, open) {
  const app = await _electron.launch({
    executablePath: env.desktop.executable,
    args: desktopArgs({ root: ROOT, userData: profile.userData, extensions: profile.extensions, workspace, open }),
    env: profile.env,
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1400, height: 900 }).catch(() => {});
  return { page, stop: () => app.close().catch(() => {}), pid: app.process().pid };
}

/** Processes under `root` (its children, theirs …) from /proc: pid -> { ppid, cmdline }. */
function descendants(root) {
  const procs = new Map();
  for (const name of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.set(Number(name), { ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch { /* gone meanwhile */ }
  }
  const under = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) if (!under.has(pid) && under.has(p.ppid)) (under.add(pid), (grew = true));
  }
  return [...under].filter((pid) => pid !== root && procs.has(pid)).map((pid) => ({ pid, ...procs.get(pid) }));
}

/** VmRSS of the workbench's extension host process (code-server's or Electron's `--type=extensionHost` child). */
function exthostRss(root) {
  if (!root) return undefined;
  const host = descendants(root).find((p) => /--type=extensionHost/.test(p.cmdline));
  if (!host) return undefined;
  try {
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${host.pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function addSettings(profile, extra) {
  const file = path.join(profile.userData, 'User', 'settings.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...extra }, null, 2) + '\n');
}

/** Text of every log file with this name under the user-data logs folder. */
function readLogs(userData, name) {
  const out = [];
  const walk = (d) => {
    let entries = [];
    try { entries = readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(userData, 'logs'));
  return out.join('\n');
}

/**
 * Runs a command by its palette title. Extension contributions register a moment after the
 * workbench appears and the palette does not refresh while open, so close and retry until listed.
 */
export async function runCommand(page, title, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 2000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`command "${title}" never appeared in the palette`);
      await page.waitForTimeout(500);
    }
  }
}

/** Ctrl+P, type a file name, open the first match. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
}

/** Monaco and xterm write spaces as U+00A0. */
export const plain = (s) => s.replace(/\u00a0/g, ' ');
