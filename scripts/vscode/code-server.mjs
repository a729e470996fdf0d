// Starts code-server (the real VS Code workbench, Node extension host) on 127.0.0.1 with a fresh
// profile: its own user-data, extensions and XDG folders, so nothing lands in $HOME and every run
// starts clean. Stopped by killing its process group (server, extension host, file watcher).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER, NODE24 } from './paths.mjs';

export const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  // The DOM renderer keeps the terminal's text in the page, where tests (and screen readers) can read it.
  'terminal.integrated.gpuAcceleration': 'off',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A throw-away profile: user data (with SETTINGS), extensions dir, XDG dirs. */
export function freshProfile(prefix = 'vethlab-vscode-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const d of ['ud/User', 'exts', 'xdg']) mkdirSync(path.join(dir, d), { recursive: true });
  writeFileSync(path.join(dir, 'ud', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2) + '\n');
  const xdg = path.join(dir, 'xdg');
  return {
    dir,
    userData: path.join(dir, 'ud'),
    extensions: path.join(dir, 'exts'),
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function profileArgs(profile) {
  return ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** `code-server --install-extension x.vsix` into the profile. */
export function installExtension(profile, vsix) {
  const r = spawnSync(NODE24, [CODE_SERVER, ...profileArgs(profile), '--install-extension', vsix], { env: profile.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

async function healthy(url, deadline) {
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}/healthz`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts the server on 127.0.0.1 only. `extraArgs` e.g. ['--extensions-dir', …] overrides or
 * `--extensionDevelopmentPath`-like options. Returns { url, folderUrl(folder), stop(), pid }.
 */
export async function startCodeServer({ profile, workspace, port, log = 'ignore', extraArgs = [], env = {} }) {
  port = port || (await freePort());
  const out = log === 'ignore' ? 'ignore' : openSync(log, 'a');
  const child = spawn(NODE24, [CODE_SERVER, ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', ...extraArgs, workspace],
  { env: { ...profile.env, ...env }, stdio: ['ignore', out, out], detached: true });
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  try {
    await Promise.race([
      healthy(url, Date.now() + 30000),
      new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before it was ready`)))),
    ]);
  } catch (e) {
    stop();
    throw e;
  }
  return { url, pid: child.pid, child, stop, folderUrl: (folder) => `${url}/?folder=${encodeURIComponent(folder)}` };
}
