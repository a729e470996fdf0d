// `npm start` (after `npm run build`): opens the interactive Vethlab shell on the bare world.
// Until the notebook and topology views land, the CLI shell is the way to try Vethlab.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

if (!process.stdin.isTTY) {
  console.log(`Vethlab is built. npm start opens an interactive shell, which needs a terminal.
Try it from a terminal:     npm start
Run a script instead:       node dist/cli.js run [--world bare] [--transcript FILE] [SCRIPT]
More:                       node dist/cli.js --help`);
  process.exit(0);
}

console.log('Vethlab: a simulated Linux host (world: bare). Nothing here touches your real network.');
console.log('Try: ip addr, ip route, ip netns add red. Leave with "exit" or Ctrl-D.\n');
const result = spawnSync(process.execPath, [cli, 'shell', '--world', 'bare'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
