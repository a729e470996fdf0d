/**
 * The desktop VS Code route of the e2e suites (scripts/e2e/desktop.mjs) on a machine without VS Code:
 * which executable it picks, and the reasons it prints when it has none (it never passes silently).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..');

interface DesktopRoute {
  desktopVscode(options?: { env?: NodeJS.ProcessEnv; download?: () => Promise<string> }): Promise<{ executable?: string; skip?: string }>;
  desktopArgs(options: { root: string; userData: string; extensions: string; workspace: string; open?: string }): string[];
}

const route = (): Promise<DesktopRoute> => import(pathToFileURL(join(ROOT, 'scripts', 'e2e', 'desktop.mjs')).href) as Promise<DesktopRoute>;

describe('e2e desktop route (scripts/e2e/desktop.mjs)', function () {
  this.timeout(60000);
  let dir: string;
  /** A PATH with the shell's tools but no `code`. */
  let bare: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vethlab-desktop-'));
    bare = join(dir, 'bin');
    mkdirSync(bare);
    symlinkSync('/bin/sh', join(bare, 'sh'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('skips with the reason when there is no VS Code and no download is allowed', async () => {
    let downloads = 0;
    const result = await (await route()).desktopVscode({ env: { PATH: bare }, download: async () => `${++downloads}` });
    assert.equal(result.executable, undefined);
    assert.match(result.skip ?? '', /^no desktop VS Code: set VSCODE_EXECUTABLE .* or put `code` on PATH, or set VETHLAB_E2E_DOWNLOAD=1/);
    assert.equal(downloads, 0, 'nothing is downloaded unless VETHLAB_E2E_DOWNLOAD=1');
  });

  it('skips with the download error when @vscode/test-electron cannot reach the update server', async () => {
    const download = async (): Promise<string> => {
      throw new Error('getaddrinfo ENOTFOUND update.code.visualstudio.com\n    at stack');
    };
    const result = await (await route()).desktopVscode({ env: { PATH: bare, VETHLAB_E2E_DOWNLOAD: '1' }, download });
    assert.equal(result.skip, 'no desktop VS Code, and @vscode/test-electron could not download one: getaddrinfo ENOTFOUND update.code.visualstudio.com');
  });

  it('uses what the download gives when it can', async () => {
    const result = await (await route()).desktopVscode({ env: { PATH: bare, VETHLAB_E2E_DOWNLOAD: '1' }, download: async () => '/cache/VSCode-linux-x64/code' });
    assert.deepEqual(result, { executable: '/cache/VSCode-linux-x64/code' });
  });

  it('VSCODE_EXECUTABLE names the executable; a missing one is a skip, not a failure', async () => {
    const { desktopVscode } = await route();
    assert.deepEqual(await desktopVscode({ env: { PATH: bare, VSCODE_EXECUTABLE: join(dir, 'nope') } }), { skip: `VSCODE_EXECUTABLE=${join(dir, 'nope')} does not exist` });
    const exe = join(dir, 'code-exe');
    writeFileSync(exe, '');
    assert.deepEqual(await desktopVscode({ env: { PATH: bare, VSCODE_EXECUTABLE: exe } }), { executable: exe });
  });

  it('finds the Electron executable next to the `code` launcher on PATH (Linux layout: bin/code -> ../code)', async function () {
    if (process.platform !== 'linux') this.skip();
    const install = join(dir, 'VSCode-linux-x64');
    mkdirSync(join(install, 'bin'), { recursive: true });
    writeFileSync(join(install, 'code'), '');
    writeFileSync(join(install, 'bin', 'code'), '#!/bin/sh\n');
    chmodSync(join(install, 'bin', 'code'), 0o755);
    symlinkSync(join(install, 'bin', 'code'), join(bare, 'code'));
    assert.deepEqual(await (await route()).desktopVscode({ env: { PATH: bare } }), { executable: join(install, 'code') });
  });

  it('starts VS Code as an Extension Development Host on this checkout, other extensions off, a fresh profile', async () => {
    const args = (await route()).desktopArgs({ root: '/src/vethlab', userData: '/p/user', extensions: '/p/ext', workspace: '/p/labs', open: 'x.lab.md' });
    assert.ok(args.includes('--extensionDevelopmentPath=/src/vethlab'));
    assert.ok(args.includes('--disable-extensions'));
    assert.deepEqual(args.slice(args.indexOf('--user-data-dir'), args.indexOf('--user-data-dir') + 4), ['--user-data-dir', '/p/user', '--extensions-dir', '/p/ext']);
    assert.deepEqual(args.slice(-2), ['/p/labs', '/p/labs/x.lab.md']);
  });

  it('npm run test:e2e:desktop without VS Code prints why every suite is skipped and passes nothing', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'run-desktop.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: bare, HOME: dir, VETHLAB_E2E_DOWNLOAD: '' },
    });
    const out = r.stdout + r.stderr;
    assert.equal(r.status, 0, out);
    assert.match(out, /e2e SKIPPED: desktop VS Code route: no desktop VS Code: set VSCODE_EXECUTABLE/);
    assert.match(out, /^\s+0 passing/m);
    assert.match(out, /^\s+[1-9]\d* pending/m);
    assert.doesNotMatch(out, /^\s+\d+ failing/m);
  });
});
