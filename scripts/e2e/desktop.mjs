// The desktop (Electron) VS Code route of the e2e suites, for people who have VS Code installed:
// `npm run test:e2e:desktop` runs the same mocha suites against it instead of code-server, with this
// checkout loaded as an Extension Development Host (--extensionDevelopmentPath, as @vscode/test-electron's
// runTests starts it). Which VS Code: VSCODE_EXECUTABLE (the Electron binary), else the `code` on
// PATH, else the one @vscode/test-electron downloads from Microsoft's update server, only when
// VETHLAB_E2E_DOWNLOAD=1 allows it. With none of them the suites skip and print why.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CACHE } from '../vscode/paths.mjs';

const which = (cmd, env) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : '';
};

/** From the `code` launcher script to the Electron binary it starts (Linux, macOS, Windows layouts). */
function executableFromCli(cli) {
  const bin = path.dirname(realpathSync(cli));
  const candidates = process.platform === 'darwin'
    ? [path.resolve(bin, '..', '..', '..', 'MacOS', 'Electron'), path.resolve(bin, '..', '..', '..', 'MacOS', 'Code')]
    : process.platform === 'win32' ? [path.resolve(bin, '..', 'Code.exe')] : [path.resolve(bin, '..', 'code')];
  return candidates.find((c) => existsSync(c));
}

/** @vscode/test-electron's download of the latest stable VS Code into .cache/vscode/desktop (needs its update server). */
async function testElectronDownload() {
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  return downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(CACHE, 'desktop') });
}

const NO_DESKTOP = 'no desktop VS Code: set VSCODE_EXECUTABLE to its executable or put `code` on PATH, '
  + 'or set VETHLAB_E2E_DOWNLOAD=1 to let @vscode/test-electron download one from update.code.visualstudio.com '
  + '(CI reaches only the npm registry and the Debian mirror, so it runs the code-server route)';

/**
 * { executable } of the desktop VS Code to drive, or { skip: reason }. `env` and `download` are
 * parameters so that the skip paths can be tested on a machine without VS Code or network.
 */
export async function desktopVscode({ env = process.env, download = testElectronDownload } = {}) {
  if (env.VSCODE_EXECUTABLE) {
    const executable = env.VSCODE_EXECUTABLE;
    return existsSync(executable) ? { executable } : { skip: `VSCODE_EXECUTABLE=${executable} does not exist` };
  }
  const code = which('code', env);
  if (code) {
    const executable = executableFromCli(code);
    return executable ? { executable } : { skip: `\`code\` is ${code}, but no VS Code executable was found next to it (set VSCODE_EXECUTABLE)` };
  }
  if (env.VETHLAB_E2E_DOWNLOAD !== '1') return { skip: NO_DESKTOP };
  try {
    return { executable: await download() };
  } catch (e) {
    return { skip: `no desktop VS Code, and @vscode/test-electron could not download one: ${String(e?.message ?? e).split('\n')[0]}` };
  }
}

/**
 * VS Code's arguments for one suite's window, as @vscode/test-electron's runTests builds them: a fresh
 * profile, this checkout as the Extension Development Host's extension, every other extension off.
 */
export function desktopArgs({ root, userData, extensions, workspace, open }) {
  return [
    `--extensionDevelopmentPath=${root}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-extensions',
    '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry', '--disable-updates', '--no-sandbox',
    '--new-window', workspace, ...(open ? [path.join(workspace, open)] : []),
  ];
}
