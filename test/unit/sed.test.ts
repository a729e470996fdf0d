/**
 * sed (GNU sed 4.9) and cut -c against the real tools: each row was recorded by running the real
 * program on the same input (stdout, stderr, exit status). sed's usage is compared by its first line.
 */
import { strict as assert } from 'node:assert';
import { run, shell } from '../scenarios/shell.helpers';

const INPUT = 'lo: 127.0.0.1\\neth0: 10.0.0.1\\nbr-1a2b3c: 172.18.0.1\\n';

const SED: Array<[string[], string, string, number]> = [
  [["s/br-[0-9a-f]*/br-ID/g"], "lo: 127.0.0.1\neth0: 10.0.0.1\nbr-ID: 172.18.0.1\n", "", 0],
  [["-n", "s/eth0/ETH/p"], "ETH: 10.0.0.1\n", "", 0],
  [["s/\\([a-z]*\\): \\(.*\\)/\\2 is \\1/"], "127.0.0.1 is lo\neth010.0.0.1 is \nbr-1a2b3172.18.0.1 is c\n", "", 0],
  [["-E", "s/([a-z]+)[0-9]*: (.*)/\\2=\\1/"], "127.0.0.1=lo\n10.0.0.1=eth\nbr-1a2b3172.18.0.1=c\n", "", 0],
  [["s/[0-9]\\{3\\}/N/"], "lo: N.0.0.1\neth0: 10.0.0.1\nbr-1a2b3c: N.18.0.1\n", "", 0],
  [["s/0/Z/2"], "lo: 127.0.Z.1\neth0: 1Z.0.0.1\nbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["s/[[:digit:]]\\+/#/g"], "lo: #.#.#.#\neth#: #.#.#.#\nbr-#a#b#c: #.#.#.#\n", "", 0],
  [["s/./&&/"], "llo: 127.0.0.1\neeth0: 10.0.0.1\nbbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["2d"], "lo: 127.0.0.1\nbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["-n", "$p"], "br-1a2b3c: 172.18.0.1\n", "", 0],
  [["/eth0/d"], "lo: 127.0.0.1\nbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["2q"], "lo: 127.0.0.1\neth0: 10.0.0.1\n", "", 0],
  [["-e", "s/lo/LO/", "-e", "s/eth/ETH/"], "LO: 127.0.0.1\nETH0: 10.0.0.1\nbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["s/1/one/;s/0/zero/g"], "lo: one27.zero.zero.1\nethzero: onezero.zero.zero.1\nbr-onea2b3c: 172.18.zero.1\n", "", 0],
  [["s|/|_|"], "lo: 127.0.0.1\neth0: 10.0.0.1\nbr-1a2b3c: 172.18.0.1\n", "", 0],
  [["s/\\[/(/;s/[^:]*: \\(1\\)/\\1/"], "127.0.0.1\n10.0.0.1\n172.18.0.1\n", "", 0],
  [["s/a/b"], "", "sed: -e expression #1, char 5: unterminated `s' command\n", 1],
  [["s/a/b/x"], "", "sed: -e expression #1, char 7: unknown option to `s'\n", 1],
  [["k"], "", "sed: -e expression #1, char 1: unknown command: `k'\n", 1],
  [["s/a/\\1/"], "", "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n", 1],
  [["s/a/b/gg"], "", "sed: -e expression #1, char 8: multiple `g' options to `s' command\n", 1],
  [["s/\\(a/b/"], "", "sed: -e expression #1, char 8: Unmatched ( or \\(\n", 1],
  [["/a"], "", "sed: -e expression #1, char 2: unterminated address regex\n", 1],
  [[], "", "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n", 1],
];

const CUT: Array<[string[], string, string, number]> = [
  [["-c1-5"], "lo: 1\neth0:\nbr-1a\n", "", 0],
  [["-c", "2,4-"], "o 127.0.0.1\nt0: 10.0.0.1\nr1a2b3c: 172.18.0.1\n", "", 0],
  [["-c3-"], ": 127.0.0.1\nh0: 10.0.0.1\n-1a2b3c: 172.18.0.1\n", "", 0],
  [["-c0"], "", "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n", 1],
  [["-c1", "-f1"], "", "cut: only one list may be specified\nTry 'cut --help' for more information.\n", 1],
];

function line(tool: string, args: string[]): string {
  return `printf '${INPUT}' | ${tool} ${args.map((a) => `'${a}'`).join(' ')}`;
}

describe('sed and cut -c, as recorded from GNU sed 4.9 and coreutils cut', () => {
  for (const [args, stdout, stderr, status] of SED) {
    it(`sed ${args.join(' ')}`, () => {
      const r = run(shell('bare'), line('sed', args));
      assert.deepEqual({ stdout: r.stdout, stderr: args.length ? r.stderr : r.stderr.split('\n')[0] + '\n', exitCode: r.exitCode }, { stdout, stderr, exitCode: status });
    });
  }
  for (const [args, stdout, stderr, status] of CUT) {
    it(`cut ${args.join(' ')}`, () => {
      const r = run(shell('bare'), line('cut', args));
      assert.deepEqual({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, { stdout, stderr, exitCode: status });
    });
  }
});
