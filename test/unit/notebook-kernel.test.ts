/**
 * The notebook kernel against a fake notebook API: per-command outputs, execution order,
 * success and failure, one world per notebook, restart, revert, interrupt, escalating hints,
 * the lab's score and the world diff.
 */
import { strict as assert } from 'node:assert';
import { LabSession, MAX_SNAPSHOTS } from '../../src/host/notebook/lab-session';
import { LabKernel, renderRun, type CellOutput, type CellRef, type ExecutionPort, type NotebookRef } from '../../src/host/notebook/lab-kernel';

interface FakeExecution {
  cell: string;
  started: boolean;
  order?: number;
  outputs: CellOutput[];
  success?: boolean;
}

/** Records what VS Code would show for each cell execution. */
class FakeNotebook {
  readonly executions: FakeExecution[] = [];
  constructor(readonly ref: NotebookRef) {}

  open = (cell: CellRef): ExecutionPort => {
    const e: FakeExecution = { cell: cell.id, started: false, outputs: [] };
    this.executions.push(e);
    return {
      start: () => void (e.started = true),
      setOrder: (order) => void (e.order = order),
      setOutputs: (outputs) => void (e.outputs = outputs),
      end: (success) => void (e.success = success),
    };
  };

  last(): FakeExecution {
    return this.executions[this.executions.length - 1]!;
  }
}

const sh = (id: string, code: string): CellRef => ({ id, kind: 'shell', code });
const check = (id: string, code: string): CellRef => ({ id, kind: 'check', code });
const text = (outputs: CellOutput[]) => outputs.map((o) => o.map((i) => `${i.mime}:${i.text}`).join('')).join('');

