/**
 * iptables' ways of failing (xtables_error and nft_strerror), as values. `formatError` prints
 * them the way the real binary does, with its exit status.
 */
export const VERSION = 'v1.8.9 (nf_tables)';

export type IptError =
  /** PARAMETER_PROBLEM: "iptables v1.8.9 (nf_tables): MSG" + the "Try ..." line, exit 2. */
  | { kind: 'param'; message: string }
  /** A bare message + "Try ..." (e.g. "Bad argument `x'"), exit 2. */
  | { kind: 'bare'; message: string }
  /** Only the "Try ..." line (ip6-only options), exit 2. */
  | { kind: 'tryhelp' }
  /** OTHER_PROBLEM with the version prefix, exit 1. */
  | { kind: 'other'; message: string }
  /** VERSION_PROBLEM: prefix + MSG + "Perhaps iptables or your kernel needs to be upgraded.", exit 3. */
  | { kind: 'version'; message: string }
  /** RESOURCE_PROBLEM (a failed nf_tables batch), exit 4. */
  | { kind: 'resource'; message: string }
  /** nft_strerror: "iptables: MSG.", exit 1. */
  | { kind: 'strerror'; message: string };

export const paramError = (message: string): IptError => ({ kind: 'param', message });

export function formatError(prog: string, e: IptError): { stderr: string; exitCode: number } {
  const prefix = `${prog} ${VERSION}: `;
  const tryHelp = `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  switch (e.kind) {
    case 'param':
      return { stderr: `${prefix}${e.message}\n${tryHelp}`, exitCode: 2 };
    case 'bare':
      return { stderr: `${e.message}\n${tryHelp}`, exitCode: 2 };
    case 'tryhelp':
      return { stderr: tryHelp, exitCode: 2 };
    case 'other':
      return { stderr: `${prefix}${e.message}\n`, exitCode: 1 };
    case 'version':
      return { stderr: `${prefix}${e.message}\nPerhaps ${prog} or your kernel needs to be upgraded.\n`, exitCode: 3 };
    case 'resource':
      return { stderr: `${prefix}${e.message}\n`, exitCode: 4 };
    case 'strerror':
      return { stderr: `${prog}: ${e.message}.\n`, exitCode: 1 };
  }
}
