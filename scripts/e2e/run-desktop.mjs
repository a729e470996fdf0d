// `npm run test:e2e:desktop`: the e2e suites (test/e2e/.mocharc.json) against a desktop VS Code
// (scripts/e2e/desktop.mjs says which one, or why they skip) instead of code-server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../vscode/paths.mjs';

const mocha = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--config', 'test/e2e/.mocharc.json', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, VETHLAB_E2E_DRIVER: 'desktop' },
});
process.exit(r.status ?? 1);
