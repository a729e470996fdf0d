/**
 * `node dist/bench-host.js BUNDLE COUNT`: a process that holds only the extension (against the fake
 * vscode API) as the extension host does, measured by hostMemory; prints its figures as JSON.
 */
import { hostMemory } from './extension-host';

const [bundle, count] = process.argv.slice(2);
if (!bundle) {
  console.error('usage: bench-host.js BUNDLE [COUNT]');
  process.exit(2);
}
hostMemory(bundle, Number(count ?? 2000)).then(
  (figures) => console.log(JSON.stringify(figures)),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
