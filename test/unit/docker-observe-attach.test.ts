import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

describe('docker attach as a process on simulated time', () => {
  it('in the background it lets docker stop run beside it; the container ends as stop makes it (137: sleep ignores SIGTERM)', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker run -d --name s1 busybox sleep 300');
    assert.deepEqual(run(sh, 'docker attach --no-stdin s1 & sleep 1; docker stop -t 1 s1; wait'), { stdout: 's1\n', stderr: '', exitCode: 0 });
    assert.equal(ok(sh, `docker ps -a --format '{{.Names}} {{.Status}}'`), 's1 Exited (137) Less than a second ago\n');
  });

  it('prints what the container writes from now on, each line when written, and ends with its status', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `docker run -d --name s2 busybox sh -c 'echo a; sleep 2; echo b; sleep 1; echo c >&2; exit 3'`);
    assert.deepEqual(run(sh, 'docker attach s2'), { stdout: 'b\n', stderr: 'c\n', exitCode: 3 });
    assert.equal(ok(sh, `docker ps -a --format '{{.Status}}'`), 'Exited (3) Less than a second ago\n', 'attach returned when the script ended (3 s)');
  });

  it('a kill from another job ends it with the kill status; its errors are the plain command\'s', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker run -d --name s4 busybox sleep 300');
    assert.deepEqual(run(sh, '(sleep 2; docker kill s4) & docker attach s4; echo $?'), { stdout: 's4\n137\n', stderr: '', exitCode: 0 });
    assert.equal(run(sh, 'docker attach s4').stderr, 'You cannot attach to a stopped container, start it first\n');
    assert.equal(run(sh, 'docker attach nosuch').stderr, 'Error response from daemon: No such container: nosuch\n');
  });
});
