/** ps, pgrep, tty, more on the simulated host: procps-ng 4.0.2 / util-linux 2.38 formats as recorded on Debian 12. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function dockerShell(): Shell {
  const made = createWorld('docker')!;
  return new Shell(made.world, made.host);
}

describe('ps, pgrep, tty, more', () => {
  it('ps -ef lists init, containerd, dockerd, each container shim and processes with host PIDs, the shell and ps itself', () => {
    const sh = dockerShell();
    sh.run('docker run -d --name web nginx');
    const pid = sh.run("docker inspect -f '{{.State.Pid}}' web").stdout.trim();
    const out = sh.run('ps -ef').stdout.split('\n');
    assert.equal(out[0], 'UID        PID  PPID  C STIME TTY          TIME CMD');
    // The host booted 52 s before the world's first instant (09:30:00): init, containerd and dockerd started at 09:29.
    assert.equal(out[1], 'root         1     0  0 09:29 ?        00:00:00 /sbin/init');
    assert.equal(out[3], 'root       689     1  0 09:29 ?        00:00:00 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    const master = out.find((l) => l.includes('nginx: master process'))!;
    assert.match(master, new RegExp(`^root\\s+${pid}\\s+\\d+  0 \\d\\d:\\d\\d \\?\\s+00:00:00 nginx: master process nginx -g daemon off;$`));
    assert.equal(out.filter((l) => / nginx: worker process$/.test(l) && l.startsWith('101 ')).length, 2);
    assert.ok(out.some((l) => /containerd-shim-runc-v2 -namespace moby -id [0-9a-f]{64} /.test(l)));
    assert.match(out[out.length - 2]!, / pts\/0    00:00:00 ps -ef$/);
  });

  it('ps alone shows this terminal\'s processes; ps aux the BSD columns', () => {
    const sh = dockerShell();
    assert.equal(sh.run('ps').stdout, '  PID TTY          TIME CMD\n 4242 pts/0    00:00:00 bash\n 5242 pts/0    00:00:00 ps\n');
    const aux = sh.run('ps aux').stdout.split('\n');
    assert.equal(aux[0], 'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    assert.match(aux[1]!, /^root         1  0\.0  0\.0 +\d+ +\d+ \?        Ss   09:29   0:00 \/sbin\/init$/);
    const bad = sh.run('ps -Q');
    assert.equal(bad.exitCode, 1);
    assert.match(bad.stderr, /^error: unsupported SysV option\n\nUsage:\n ps \[options\]\n/);
  });

  it('pgrep finds a container\'s processes from the host, exits 1 when nothing matches, 2 on bad usage', () => {
    const sh = dockerShell();
    sh.run('docker run -d --name web nginx');
    const pid = sh.run("docker inspect -f '{{.State.Pid}}' web").stdout.trim();
    assert.equal(sh.run('pgrep nginx').stdout.split('\n')[0], pid);
    assert.equal(sh.run('pgrep -l -x dockerd').stdout, '689 dockerd\n');
    assert.deepEqual([sh.run('pgrep zzz').exitCode, sh.run('pgrep').exitCode, sh.run('pgrep a b').exitCode], [1, 2, 2]);
    assert.equal(sh.run('pgrep').stderr, "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    assert.equal(sh.run('docker stop web; pgrep nginx; echo $?').stdout, 'web\n1\n');
  });

  it('tty in a cell or script says not a tty; more and less print their input unpaged', () => {
    const sh = dockerShell();
    assert.deepEqual([sh.run('tty').stdout, sh.run('tty').exitCode], ['not a tty\n', 1]);
    assert.equal(sh.run('echo hi | more').stdout, 'hi\n');
    const missing = sh.run('more /nope; less /nope');
    assert.deepEqual([missing.stdout, missing.stderr, missing.exitCode], ['/nope: No such file or directory\n', 'more: cannot open /nope: No such file or directory\n', 0]);
  });
});

describe('ps and the docker units', () => {
  it('containerd outlives a stopped dockerd (live-restored containers keep their shims); a dockerd typed at the prompt shows with its command line and terminal', () => {
    const sh = dockerShell();
    sh.run(`echo '{"live-restore": true}' > /etc/docker/daemon.json`);
    sh.run('systemctl restart docker');
    sh.run('docker run -d --name web nginx');
    sh.run('systemctl stop docker docker.socket');
    const stopped = sh.run('ps -ef').stdout;
    assert.match(stopped, /^root +612 +1 .* \/usr\/bin\/containerd$/m);
    assert.doesNotMatch(stopped, /\/usr\/bin\/dockerd/);
    assert.match(stopped, /nginx: master process/);
    sh.run('dockerd -H tcp://192.168.1.2:2375 &');
    sh.run('sleep 17');
    assert.match(sh.run('ps -ef').stdout, /^root +\d+ +4242 +0 09:30 pts\/0 +00:00:00 dockerd -H tcp:\/\/192\.168\.1\.2:2375$/m);
  });
});
