// What the global setup found: the .vsix to install, or why the e2e scenarios are skipped here.
export function e2eEnv() {
  const desktop = process.env.VETHLAB_E2E_DESKTOP ? JSON.parse(process.env.VETHLAB_E2E_DESKTOP) : undefined;
  return { vsix: process.env.VETHLAB_E2E_VSIX || '', skip: process.env.VETHLAB_E2E_SKIP || '', desktop };
}

/** In a suite's before hook: skip the suite (counted and reported as pending) when the machine cannot run it. */
export function skipUnlessReady(ctx) {
  const { skip } = e2eEnv();
  if (skip) ctx.skip();
}

/** Which workbench the suites drive, for their titles (VETHLAB_E2E_DRIVER=desktop: a desktop VS Code). */
export const WORKBENCH = process.env.VETHLAB_E2E_DRIVER === 'desktop' ? 'desktop VS Code' : 'code-server, headless chromium';