describe('notebook kernel (fake notebook API)', () => {
  let kernel: LabKernel;
  let nb: FakeNotebook;

  beforeEach(() => {
    kernel = new LabKernel();
    nb = new FakeNotebook({ id: 'nb1', world: 'bare' });
  });

  it('shows, per command, the prompt and command, stdout, stderr and a non-zero exit code', async () => {
    await kernel.execute(nb.ref, [sh('c1', '# a comment\nhostname\ncat /nope\necho a \\\n  b')], nb.open);
    const e = nb.last();
    assert.equal(e.started, true);
    assert.equal(e.order, 1);
    assert.equal(e.success, false);
    assert.deepEqual(e.outputs, [
      [{ mime: 'stdout', text: 'root@host:~# hostname\n' }],
      [{ mime: 'stdout', text: 'host\n' }],
      [{ mime: 'stdout', text: 'root@host:~# cat /nope\n' }],
      [{ mime: 'stderr', text: 'cat: /nope: No such file or directory\n' }],
      [{ mime: 'stderr', text: '[exit 1]\n' }],
      [{ mime: 'stdout', text: 'root@host:~# echo a   b\n' }],
      [{ mime: 'stdout', text: 'a b\n' }],
    ]);
  });

  it('runs cells in order in one world per notebook, counting executions; other notebooks have their own world', async () => {
    await kernel.execute(nb.ref, [sh('c1', 'ip netns add red'), sh('c2', 'ip netns list')], nb.open);
    assert.deepEqual(nb.executions.map((e) => [e.cell, e.order, e.success]), [['c1', 1, true], ['c2', 2, true]]);
    assert.match(text(nb.last().outputs), /stdout:red\n/);
    const other = new FakeNotebook({ id: 'nb2', world: 'bare' });
    await kernel.execute(other.ref, [sh('c2', 'ip netns list')], other.open);
    assert.equal(other.last().order, 1);
    assert.doesNotMatch(text(other.last().outputs), /red/);
  });

  it('shows the world diff a cell caused', async () => {
    await kernel.execute(nb.ref, [sh('c1', 'ip netns add red\nip link add veth-red type veth peer name veth-host\nip link set veth-red netns red\nsysctl -w net.ipv4.ip_forward=1')], nb.open);
    const diff = (n: number) => {
      const out = nb.executions[n]!.outputs.at(-1)![0]!;
      assert.equal(out.mime, 'text/markdown');
      return out.text.replace(/^[^]*```diff\n|```\n$/g, '');
    };
    assert.equal(diff(0), '+ netns red\n+ veth-host in host (veth)\n+ veth-red in red (veth)\n~ sysctl net.ipv4.ip_forward = 1 in host\n');
    await kernel.execute(nb.ref, [sh('c2', 'ip -n red link set veth-red up\nip -n red addr add 10.0.0.1/24 dev veth-red\nip link set veth-host netns red\niptables -t nat -A POSTROUTING -j MASQUERADE')], nb.open);
    assert.equal(
      diff(1),
      '~ veth-host in red: moved from host\n~ veth-red in red: UP\n~ iptables nat in host\n+ 10.0.0.1/24 on veth-red in red\n~ route table main in red\n',
    );
  });

  it('check cells: PASS/FAIL per check, success only when all pass, hints escalate on repeated failures, lab score', async () => {
    const cell = check('k1', 'netns red exists\n  hint: first\n  hint: second\nnetns blue does not exist');
    await kernel.execute(nb.ref, [cell], nb.open);
    let out = text(nb.last().outputs);
    assert.equal(nb.last().success, false);
    assert.match(out, /❌ FAIL `netns red exists`\n {2}- found: there is no netns red\n {2}- 💡 hint: first\n- ✅ PASS `netns blue does not exist`/);
    assert.doesNotMatch(out, /second/);
    assert.match(out, /1\/2 checks passed\*\* in this cell; lab so far: \*\*1\/2/);
    await kernel.execute(nb.ref, [cell], nb.open);
    out = text(nb.last().outputs);
    assert.match(out, /hint: first\n {2}- 💡 hint: second/);
    await kernel.execute(nb.ref, [sh('c1', 'ip netns add red'), cell], nb.open);
    assert.equal(nb.last().success, true);
    assert.match(text(nb.last().outputs), /lab so far: \*\*2\/2\*\*/);
  });

  it('revert puts the world back as it was before the cell ran; restart gives a fresh world', async () => {
    await kernel.execute(nb.ref, [sh('c1', 'ip netns add red'), sh('c2', 'ip netns add blue\ncd /tmp')], nb.open);
    assert.equal(kernel.revert('nb1', 'c2'), true);
    await kernel.execute(nb.ref, [sh('c3', 'ip netns list\npwd')], nb.open);
    assert.match(text(nb.last().outputs), /stdout:red\n/);
    assert.doesNotMatch(text(nb.last().outputs), /blue/);
    assert.match(text(nb.last().outputs), /stdout:\/root\n/);
    assert.equal(kernel.revert('nb1', 'never-ran'), false);
    kernel.restart('nb1');
    await kernel.execute(nb.ref, [sh('c4', 'ip netns list')], nb.open);
    assert.equal(nb.last().order, 1);
    assert.deepEqual(nb.last().outputs, [[{ mime: 'stdout', text: 'root@host:~# ip netns list\n' }]]);
  });

  it('an interrupt stops the run before the next cell', async () => {
    const holder: { kernel?: LabKernel } = {};
    const slow: LabKernel = new LabKernel(undefined, async () => holder.kernel!.interrupt('nb1'));
    holder.kernel = slow;
    await slow.execute(nb.ref, [sh('c1', 'true'), sh('c2', 'true'), sh('c3', 'true')], nb.open);
    assert.deepEqual(nb.executions.map((e) => e.cell), ['c1']);
    await slow.execute(nb.ref, [sh('c2', 'true')], nb.open);
    assert.deepEqual(nb.executions.map((e) => e.cell), ['c1', 'c2'], 'a new run is not interrupted');
  });

  it('an unknown world and cells of other languages fail with a message', async () => {
    const bad = new FakeNotebook({ id: 'nb3', world: 'mars' });
    await kernel.execute(bad.ref, [sh('c1', 'true')], bad.open);
    assert.equal(bad.last().success, false);
    assert.match(text(bad.last().outputs), /unknown world 'mars'/);
    await kernel.execute(nb.ref, [{ id: 'p', kind: 'other', code: 'print(1)' }], nb.open);
    assert.equal(nb.last().success, false);
  });

  it('keeps at most MAX_SNAPSHOTS snapshots to revert to, dropping the oldest', () => {
    const session = LabSession.open('bare');
    assert.ok(typeof session !== 'string');
    for (let i = 0; i <= MAX_SNAPSHOTS; i++) session.runShell(`c${i}`, 'true');
    assert.equal(session.canRevert('c0'), false);
    assert.equal(session.canRevert('c1'), true);
    assert.equal(session.canRevert(`c${MAX_SNAPSHOTS}`), true);
  });

  it('tells an observer about each notebook world: opened, used per cell, closed on restart and close', async () => {
    const events: string[] = [];
    const worlds = new Set<unknown>();
    const observed = new LabKernel(undefined, undefined, {
      opened: (id, world, label) => (worlds.add(world), events.push(`opened ${id} ${label}`)),
      used: (id) => events.push(`used ${id}`),
      closed: (id) => events.push(`closed ${id}`),
    });
    const ref = { id: 'nb9', world: 'bare', label: 'lab 04.lab.md' };
    await observed.execute(ref, [sh('a', 'true'), sh('b', 'true')], nb.open);
    observed.restart('nb9');
    await observed.execute(ref, [sh('a', 'true')], nb.open);
    observed.close('nb9');
    observed.close('nb9');
    assert.deepEqual(events, ['opened nb9 lab 04.lab.md', 'used nb9', 'used nb9', 'closed nb9', 'opened nb9 lab 04.lab.md', 'used nb9', 'closed nb9']);
    assert.equal(worlds.size, 2, 'restart makes a new world');
  });
});

