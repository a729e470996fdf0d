// @vscode/test-cli configuration (`npx vscode-test`, which runs @vscode/test-electron) for people
// with a desktop VS Code: it runs the same mocha suites as `npm run test:e2e` (test/e2e), with the
// same global setup, from an Electron VS Code instead of the terminal. Install the runner first:
//   npm install --no-save @vscode/test-cli @vscode/test-electron
// CI does not use it: it downloads VS Code from Microsoft's update server, which CI machines cannot
// reach; CI drives code-server (the same workbench, installed from npm) with headless chromium.
export default {
  label: 'e2e',
  files: 'test/e2e/**/*.e2e.mjs',
  workspaceFolder: './labs',
  extensionDevelopmentPath: '.',
  mocha: { ui: 'bdd', timeout: 120000, require: ['./test/e2e/setup.mjs'] },
};
