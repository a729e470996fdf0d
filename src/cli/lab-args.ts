/** `vethlab lab check [--solution] FILE`: the lab subcommand's command line. Pure: no I/O. */

export type LabCommand = { kind: 'lab-check'; file: string; solution: boolean } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const LAB_USAGE = `  vethlab lab check [--solution] FILE.lab.md
`;

export const LAB_HELP = `  lab check  Run a lab's check cells against a fresh world of the lab's "world"
          (default bare) and print each check: PASS or FAIL, what was found and the
          hint. With --solution (-s) the lab's own shell cells run first, in document
          order, each check cell judged where it stands (for CI grading). Prints
          "N/M checks passed"; exits 0 only when every check passes, 1 otherwise.
`;

export function parseLabArgs(args: readonly string[]): LabCommand {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help') return { kind: 'help' };
  if (sub !== 'check') return { kind: 'usage-error', message: sub === undefined ? "missing lab command (check)" : `unknown lab command '${sub}'` };
  let solution = false;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--solution' || arg === '-s') solution = true;
    else if (arg === '-h' || arg === '--help') return { kind: 'help' };
    else if (arg.startsWith('-')) return { kind: 'usage-error', message: `unknown option '${arg}'` };
    else files.push(arg);
  }
  if (files.length === 0) return { kind: 'usage-error', message: 'missing lab file' };
  if (files.length > 1) return { kind: 'usage-error', message: `unexpected argument '${files[1]}'` };
  return { kind: 'lab-check', file: files[0]!, solution };
}
