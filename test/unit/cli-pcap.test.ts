/** `vethlab run --pcap FILE`: the last trace's frames written as pcapng after the script. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { runScript } from '../../src/cli/run';
import { lastTrace, traceCapture } from '../../src/engine/view';
import { bareShell, RED_ON_HOST } from './helpers';
import { readPcapng } from './pcapng-reader';

/** Runs with stdout/stderr caught (the CLI writes the commands' output straight to them). */
async function quietly<T>(run: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let stderr = '';
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    return { value: await run(), stderr };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  }
}

describe('cli run --pcap', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vethlab-pcap-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses --pcap FILE for run only', () => {
    assert.deepEqual(parseArgs(['run', '--pcap', 'p.pcapng', 's.sh']), { kind: 'run', world: 'bare', pcap: 'p.pcapng', script: 's.sh' });
    assert.deepEqual(parseArgs(['run', '--pcap=p.pcapng']), { kind: 'run', world: 'bare', pcap: 'p.pcapng' });
    assert.deepEqual(parseArgs(['run', '--pcap']), { kind: 'usage-error', message: "option '--pcap' needs a value" });
    assert.deepEqual(parseArgs(['shell', '--pcap', 'p']), { kind: 'usage-error', message: "'--pcap' is only for 'run'" });
  });

  it('writes the frames of the last traced command; the exit status stays the last command\'s', async () => {
    const script = path.join(dir, 's.sh');
    fs.writeFileSync(script, [...RED_ON_HOST, 'ip netns exec red ping -c 1 10.0.0.1', 'false', ''].join('\n'));
    const pcap = path.join(dir, 'trace.pcapng');
    const shell = bareShell();
    const { value, stderr } = await quietly(() => runScript(shell, { script, pcap }));
    assert.deepEqual([value, stderr], [1, '']);
    const bytes = new Uint8Array(fs.readFileSync(pcap));
    assert.deepEqual(bytes, traceCapture(shell.world, lastTrace(shell.world)!)!.bytes);
    assert.equal(readPcapng(bytes).packets.length, 8);
  });

  it('a script that sent nothing writes no file and says so; an unwritable file is an error (status 2 in the CLI)', async () => {
    const script = path.join(dir, 's.sh');
    fs.writeFileSync(script, 'ip link show lo\n');
    const pcap = path.join(dir, 'none.pcapng');
    const quiet = await quietly(() => runScript(bareShell(), { script, pcap }));
    assert.deepEqual([quiet.value, quiet.stderr], [0, `vethlab: no packets to write to '${pcap}': no command sent any\n`]);
    assert.equal(fs.existsSync(pcap), false);
    fs.writeFileSync(script, 'ping -c 1 192.168.1.1\n');
    const missing = path.join(dir, 'no', 'such', 'dir.pcapng');
    const failed = await quietly(() => runScript(bareShell(), { script, pcap: missing }));
    assert.equal(failed.value, `cannot write pcap '${missing}': No such file or directory`);
  });
});
