import { strict as assert } from 'node:assert';
import { parseArgs, type CliCommand } from '../../src/cli/args';

describe('cli arguments', () => {
  const cases: Array<[string[], CliCommand]> = [
    [['run'], { kind: 'run', world: 'bare' }],
    [['run', '-'], { kind: 'run', world: 'bare' }],
    [['run', 'lab.sh'], { kind: 'run', world: 'bare', script: 'lab.sh' }],
    [['run', '--world', 'docker', '--transcript', 't.txt', 'x.sh'], { kind: 'run', world: 'docker', transcript: 't.txt', script: 'x.sh' }],
    [['run', '--world=docker', '-t', 't.txt'], { kind: 'run', world: 'docker', transcript: 't.txt' }],
    [['run', '--', '-odd-name.sh'], { kind: 'run', world: 'bare', script: '-odd-name.sh' }],
    [['shell'], { kind: 'shell', world: 'bare' }],
    [['shell', '-w', 'multi-host'], { kind: 'shell', world: 'multi-host' }],
    [['--help'], { kind: 'help' }],
    [['help'], { kind: 'help' }],
    [['run', 'x.sh', '--help'], { kind: 'help' }],
    [['-V'], { kind: 'version' }],
    [['--version'], { kind: 'version' }],
    [['run', 'version'], { kind: 'run', world: 'bare', script: 'version' }],
  ];
  for (const [argv, expected] of cases) {
    it(`parses ${JSON.stringify(argv)}`, () => assert.deepEqual(parseArgs(argv), expected));
  }

  const errors: Array<[string[], RegExp]> = [
    [[], /missing command/],
    [['lab'], /missing lab command/],
    [['labs'], /unknown command 'labs'/],
    [['run', '--transcript'], /'--transcript' needs a value/],
    [['run', '--world='], /'--world' needs a value/],
    [['run', '-x'], /unknown option '-x'/],
    [['run', 'a', 'b'], /unexpected argument 'b'/],
    [['shell', 'a'], /unexpected argument 'a'/],
    [['shell', '--transcript', 't'], /only for 'run'/],
  ];
  for (const [argv, message] of errors) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      const parsed = parseArgs(argv);
      assert.equal(parsed.kind, 'usage-error');
      assert.match((parsed as { message: string }).message, message);
    });
  }
});
