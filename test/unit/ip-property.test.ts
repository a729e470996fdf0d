import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';

const WORDS = ['ip', 'link', 'addr', 'a', 'route', 'r', 'neigh', 'netns', 'add', 'del', 'set', 'show', 'flush', 'get', 'dev', 'eth0', 'lo', 'red',
  'veth-red', 'type', 'veth', 'bridge', 'peer', 'name', 'up', 'down', 'master', 'nomaster', 'netns', 'via', 'default', '192.168.1.3', '192.168.15.1/24',
  '10.0.0.0/8', '300.1.1.1', '-n', '-br', '-4', '-d', 'mtu', '9000', 'exec', 'lladdr', 'aa:bb:cc:dd:ee:ff', 'table', 'local', 'metric', 'x', '', '/', '@', '-'];

describe('ip: property-based robustness', () => {
  it('random argument vectors never throw, never leak internals, and failures change nothing', () => {
    const sh = bareShell();
    sh.run('ip netns add red');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }), fc.string({ maxLength: 6 }), (words, junk) => {
        const argv = ['ip', ...words, ...(junk ? [junk] : [])];
        const line = argv.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
        const before = JSON.stringify(sh.world.state);
        const r = sh.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (r.exitCode !== 0) assert.equal(JSON.stringify(sh.world.state), before, `failed command changed the world: ${line}\n${r.stderr}`);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
