// Mocha global setup for the e2e suites: prepares the machine once (first use installs the
// workbench and chromium) and tells the suites what to use, or why they skip.
import { prepareE2E } from '../../scripts/e2e/prepare.mjs';

export async function mochaGlobalSetup() {
  const log = (line) => console.log(line);
  const started = Date.now();
  const result = await prepareE2E(log);
  if (result.skip) {
    process.env.VETHLAB_E2E_SKIP = result.skip;
    console.log(`\n  e2e SKIPPED: ${result.skip}\n`);
    return;
  }
  process.env.VETHLAB_E2E_VSIX = result.vsix;
  if (result.desktop) process.env.VETHLAB_E2E_DESKTOP = JSON.stringify(result.desktop);
  const driver = result.desktop ? `desktop VS Code ${result.desktop.executable}, this checkout as an Extension Development Host` : `code-server + chromium, extension ${result.vsix}`;
  console.log(`  e2e ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${driver}`);
}
