/**
 * Pathname expansion, compared with bash 5.2 on Debian 12 (recorded: the same files made in
 * /tmp/g, then `env -i HOME=/root bash --norc -c '…'` with the lines below).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell } from './helpers';
import { expandGlob, globTokens } from '../../src/shell/glob';

const LINES = `cd /tmp/g; echo *; echo *.yaml; echo "*.yaml"; echo /tmp/g/?.txt; echo /tmp/g/[ab].yaml; echo /tmp/g/[!a]*; echo .*; echo */Dockerfile; echo nomatch*; x="*.txt"; echo $x; echo "$x"; echo */; echo /tmp/g/*/; echo [[:alpha:]].txt; echo a[1]; echo /tmp/g/sub/*; echo s*/D*`;
const RECORDED = `a.yaml b.yaml c.txt sub
a.yaml b.yaml
*.yaml
/tmp/g/c.txt
/tmp/g/a.yaml /tmp/g/b.yaml
/tmp/g/b.yaml /tmp/g/c.txt /tmp/g/sub
.hidden
sub/Dockerfile
nomatch*
c.txt
*.txt
sub/
/tmp/g/sub/
c.txt
a[1]
/tmp/g/sub/Dockerfile
sub/Dockerfile
`;

describe('shell: pathname expansion (globs)', () => {
  it('matches what bash 5.2 printed for the same files', () => {
    const sh = bareShell();
    assert.equal(sh.run('mkdir -p /tmp/g/sub && touch /tmp/g/a.yaml /tmp/g/b.yaml /tmp/g/c.txt /tmp/g/.hidden /tmp/g/sub/Dockerfile').exitCode, 0);
    assert.equal(sh.run(LINES).stdout, RECORDED);
  });

  it('rm -rf DIR/* empties the directory but its dot files; for loops take the matches', () => {
    const sh = bareShell();
    sh.run('mkdir -p /tmp/g/sub && touch /tmp/g/a /tmp/g/b /tmp/g/.keep');
    assert.equal(sh.run('for f in /tmp/g/*; do echo "$f"; done').stdout, '/tmp/g/a\n/tmp/g/b\n/tmp/g/sub\n');
    assert.equal(sh.run('rm -rf /tmp/g/*').exitCode, 0);
    assert.equal(sh.run('echo /tmp/g/* /tmp/g/.*').stdout, '/tmp/g/* /tmp/g/.keep\n');
  });

  it('never throws on any pattern', () => {
    const list = () => ['a', 'b.c', '.d', '[x]', '*'];
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (text) => {
      const matches = expandGlob(globTokens(text), '/tmp', list);
      assert.ok(Array.isArray(matches));
    }), { numRuns: 2000, seed: 7 });
  });
});
