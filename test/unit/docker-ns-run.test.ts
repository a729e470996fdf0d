/** docker run's process model: -it without a terminal, -t, -w, what runc and the shell say about commands that cannot run, the entrypoint's exec, eth0 (issue 4). */
import { strict as assert } from 'node:assert';
import { ok, run, shell as fresh } from '../scenarios/shell.helpers';

/** A docker world with the images pulled (so runs print no pull progress). */
function shell() {
  const sh = fresh();
  for (const image of ['busybox', 'ubuntu', 'redis', 'nginx']) ok(sh, `docker pull -q ${image}`);
  return sh;
}

describe('docker run: terminal, working directory, exec errors', () => {
  it('-it in a script fails before anything is created (docker/cli CheckTty); -d -it is fine; a terminal (VETHLAB_TTY) attaches', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'docker run -it busybox true'), { stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    assert.equal(ok(sh, 'docker ps -aq'), '');
    assert.match(ok(sh, 'docker run -dit --name deb busybox'), /^[0-9a-f]{64}\n$/);
    sh.vars['VETHLAB_TTY'] = '/dev/pts/0';
    assert.equal(run(sh, 'docker run -it --rm busybox true').exitCode, 0);
  });

  it('docker attach to a -t container needs a terminal on stdin unless --no-stdin (CheckTty)', () => {
    const sh = shell();
    ok(sh, "docker run -dt --name t1 busybox sh -c 'sleep 2; exit 3'");
    assert.deepEqual(run(sh, 'docker attach t1'), { stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    assert.equal(run(sh, 'docker attach --no-stdin t1').exitCode, 3);
  });

  it('-t merges the streams into stdout with CR LF; -w sets the working directory of run and exec', () => {
    const sh = shell();
    assert.deepEqual(run(sh, "docker run --rm -t busybox sh -c 'echo a; echo b >&2'"), { stdout: 'a\r\nb\r\n', stderr: '', exitCode: 0 });
    assert.equal(ok(sh, 'docker run -w /tmp --rm busybox pwd'), '/tmp\n');
    ok(sh, 'docker run -d --name w1 -w /srv busybox sleep 300');
    assert.equal(ok(sh, 'docker exec w1 pwd'), '/srv\n');
    assert.equal(ok(sh, 'docker exec -w /etc w1 pwd'), '/etc\n');
    assert.equal(ok(sh, `docker exec -e FOO=bar w1 sh -c 'echo $FOO'`), 'bar\n');
  });

  it('sh -c PATH: a plain file or a directory is 126, a missing one 127, as ash and bash word them', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'docker run --rm busybox sh -c /etc/passwd'), { stdout: '', stderr: 'sh: /etc/passwd: Permission denied\n', exitCode: 126 });
    assert.deepEqual(run(sh, 'docker run --rm busybox sh -c /etc'), { stdout: '', stderr: 'sh: /etc: Permission denied\n', exitCode: 126 });
    assert.deepEqual(run(sh, 'docker run --rm busybox sh -c /nope'), { stdout: '', stderr: 'sh: /nope: not found\n', exitCode: 127 });
    assert.deepEqual(run(sh, 'docker run --rm ubuntu bash -c /etc'), { stdout: '', stderr: 'bash: /etc: Is a directory\n', exitCode: 126 });
    assert.deepEqual(run(sh, 'docker run --rm ubuntu bash -c /nope'), { stdout: '', stderr: 'bash: /nope: No such file or directory\n', exitCode: 127 });
  });

  it('an official image\'s docker-entrypoint.sh execs the command given; redis\'s dash says when it is missing (127)', () => {
    const sh = shell();
    assert.equal(ok(sh, 'docker run --rm redis echo hi'), 'hi\n');
    assert.equal(ok(sh, 'docker run --rm nginx echo hi'), 'hi\n');
    assert.deepEqual(run(sh, 'docker run --name r1 redis nosuchcmd'), { stdout: '', stderr: '/usr/local/bin/docker-entrypoint.sh: 24: exec: nosuchcmd: not found\n', exitCode: 127 });
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' r1"), 'exited 127\n');
    assert.deepEqual(run(sh, 'docker run --name b1 busybox nosuchcmd'), { stdout: '', stderr: 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n', exitCode: 127 });
  });

  it('eth0 as libnetwork makes it: no qlen (txqueuelen 0), no IPv6 link-local; lo keeps ::1', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name n1 busybox sleep 300');
    const pid = ok(sh, "docker inspect -f '{{.State.Pid}}' n1").trim();
    const addr = ok(sh, `nsenter -t ${pid} -n ip addr`);
    assert.match(addr, /: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n/);
    assert.doesNotMatch(addr, /fe80::/);
    assert.match(addr, /inet6 ::1\/128 scope host/);
    assert.match(ok(sh, 'ip link show'), /: veth[0-9a-f]{7}@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \n/);
  });
});
