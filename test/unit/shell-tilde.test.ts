/**
 * Tilde expansion at the start of a word, as bash 5.2 does it (recorded with
 * `env -i HOME=/root bash --norc -c …` on Debian 12).
 */
import { strict as assert } from 'node:assert';
import { bareShell } from './helpers';

describe('shell: tilde expansion', () => {
  it('expands ~, ~/PATH and ~root; leaves quoted, inner and unknown-user tildes', () => {
    const sh = bareShell();
    const out = (line: string) => sh.run(line).stdout;
    assert.equal(out(`echo ~; echo "~"; echo '~'; echo a~b; echo ~root/x; echo ~nosuchuser/y; echo ~/; HOME=/tmp; echo ~; echo \\~`), '/root\n~\n~\na~b\n/root/x\n~nosuchuser/y\n/root/\n/tmp\n~\n');
  });

  it('cd ~ and ls ~ reach the home directory', () => {
    const sh = bareShell();
    assert.deepEqual(sh.run('cd /tmp; cd ~; pwd').stdout, '/root\n');
    assert.equal(sh.run('ls ~').exitCode, 0);
  });
});
