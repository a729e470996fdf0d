/**
 * Headless entry (bundled to dist/cli.js, the package's `vethlab` bin): runs scripts and
 * transcripts, or an interactive shell, on a simulated world. See `vethlab --help`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, USAGE } from './cli/args';
import { runLabCheck } from './cli/lab';
import { runRepl } from './cli/repl';
import { runScript } from './cli/run';
import { openShell } from './cli/session';

async function main(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`vethlab ${version()}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`vethlab: ${command.message}\n\n${USAGE}`);
      return 2;
    case 'lab-check': {
      const status = runLabCheck(command, (text) => process.stdout.write(text));
      return typeof status === 'string' ? fail(status) : status;
    }
  }
  const shell = openShell(command.world, process.cwd());
  if (typeof shell === 'string') return fail(shell);
  if (command.kind === 'shell') return runRepl(shell);
  const status = await runScript(shell, command);
  return typeof status === 'string' ? fail(status) : status;
}

function fail(message: string): number {
  process.stderr.write(`vethlab: ${message}\n`);
  return 2;
}

/** package.json sits one folder above both dist/cli.js and src/cli.ts. */
function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

// A closed pipe (`vethlab run x.sh | head -1`) ends the CLI quietly, as SIGPIPE ends a shell tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(128 + 13);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vethlab: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
