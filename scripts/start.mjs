// `npm start` (after `npm run build`): opens Vethlab in a real VS Code with labs/ as the workspace
// and the first lab open. The desktop `code` when it is on PATH (--extensionDevelopmentPath);
// otherwise code-server (the VS Code workbench in your browser) on 127.0.0.1, installed on first
// use into .cache/vscode. Ctrl-C stops it. VETHLAB_START=code-server forces the browser route.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SETTINGS, freePort, startCodeServer } from './vscode/code-server.mjs';
import { ensureWorkbench } from './vscode/install.mjs';
import { CACHE, ROOT } from './vscode/paths.mjs';

const labsDir = path.join(ROOT, 'labs');
mkdirSync(labsDir, { recursive: true });
const firstLab = readdirSync(labsDir).filter((f) => f.endsWith('.lab.md')).sort()[0];
const labPath = firstLab ? path.join(labsDir, firstLab) : null;
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (process.env.VETHLAB_START !== 'code-server' && onPath('code')) {
  console.log(`Opening VS Code with Vethlab from ${ROOT} (extension development host), workspace labs/${firstLab ? `, ${firstLab}` : ''}`);
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, labsDir, ...(labPath ? [labPath] : [])], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const portFree = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});

async function main() {
  console.log('No desktop `code` on PATH: starting the VS Code workbench (code-server) for your browser.');
  const installed = await ensureWorkbench((line) => console.log(line));
  if (!installed.cached) console.log(`  first start cost: ${(installed.ms / 1000).toFixed(0)} s, ${(installed.bytes / 1e6).toFixed(0)} MB in .cache/vscode`);

  // A profile kept between starts (settings, history), with this checkout linked in as the extension:
  // after `npm run build`, reload the browser tab to pick up the new build.
  const base = path.join(CACHE, 'start-profile');
  const profile = {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    env: { ...process.env, XDG_CONFIG_HOME: path.join(base, 'xdg'), XDG_DATA_HOME: path.join(base, 'xdg'), XDG_CACHE_HOME: path.join(base, 'xdg') },
  };
  mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  const settings = path.join(profile.userData, 'User', 'settings.json');
  let mine = {};
  try { mine = JSON.parse(readFileSync(settings, 'utf8')); } catch { /* none yet, or JSON with comments: keep ours */ }
  // Labs open as notebooks, also when the file is opened from the URL.
  writeFileSync(settings, JSON.stringify({ ...SETTINGS, 'workbench.editorAssociations': { '*.lab.md': 'vethlab-notebook' }, ...mine }, null, 2) + '\n');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const e of readdirSync(profile.extensions)) if (e.startsWith(`${pkg.publisher}.${pkg.name}-`)) rmSync(path.join(profile.extensions, e), { recursive: true, force: true });
  const link = path.join(profile.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!existsSync(link) || !lstatSync(link).isSymbolicLink()) symlinkSync(ROOT, link, 'dir');

  const wanted = Number(process.env.VETHLAB_PORT || 8765);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  const server = await startCodeServer({ profile, workspace: labsDir, port, log: path.join(base, 'server.log') });
  let url = server.folderUrl(labsDir);
  if (labPath) url += `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${labPath}`]]))}`;
  console.log(`\nVethlab is running in VS Code (code-server, listening on 127.0.0.1 only). Open:\n\n  ${url}\n`);
  console.log(`Workspace: labs/${firstLab ? `, opening ${firstLab}` : ''}. Server log: ${path.relative(ROOT, path.join(base, 'server.log'))}. Ctrl-C stops it.`);
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => { console.log(`code-server exited (${code}).`); process.exit(code ?? 1); });
}

main().catch((e) => { console.error(`vethlab start: ${e.message}`); process.exit(1); });
