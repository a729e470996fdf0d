// Which features the packaged extension contributes: scenarios for a feature skip (with the reason
// printed) until its contribution lands in package.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/vscode/paths.mjs';

export const manifest = () => JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

export function skipUnlessContributes(ctx, what, has) {
  if (has(manifest().contributes || {})) return;
  console.log(`      (skipped: package.json does not contribute ${what} yet)`);
  ctx.skip();
}
