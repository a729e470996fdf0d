/**
 * "Revert world to before this cell" in a multi-host lab puts the shell back on the host it stood
 * on then, with the ssh sessions it had open (it used to stay on the host the last cell left it on).
 */
import { strict as assert } from 'node:assert';
import { LabSession } from '../../src/host/notebook/lab-session';

function open(): LabSession {
  const session = LabSession.open('multi-host');
  assert.ok(typeof session !== 'string', String(session));
  return session;
}

const hostname = (s: LabSession) => {
  const run = s.runShell('probe', 'hostname');
  assert.equal(run.kind, 'shell');
  return run.kind === 'shell' ? run.commands[0]!.chunks.map((c) => c.text).join('') : '';
};

describe('lab session: revert across ssh sessions', () => {
  it('back to node1 when the reverted cell logged into node2', () => {
    const s = open();
    s.runShell('a', 'cd /tmp');
    s.runShell('b', 'ssh node2');
    assert.equal(hostname(s), 'node2\n');
    assert.ok(s.revertTo('b'));
    assert.equal(hostname(s), 'node1\n');
    const pwd = s.runShell('c', 'pwd');
    assert.equal(pwd.kind === 'shell' && pwd.commands[0]!.chunks.map((c) => c.text).join(''), '/tmp\n');
  });

  it('still on node2, and exit returns to node1, when the reverted cell ran inside the ssh session', () => {
    const s = open();
    s.runShell('a', 'ssh node2');
    s.runShell('b', 'cd /var\nssh node3');
    assert.equal(hostname(s), 'node3\n');
    assert.ok(s.revertTo('b'));
    assert.equal(hostname(s), 'node2\n');
    const exit = s.runShell('c', 'exit\nhostname');
    assert.equal(exit.kind === 'shell' && exit.commands.map((c) => c.chunks.map((k) => k.text).join('')).join(''), 'logout\nConnection to node2 closed.\nnode1\n');
  });
});
