// Makes this machine ready for the e2e scenarios, on first use: Debian chromium (apt, needs root),
// the workbench (code-server from npm into .cache/vscode) and the packaged .vsix.
// Returns { vsix } or { skip: reason }: a reason is printed, never a silent pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWorkbench, installBlocker } from '../vscode/install.mjs';
import { desktopVscode } from './desktop.mjs';
import { CACHE, CHROMIUM, INSTALL_LOG, ROOT, workbenchInstalled } from '../vscode/paths.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function apt(pkgs, log) {
  log(`  apt-get install ${pkgs.join(' ')} ...`);
  const args = ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', ...pkgs];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', args, { env, encoding: 'utf8' });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8' });
    r = spawnSync('apt-get', args, { env, encoding: 'utf8' });
  }
  return r.status === 0 ? null : (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ');
}

/** Debian packages the e2e needs that are missing: chromium, and the build tools for code-server's native modules. */
function missingPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!workbenchInstalled() && installBlocker()) missing.push('libkrb5-dev', 'python3', 'make', 'g++');
  return missing;
}

/** Which workbench the suites drive: code-server in headless chromium (CI), or a desktop VS Code. */
export const e2eDriver = () => (process.env.VETHLAB_E2E_DRIVER === 'desktop' ? 'desktop' : 'code-server');

export async function prepareE2E(log = console.log) {
  if (process.env.VETHLAB_E2E === '0') return { skip: 'VETHLAB_E2E=0' };
  if (e2eDriver() === 'desktop') {
    const desktop = await desktopVscode();
    if (desktop.skip) return { skip: `desktop VS Code route: ${desktop.skip}` };
    // The Extension Development Host loads this checkout's dist/, so it is built first.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed: ${r.stderr || r.stdout}`);
    return { vsix: '', desktop };
  }
  const missing = missingPackages();
  if (missing.length) {
    if (!isRoot() || !has('apt-get')) return { skip: `needs ${missing.join(', ')}; installing them takes apt-get as root (run: sudo apt-get install ${missing.join(' ')})` };
    const err = apt(missing, log);
    if (err) return { skip: `apt-get could not install ${missing.join(', ')} (no network to the Debian mirror?): ${err}` };
  }
  if (!existsSync(CHROMIUM)) return { skip: `no chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)` };
  try {
    await ensureWorkbench(log);
  } catch (e) {
    const text = existsSync(INSTALL_LOG) ? readFileSync(INSTALL_LOG, 'utf8').slice(-20000) : '';
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(text)) return { skip: `the npm registry is not reachable, so the workbench cannot be installed: ${e.message}` };
    throw e;
  }
  return { vsix: packageVsix(log) };
}

/** `vsce package` (what `npm run package` runs) into the cache: the e2e installs exactly that .vsix. */
export function packageVsix(log = console.log) {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  mkdirSync(CACHE, { recursive: true });
  const out = path.join(CACHE, `vethlab-${version}.vsix`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const started = Date.now();
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stderr || r.stdout}`);
  log(`  packaged ${path.relative(ROOT, out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}
