// The desktop (Electron) VS Code route of the e2e suites, for people who have VS Code installed:
// `npm run test:e2e:desktop` runs the same mocha suites against it instead of code-server. Nothing
// is downloaded: VSCODE_EXECUTABLE (the Electron binary, @vscode/test-electron's
// vscodeExecutablePath) or the `code` on PATH is used, else the suites skip with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

const which = (cmd) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
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

/**
 * { executable, cli } of the desktop VS Code to drive, or { skip: reason }. The CLI (to install the
 * .vsix) comes from @vscode/test-electron's resolveCliArgsFromVSCodeExecutablePath when only the
 * executable is known.
 */
export async function desktopVscode() {
  if (process.env.VSCODE_EXECUTABLE) {
    const executable = process.env.VSCODE_EXECUTABLE;
    if (!existsSync(executable)) return { skip: `VSCODE_EXECUTABLE=${executable} does not exist` };
    let testElectron;
    try {
      testElectron = await import('@vscode/test-electron');
    } catch {
      return { skip: 'VSCODE_EXECUTABLE is set but @vscode/test-electron is not installed (npm install --no-save @vscode/test-electron)' };
    }
    const [cli, ...cliArgs] = testElectron.resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
    return { executable, cli, cliArgs };
  }
  const code = which('code');
  if (!code) return { skip: 'no desktop VS Code: set VSCODE_EXECUTABLE to its executable or put `code` on PATH (this route never downloads VS Code)' };
  const executable = executableFromCli(code);
  if (!executable) return { skip: `\`code\` is ${code}, but no VS Code executable was found next to it (set VSCODE_EXECUTABLE)` };
  return { executable, cli: code, cliArgs: [] };
}