describe('notebook kernel: the lab folder', () => {
  it("a lab's shell starts in /root and reads the lab folder's files there, read-only copies in memory", async () => {
    const { SnapshotFiles } = await import('../../src/shell/snapshot-files');
    const files = new SnapshotFiles([['compose.yaml', 'services:\n  web:\n    image: nginx\n'], ['app/Dockerfile', 'FROM alpine\n'], ['../escape', 'no']]);
    const kernel = new LabKernel();
    const nb = new FakeNotebook({ id: 'nb-folder', world: 'bare', files });
    await kernel.execute(nb.ref, [sh('c1', 'pwd\nls\nls app\ncat compose.yaml\ncat /root/app/Dockerfile\ncat ../escape')], nb.open);
    assert.equal(text(nb.last().outputs), [
      'stdout:root@host:~# pwd\n', 'stdout:/root\n',
      'stdout:root@host:~# ls\n', 'stdout:app\ncompose.yaml\n',
      'stdout:root@host:~# ls app\n', 'stdout:Dockerfile\n',
      'stdout:root@host:~# cat compose.yaml\n', 'stdout:services:\n  web:\n    image: nginx\n',
      'stdout:root@host:~# cat /root/app/Dockerfile\n', 'stdout:FROM alpine\n',
      'stdout:root@host:~# cat ../escape\n', 'stderr:cat: ../escape: No such file or directory\n', 'stderr:[exit 1]\n',
    ].join(''));
  });
});

describe('notebook kernel: long commands run live until Stop', () => {
  /** A kernel whose real-time waits are counted, and that presses Stop after `stopAfter` of them. */
  function liveKernel(stopAfter: number) {
    const state = { sleeps: 0, progress: [] as string[] };
    let kernel!: LabKernel;
    const nb = new FakeNotebook({ id: 'nb-live', world: 'bare' });
    const open = (cell: CellRef): ExecutionPort => {
      const port = nb.open(cell);
      return { ...port, setOutputs: (outputs) => (state.progress.push(text(outputs)), port.setOutputs(outputs)) };
    };
    kernel = new LabKernel(undefined, () => Promise.resolve(), undefined, async () => {
      state.sleeps++;
      if (state.sleeps === stopAfter) kernel.interrupt('nb-live');
    });
    return { kernel, nb, open, state };
  }

  it('a ping without -c shows its replies as they come, and Stop ends it with ping\'s statistics; the next lines do not run', async () => {
    const { kernel, nb, open, state } = liveKernel(40);
    await kernel.execute(nb.ref, [sh('c1', 'ping 192.168.1.1\necho after')], open);
    const out = text(nb.last().outputs);
    // 10 s run at once, then one 250 ms slice of simulated time per real wait: 10 + 40/4 requests.
    assert.match(out, /icmp_seq=20 ttl=64/);
    assert.doesNotMatch(out, /icmp_seq=21 /);
    assert.match(out, /--- 192\.168\.1\.1 ping statistics ---\n20 packets transmitted, 20 received, 0% packet loss/);
    assert.doesNotMatch(out, /after/);
    assert.match(out, /interrupted: the remaining commands were not run/);
    assert.equal(nb.last().success, false);
    // While it ran, the cell showed the replies so far, growing.
    assert.ok(state.progress.some((p) => /icmp_seq=12 /.test(p) && !/icmp_seq=13 /.test(p) && !/statistics/.test(p)));
  });

  it('a tcpdump without -c waits for packets until Stop, then prints its counts', async () => {
    const { kernel, nb, open } = liveKernel(3);
    await kernel.execute(nb.ref, [sh('c1', 'tcpdump -i eth0 -n')], open);
    assert.match(text(nb.last().outputs), /listening on eth0, link-type EN10MB[^]*0 packets captured/);
  });

  it('commands that end by themselves within 10 s of simulated time run at once, without waiting in real time', async () => {
    const { kernel, nb, open, state } = liveKernel(1000);
    await kernel.execute(nb.ref, [sh('c1', 'sleep 5\nping -c 3 192.168.1.1\nsleep 9')], open);
    assert.equal(state.sleeps, 0);
    assert.equal(nb.last().success, true);
  });

  it('scripts and lab check keep the simulated Ctrl-C after 4 requests (nobody can press Stop)', () => {
    const session = LabSession.open('bare') as LabSession;
    const run = session.runShell('c1', 'ping 192.168.1.1');
    assert.equal(run.kind, 'shell');
    assert.match(text(renderRun(run)), /4 packets transmitted, 4 received/);
  });
});
