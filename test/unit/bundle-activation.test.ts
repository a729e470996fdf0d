/**
 * Activation only registers (issue 9: < 50 ms): the Node extension built with scripts/build.mjs's
 * options, loaded against the benchmark's fake vscode, registers every contribution without loading
 * dist/engine.js; the first lab opened loads it, and the registrations then work on it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { activateExtension, deactivate, loadedBundles, openLab, runAll } from '../../bench/budgets/extension-host';

const NODE_TARGET = ['dist/extension.js', 'dist/engine.js'];

describe('bundle activation (the Node extension, built in a scratch folder)', function () {
  this.timeout(120000);
  let dir: string;
  let entry: string;

  before(async () => {
    const url = pathToFileURL(join(__dirname, '..', '..', 'scripts', 'build.mjs')).href;
    const { builds } = (await import(url)) as { builds: BuildOptions[] };
    dir = mkdtempSync(join(tmpdir(), 'vethlab-activation-'));
    for (const options of builds.filter((b) => NODE_TARGET.includes(b.outfile as string))) {
      await build({ ...options, outfile: join(dir, (options.outfile as string).slice('dist/'.length)), sourcemap: false, logLevel: 'silent' });
    }
    entry = join(dir, 'extension.js');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('activate() registers the commands, the terminal profile and the notebook without loading dist/engine.js', () => {
    const activated = activateExtension(entry);
    try {
      assert.deepEqual(loadedBundles(entry), ['extension.js']);
      for (const id of ['vethlab.openShell', 'vethlab.openAsLab', 'vethlab.restartWorld', 'vethlab.showTopology', 'vethlab.openFirstLab']) {
        assert.ok(activated.fake.commands.has(id), `${id} is registered`);
      }
      assert.ok(activated.fake.serializers.has('vethlab-notebook'));
      assert.equal(activated.fake.controllers.length, 1);
    } finally {
      deactivate(activated);
    }
  });

  it('opening a lab loads dist/engine.js, and its cells run on it', async () => {
    const activated = activateExtension(entry);
    try {
      const lab = openLab(activated, 'first.lab.md', '# First\n\n```sh\nip netns add red\nip netns list\n```\n');
      assert.deepEqual(loadedBundles(entry), ['engine.js', 'extension.js']);
      assert.deepEqual(await runAll(activated, lab), { ok: 1, failed: 0 });
      const printed = activated.fake.executions.at(-1)?.outputs.flat().map((o) => o.text).join('') ?? '';
      assert.match(printed, /^red$/m);
    } finally {
      deactivate(activated);
    }
  });
});
