import { strict as assert } from 'node:assert';
import { parseArgs, type CliCommand } from '../../src/cli/args';
import { commandLines, CommandAssembler } from '../../src/cli/script';
import { transcriptEntry } from '../../src/cli/transcript';

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
    [['lab'], /unknown command 'lab'/],
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

describe('cli script lines', () => {
  const cases: Array<[string, string[]]> = [
    ['echo a\necho b\n', ['echo a', 'echo b']],
    ['echo a\necho b', ['echo a', 'echo b']],
    ['# comment\n\n   \n  # indented comment\necho a\n', ['echo a']],
    ['echo a # trailing stays\n', ['echo a # trailing stays']],
    ['ip link add \\\n  veth0 type veth\n', ['ip link add   veth0 type veth']],
    ['a \\\nb \\\nc\n', ['a b c']],
    ['echo \\\\\necho x\n', ['echo \\\\', 'echo x']],
    ['echo \\\\\\\nx\n', ['echo \\\\x']],
    ['echo a \\\n# not a comment\n', ['echo a # not a comment']],
    ['echo crlf\r\necho two\r\n', ['echo crlf', 'echo two']],
    ['echo end \\\n', ['echo end ']],
    ['echo end \\', ['echo end ']],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => assert.deepEqual(commandLines(text), expected));
  }

  it('assembles lines as they arrive', () => {
    const assembler = new CommandAssembler();
    assert.equal(assembler.push('echo a \\'), undefined);
    assert.equal(assembler.push('b'), 'echo a b');
    assert.equal(assembler.push('# c'), undefined);
    assert.equal(assembler.finish(), undefined);
  });
});

describe('cli transcript entry', () => {
  it('is "$ line", stdout, stderr, "[exit N]", empty line, with output kept as is', () => {
    assert.equal(transcriptEntry('ip a', { stdout: 'out\n', stderr: 'err\n', exitCode: 1 }), '$ ip a\nout\nerr\n[exit 1]\n\n');
    assert.equal(transcriptEntry('echo -n x', { stdout: 'x', stderr: '', exitCode: 0 }), '$ echo -n x\nx[exit 0]\n\n');
    assert.equal(transcriptEntry('true', { stdout: '', stderr: '', exitCode: 0 }), '$ true\n[exit 0]\n\n');
  });
});
