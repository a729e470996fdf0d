/** rm, mkdir and touch in a container change its copy-on-write layer as overlay2 does: docker diff A/C/D (issue 4). */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

describe('docker diff after rm, mkdir and touch in the container', () => {
  it('deleting an image file is D with its directory C; a file made and deleted leaves nothing (directory times are no change); mkdir -p is A below a C', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name c1 ubuntu sleep 1000');
    ok(sh, 'docker exec c1 rm /etc/passwd');
    ok(sh, "docker exec c1 sh -c 'echo hi > /tmp/x; rm /tmp/x; mkdir -p /opt/a/b; touch /root/.bashrc'");
    ok(sh, 'docker exec c1 rm -rf /var/log');
    assert.equal(ok(sh, 'docker diff c1'), 'C /etc\nD /etc/passwd\nC /opt\nA /opt/a\nA /opt/a/b\nC /root\nA /root/.bashrc\nC /var\nD /var/log\n');
    assert.deepEqual(run(sh, 'docker exec c1 cat /etc/passwd'), { stdout: '', stderr: 'cat: /etc/passwd: No such file or directory\n', exitCode: 1 });
    // ls in the container sees the layer over the image.
    assert.doesNotMatch(ok(sh, 'docker exec c1 ls /etc'), /^passwd$/m);
    assert.match(ok(sh, 'docker exec c1 ls /opt/a'), /^b\n$/);
    assert.equal(run(sh, 'docker exec c1 ls /var/log').exitCode, 2);
    assert.match(ok(sh, 'docker exec c1 ls /var'), /^lib$/m);
  });

  it('in a directory the deleted entries come after the others (the daemon\'s order, recorded)', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name d4 busybox sleep 1000');
    ok(sh, 'docker exec d4 touch /etc/passwd');
    ok(sh, 'docker exec d4 rm /etc/group');
    assert.equal(ok(sh, 'docker diff d4'), 'C /etc\nC /etc/passwd\nD /etc/group\n');
    ok(sh, 'docker run -d --name w1 -w /srv busybox sleep 300');
    assert.equal(ok(sh, 'docker diff w1'), 'A /srv\n');
  });

  it('a deleted file written again is C; touch copies an image file up (C); the layer survives a restart', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name b1 busybox sleep 1000');
    ok(sh, 'docker exec b1 rm /etc/passwd');
    ok(sh, "docker exec b1 sh -c 'echo root > /etc/passwd'");
    ok(sh, 'docker exec b1 touch /etc/group');
    ok(sh, 'docker restart -t 1 b1');
    assert.equal(ok(sh, 'docker diff b1'), 'C /etc\nC /etc/group\nC /etc/passwd\n');
  });

  it('errors as GNU coreutils prints them in Debian images and BusyBox 1.35 in busybox (recorded), and they change nothing', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name c1 ubuntu sleep 1000');
    ok(sh, 'docker run -d --name b1 busybox sleep 1000');
    const err = (line: string) => {
      const r = run(sh, line);
      return [r.stderr, r.exitCode];
    };
    assert.deepEqual(err('docker exec c1 rm /nope'), ["rm: cannot remove '/nope': No such file or directory\n", 1]);
    assert.deepEqual(err('docker exec b1 rm /nope'), ["rm: can't remove '/nope': No such file or directory\n", 1]);
    assert.deepEqual(err('docker exec c1 rm /etc'), ["rm: cannot remove '/etc': Is a directory\n", 1]);
    assert.deepEqual(err('docker exec b1 rm /etc'), ["rm: '/etc' is a directory\n", 1]);
    assert.deepEqual(err('docker exec c1 rm /etc/hosts'), ["rm: cannot remove '/etc/hosts': Device or resource busy\n", 1]);
    assert.deepEqual(err('docker exec c1 mkdir /etc'), ["mkdir: cannot create directory '/etc': File exists\n", 1]);
    assert.deepEqual(err('docker exec b1 mkdir /a/b'), ["mkdir: can't create directory '/a/b': No such file or directory\n", 1]);
    assert.deepEqual(err('docker exec c1 mkdir -p /etc/passwd/x'), ["mkdir: cannot create directory '/etc/passwd': Not a directory\n", 1]);
    assert.deepEqual(err('docker exec b1 mkdir -p /etc/passwd/x'), ["mkdir: can't create directory '/etc/passwd/': Not a directory\n", 1]);
    assert.deepEqual(err('docker exec c1 touch /nope/x'), ["touch: cannot touch '/nope/x': No such file or directory\n", 1]);
    assert.deepEqual(err('docker exec b1 touch /nope/x'), ['touch: /nope/x: No such file or directory\n', 1]);
    assert.deepEqual(err('docker exec c1 rm'), ["rm: missing operand\nTry 'rm --help' for more information.\n", 1]);
    assert.match(run(sh, 'docker exec b1 mkdir').stderr, /^BusyBox v1\.35\.0 \(Debian 1:1\.35\.0-4\+deb12u1\+b1\) multi-call binary\.\n\nUsage: mkdir \[-m MODE\] \[-p\] DIRECTORY\.\.\.\n/);
    assert.deepEqual(err('docker exec b1 rm -f /nope'), ['', 0]);
    assert.equal(ok(sh, 'docker diff c1') + ok(sh, 'docker diff b1'), '');
  });

  it('rm -rf of a directory holding Docker\'s bind mounts empties it but they stay (Device or resource busy); GNU rm refuses /', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name c1 ubuntu sleep 1000');
    const r = run(sh, 'docker exec c1 rm -rf /etc');
    assert.equal(r.exitCode, 1);
    assert.equal(r.stderr, "rm: cannot remove '/etc/hostname': Device or resource busy\nrm: cannot remove '/etc/hosts': Device or resource busy\nrm: cannot remove '/etc/resolv.conf': Device or resource busy\nrm: cannot remove '/etc': Directory not empty\n");
    assert.equal(ok(sh, 'docker exec c1 ls /etc'), 'hostname\nhosts\nresolv.conf\n');
    assert.match(ok(sh, 'docker diff c1'), /^C \/etc\nD \/etc\/group\n/);
    assert.deepEqual(run(sh, 'docker exec c1 rm -rf /'), { stdout: '', stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", exitCode: 1 });
  });

  it('a named volume keeps its own files: rm there is not in the layer', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name v1 -v data:/data busybox sleep 1000');
    ok(sh, "docker exec v1 sh -c 'echo x > /data/f'");
    ok(sh, 'docker exec v1 rm /data/f');
    assert.deepEqual(run(sh, 'docker exec v1 cat /data/f').exitCode, 1);
    assert.equal(ok(sh, 'docker diff v1'), 'A /data\n');
  });
});
