// What the global setup found: the .vsix to install, or why the e2e scenarios are skipped here.
export function e2eEnv() {
  return { vsix: process.env.VETHLAB_E2E_VSIX || '', skip: process.env.VETHLAB_E2E_SKIP || '' };
}

/** In a suite's before hook: skip the suite (counted and reported as pending) when the machine cannot run it. */
export function skipUnlessReady(ctx) {
  const { skip } = e2eEnv();
  if (skip) ctx.skip();
}
