/** The Dockerfile parser, BuildKit's source excerpt and plain printer, and the pure helpers under docker build. */
import { strict as assert } from 'node:assert';
import { jsonForm, keyValuePairs, parseDockerfile, substitute } from '../../src/engine/docker/build/dockerfile';
import { buildkitBytes, logLines, printPlain, sourceExcerpt, status, vertex } from '../../src/shell/docker/build-progress';

describe('Dockerfile parsing', () => {
  it('joins continuations, skips comments, upper-cases keywords, keeps flags apart', () => {
    const r = parseDockerfile('# syntax comment\nfrom alpine AS base\n\nRUN apt-get update && \\\n    apt-get install -y curl\nCOPY --from=base --chown=1:1 /a /b\n');
    assert.ok(r.ok);
    assert.deepEqual(r.instructions.map((i) => [i.keyword, i.startLine, i.endLine]), [['FROM', 2, 2], ['RUN', 4, 5], ['COPY', 6, 6]]);
    assert.equal(r.instructions[1]!.args, 'apt-get update &&     apt-get install -y curl');
    assert.deepEqual(r.instructions[2]!.flags, { from: 'base', chown: '1:1' });
    assert.equal(r.instructions[2]!.args, '/a /b');
  });

  const errors: Array<[string, string, number]> = [
    ['FROM alpine\nFOO bar\n', 'dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)', 2],
    ['FROM alpine\nrunn true\n', 'dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)', 2],
    ['FROM alpine\nXYZZY a\n', 'dockerfile parse error on line 2: unknown instruction: XYZZY', 2],
    ['RUN true\n', 'dockerfile parse error on line 1: no build stage in current context', 1],
    ['FROM alpine\nRUN\n', 'dockerfile parse error on line 2: RUN requires at least one argument', 2],
    ['# only a comment\n', 'the Dockerfile cannot be empty', 0],
  ];
  for (const [source, message, line] of errors) {
    it(`refuses ${JSON.stringify(source)}`, () => {
      const r = parseDockerfile(source);
      assert.ok(!r.ok);
      assert.equal(r.message, message);
      assert.equal(r.line, line);
    });
  }

  it('JSON and shell forms, $VAR / ${VAR} / ${VAR:-default} / \\$, KEY=VALUE pairs', () => {
    assert.deepEqual(jsonForm('["nginx", "-g", "daemon off;"]'), ['nginx', '-g', 'daemon off;']);
    assert.equal(jsonForm('nginx -g "daemon off;"'), undefined);
    assert.equal(jsonForm('[not json'), undefined);
    assert.equal(substitute('$A/${B}/${C:-dflt}/\\$A/$MISSING.', { A: 'a', B: 'b' }), 'a/b/dflt/$A/.');
    assert.deepEqual(keyValuePairs('A=1 B="two words" C=\'x y\'', false), [['A', '1'], ['B', 'two words'], ['C', 'x y']]);
    assert.deepEqual(keyValuePairs('PATH /usr/bin:/bin', true), [['PATH', '/usr/bin:/bin']]);
  });
});

describe('BuildKit plain progress', () => {
  it('prints #0, then each vertex with its statuses, logs and outcome, a blank line between', () => {
    const a = vertex('[internal] load build definition from Dockerfile', 0, [status('transferring dockerfile:', { bytes: 169 })]);
    const b = vertex('[2/2] RUN echo hi', 0.3);
    b.logs = logLines('hi\nthere\n');
    const c = vertex('[3/3] COPY a /b');
    c.outcome = 'cached';
    const e = vertex('[4/4] RUN false');
    e.outcome = { error: 'process "/bin/sh -c false" did not complete successfully: exit code: 1' };
    assert.equal(printPlain([a, b, c, e]), '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 169B done\n#1 DONE 0.0s\n\n#2 [2/2] RUN echo hi\n#2 0.100 hi\n#2 0.101 there\n#2 DONE 0.3s\n\n#3 [3/3] COPY a /b\n#3 CACHED\n\n#4 [4/4] RUN false\n#4 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n');
  });

  it('sizes and times as the printer formats them', () => {
    assert.equal(buildkitBytes(2), '2B');
    assert.equal(buildkitBytes(1060), '1.06kB');
    assert.equal(buildkitBytes(2_500_000), '2.5MB');
    assert.equal(status('exporting layers', { seconds: 0.1 }), 'exporting layers 0.1s done');
    assert.equal(status('exporting layers', { seconds: 0.005 }), 'exporting layers done');
  });

  it('the source excerpt pads 4 lines around one line, 2 around a range, stops at the file\'s ends (errdefs Source.Print)', () => {
    const src = 'L1\nL2\nL3\nL4\nL5\nL6\nL7\n';
    assert.equal(sourceExcerpt('Dockerfile', src, 4, 4), 'Dockerfile:4\n--------------------\n   2 |     L2\n   3 |     L3\n   4 | >>> L4\n   5 |     L5\n   6 |     L6\n--------------------\n');
    assert.equal(sourceExcerpt('Dockerfile', src, 1, 1), 'Dockerfile:1\n--------------------\n   1 | >>> L1\n   2 |     L2\n   3 |     L3\n--------------------\n');
    assert.equal(sourceExcerpt('Dockerfile', src, 3, 4), 'Dockerfile:3\n--------------------\n   2 |     L2\n   3 | >>> L3\n   4 | >>> L4\n   5 |     L5\n--------------------\n');
    assert.equal(sourceExcerpt('Dockerfile', src, 0, 0), '');
  });
});
