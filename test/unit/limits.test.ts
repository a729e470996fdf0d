/**
 * Every limit of src/engine/limits.ts, reached on purpose: each ends what hit it with a message
 * naming the limit and a non-zero exit, leaves the shell usable, and (world caps) leaves the world
 * as it was before the command that went past the cap.
 */
import { strict as assert } from 'node:assert';
import { LIMITS, atWorldLimit, worldCounts, worldLimitExceeded, labTooLarge } from '../../src/engine/limits';
import { createNetns } from '../../src/engine/net/netns';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { limitOutput } from '../../src/shell/line-limits';
import { bareShell } from './helpers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLabCheck } from '../../src/cli/lab';
import { gradeLab } from '../../src/labs/grade';
import { parseLab } from '../../src/labs/lab';

/** A word of n `a`s built by doubling, so the command line stays short. */
function doubling(name: string, times: number): string {
  return `${name}=a; for i in ${Array.from({ length: times }, (_, i) => i).join(' ')}; do ${name}=$${name}$${name}; done`;
}

describe('limits', function () {
  this.timeout(120000);
  it('a command line over LIMITS.commandLineChars is refused', () => {
    const sh = bareShell();
    const r = sh.run('echo ' + 'x'.repeat(LIMITS.commandLineChars));
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', `bash: command line too long (over ${LIMITS.commandLineChars} characters)\n`, 1]);
    assert.equal(sh.run('echo ok').stdout, 'ok\n');
  });

  it('output over LIMITS.outputBytesPerLine is cut with a notice and a non-zero status', () => {
    const sh = bareShell();
    assert.equal(sh.run(`${doubling('x', 16)}; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo $x; done | wc -c`).stdout, `${20 * (65536 + 1)}\n`);
    const r = sh.run(`${doubling('x', 16)}; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo $x; done`);
    assert.equal(r.stdout.length, LIMITS.outputBytesPerLine);
    assert.equal(r.stderr, `\nvethlab: output truncated after ${LIMITS.outputBytesPerLine} bytes (the limit for one command line)\n`);
    assert.equal(r.exitCode, 1);
    const chunks = [{ stream: 'stdout' as const, text: 'ok\n' }];
    assert.equal(limitOutput(chunks), chunks, 'small output is left alone');
  });

  it('a line stops after LIMITS.lineSimMs of simulated time: sleep, ping -c huge, wait, netns exec', () => {
    const sh = bareShell();
    sh.run('ip netns add red');
    const notice = `vethlab: stopped after ${LIMITS.lineSimMs / 1000} s of simulated time (the limit for one command line)\n`;
    for (const line of ['sleep 100000000', 'ping -c 100000 192.168.1.3 > /dev/null', 'sleep 99999 & wait', 'ip netns exec red sleep 99999', 'timeout 99999 sleep 99999']) {
      const start = sh.world.clock.now();
      const r = sh.run(line);
      assert.ok(r.stderr.endsWith(notice), `${line}: ${r.stderr}`);
      assert.notEqual(r.exitCode, 0, line);
      assert.equal(sh.world.clock.now() - start, LIMITS.lineSimMs, line);
    }
    const r = sh.run('ping -c 5000 -q 192.168.1.3 | tail -2');
    assert.match(r.stdout, /^3601 packets transmitted, 3600 received/, 'ping prints its statistics when stopped');
    assert.deepEqual(sh.run(`sleep ${LIMITS.lineSimMs / 1000}; echo $?`).stdout, '0\n', 'exactly the budget is allowed');
  });

  it('a cell stops when its time budget is spent, across its lines', () => {
    const sh = bareShell();
    sh.limitTime(5000);
    assert.equal(sh.run('sleep 3').exitCode, 0);
    const r = sh.run('sleep 3');
    assert.equal(r.stderr, `vethlab: stopped: the cell used its ${LIMITS.cellSimMs / 1000} s of simulated time (the limit for one cell)\n`);
    assert.notEqual(r.exitCode, 0);
    sh.limitTime(undefined);
    assert.equal(sh.run('sleep 3').exitCode, 0);
  });

  it('ping stops after LIMITS.pingEvents packets and replies', () => {
    const r = bareShell().run('ping -i 0.002 -c 10000000 -q 192.168.1.3');
    assert.match(r.stdout, new RegExp(`^${LIMITS.pingEvents / 2} packets transmitted`, 'm'));
    assert.equal(r.stderr, `vethlab: ping stopped after ${LIMITS.pingEvents} packets and replies (the limit for one ping)\n`);
    assert.equal(r.exitCode, 1);
  });

  it('a loop stops after LIMITS.loopRounds rounds', () => {
    const r = bareShell().run('while true; do true; done; echo $?');
    assert.deepEqual([r.stdout, r.stderr], ['1\n', `vethlab: loop stopped after ${LIMITS.loopRounds} rounds\n`]);
  });

  it('a word over LIMITS.wordChars and a file over LIMITS.fileBytes are refused', () => {
    const sh = bareShell();
    const r = sh.run(`${doubling('x', 25)}; echo never`);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', `bash: word over ${LIMITS.wordChars} characters after expansion (the limit for one word)\n`, 1]);
    const f = sh.run(`${doubling('x', 19)}; echo $x > f; echo $x >> f; echo $?; wc -c f`);
    assert.deepEqual([f.stdout, f.stderr], [`1\n${2 ** 19 + 1} f\n`, 'bash: f: File too large\n']);
  });

  it('the world stops growing at a cap: the command that would grow it past is undone', () => {
    const sh = bareShell();
    // Fill up to one below the cap directly (thousands of `ip netns add` would take seconds).
    for (let i = worldCounts(sh.world).netns; i < LIMITS.netns - 1; i++) createNetns(sh.world, sh.host, `n${i}`);
    assert.equal(sh.run('ip netns add last').exitCode, 0, 'reaching the cap is allowed');
    const before = JSON.stringify(sh.world.state);
    const r = sh.run('ip netns add over; echo not reached');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', `vethlab: limit reached: at most ${LIMITS.netns} network namespaces in a world; the command was undone\n`, 1]);
    assert.equal(JSON.stringify(sh.world.state), before, 'the world is as before the command');
    assert.equal(worldCounts(sh.world).netns, LIMITS.netns);
    assert.equal(sh.run('ip netns list | grep -c over').stdout, '0\n');
    assert.equal(sh.run('ip link add v1 type veth peer name v2; ip -br link show v1 | wc -l').stdout, '1\n', 'other objects can still be made');
    assert.equal(sh.run('ip netns del last && ip netns add other').exitCode, 0, 'deleting makes room again');
    assert.equal(worldCounts(sh.world).netns, LIMITS.netns);
  });

  it('after the world is restored from a snapshot, the shell works on the restored state', () => {
    const sh = bareShell();
    sh.world.restore(sh.world.snapshot());
    sh.run('hostname lab1; ip netns add x');
    assert.deepEqual(Object.keys(sh.world.state.hosts[sh.host.id]!.netnsNames), ['x'], '/run/netns of the state the world holds');
    assert.equal(sh.host, sh.world.state.hosts[sh.host.id]);
    assert.equal(sh.run('cat /etc/hostname').stdout, 'lab1\n');
  });

  it('caps count every kind of object; only growth past a cap is refused', () => {
    const sh = new Shell(createWorld('docker')!.world, createWorld('docker')!.host);
    const counts = worldCounts(sh.world);
    assert.ok(counts.links > 0 && counts.rules > 0 && counts.routes > 0 && counts.netns > 0, JSON.stringify(counts));
    assert.equal(atWorldLimit(counts), false);
    for (const key of ['netns', 'links', 'containers', 'rules', 'routes', 'neighbours'] as const) {
      const at = { ...counts, [key]: LIMITS[key] };
      const over = { ...counts, [key]: LIMITS[key] + 1 };
      assert.match(worldLimitExceeded(at, over) ?? '', new RegExp(`^vethlab: limit reached: at most ${LIMITS[key]} `), key);
      assert.equal(worldLimitExceeded(counts, at), null, `${key}: reaching the cap is allowed`);
      assert.equal(worldLimitExceeded(over, over), null, `${key}: not growing`);
      assert.equal(atWorldLimit(at), true, key);
      assert.equal(atWorldLimit({ ...counts, [key]: LIMITS[key] - 1 }), false, key);
    }
  });

  it('vethlab lab check refuses a lab over the limits (status 2) and gives each solution cell its time budget', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vethlab-limits-'));
    try {
      const big = path.join(dir, 'big.lab.md');
      fs.writeFileSync(big, '```sh\ntrue\n```\n'.repeat(LIMITS.labCells + 1));
      assert.equal(runLabCheck({ file: big, solution: true }, () => {}), `${big}: this lab has too many cells: ${LIMITS.labCells + 1} (the limit is ${LIMITS.labCells})`);
      const slow = path.join(dir, 'slow.lab.md');
      const hours = LIMITS.cellSimMs / 3600_000;
      fs.writeFileSync(slow, `\`\`\`sh\n${'sleep 3600\n'.repeat(hours + 1)}\`\`\`\n\n\`\`\`sh\nsleep 3600\n\`\`\`\n\n\`\`\`check\ncommand "true" exits 0\n\`\`\`\n`);
      const report = gradeLab(parseLab(fs.readFileSync(slow, 'utf8')), (() => {
        const sh = bareShell();
        return { world: sh.world, host: sh.host, run: (l: string) => sh.run(l), limitTime: (ms: number | undefined) => sh.limitTime(ms) };
      })(), { solution: true });
      assert.deepEqual(report.commands.map((c) => c.result.exitCode), [...Array(hours).fill(0), 130, 0], 'the cell over its budget stops; the next cell has its own');
      assert.match(report.commands[hours]!.result.stderr, /the limit for one cell/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lab files over LIMITS.labBytes or LIMITS.labCells are refused with the numbers', () => {
    assert.equal(labTooLarge('x', 1), null);
    assert.equal(labTooLarge('x'.repeat(LIMITS.labBytes + 1), 0), `vethlab: this lab is too large: ${LIMITS.labBytes + 1} characters (the limit is ${LIMITS.labBytes})`);
    assert.equal(labTooLarge('x', LIMITS.labCells + 1), `vethlab: this lab has too many cells: ${LIMITS.labCells + 1} (the limit is ${LIMITS.labCells})`);
  });
});
