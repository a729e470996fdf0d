import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

function committed() {
  const sh = shell();
  ok(sh, 'docker pull -q debian');
  ok(sh, `docker run --name del debian sh -c 'rm /etc/os-release; rm -r /tmp; mkdir -p /srv/x; echo hi > /srv/x/f'`);
  ok(sh, 'docker commit del img');
  return sh;
}

describe('docker commit keeps what the container deleted deleted (whiteouts)', () => {
  it('a deleted image file and directory are absent in containers run from the committed image', () => {
    const sh = committed();
    assert.equal(ok(sh, 'docker diff del'), 'C /etc\nD /etc/os-release\nC /srv\nA /srv/x\nA /srv/x/f\nD /tmp\n');
    const cat = run(sh, 'docker run --rm img cat /etc/os-release');
    assert.deepEqual([cat.stdout, cat.stderr, cat.exitCode], ['', 'cat: /etc/os-release: No such file or directory\n', 1]);
    assert.doesNotMatch(ok(sh, 'docker run --rm img ls /'), /^tmp$/m);
    assert.doesNotMatch(ok(sh, 'docker run --rm img ls /etc'), /os-release/);
    assert.equal(ok(sh, 'docker run --rm img cat /srv/x/f'), 'hi\n');
    assert.equal(run(sh, 'docker run --rm img sh -c "echo x > /tmp/a"').exitCode, 1, 'no /tmp to write into');
  });

  it('the base image still has them', () => {
    const sh = committed();
    assert.match(ok(sh, 'docker run --rm debian cat /etc/os-release'), /^PRETTY_NAME="Debian GNU\/Linux 12/);
    assert.match(ok(sh, 'docker run --rm debian ls /'), /^tmp$/m);
  });

  it("a container of the new image starts with an empty diff; putting a whited-out path back is A, not C", () => {
    const sh = committed();
    ok(sh, 'docker run --name d3 img sh -c "echo again > /etc/os-release"');
    assert.equal(ok(sh, 'docker diff d3'), 'C /etc\nA /etc/os-release\n');
    ok(sh, 'docker run --name d4 img true');
    assert.equal(ok(sh, 'docker diff d4'), '');
  });

  it('a file of a committed layer deleted and committed again is gone; its emptied directory stays', () => {
    const sh = committed();
    ok(sh, "docker run --name d2 img rm /srv/x/f");
    assert.equal(ok(sh, 'docker diff d2'), 'C /srv\nC /srv/x\nD /srv/x/f\n');
    ok(sh, 'docker commit d2 img2');
    assert.equal(ok(sh, 'docker run --rm img2 ls /srv/x'), '');
    assert.equal(run(sh, 'docker run --rm img2 cat /srv/x/f').exitCode, 1);
    assert.equal(ok(sh, 'docker run --rm img cat /srv/x/f'), 'hi\n', 'the first image is unchanged');
  });

  it('a commit that only deletes still makes a new layer and image id', () => {
    const sh = shell();
    ok(sh, 'docker pull -q debian');
    ok(sh, "docker run --name ca debian rm /etc/os-release");
    ok(sh, "docker run --name cb debian true");
    const a = ok(sh, 'docker commit ca ia');
    const b = ok(sh, 'docker commit cb ib');
    assert.notEqual(a, b);
    assert.equal(run(sh, 'docker run --rm ib cat /etc/os-release').exitCode, 0);
    assert.equal(run(sh, 'docker run --rm ia cat /etc/os-release').exitCode, 1);
  });
});

describe('docker export leaves out what the container deleted', () => {
  it('an exported (and re-imported) filesystem lacks the image file the container removed', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, "docker run --name a1 busybox sh -c 'mkdir /srv; echo hi > /srv/f; echo keep > /srv/g'");
    ok(sh, 'docker commit a1 withf');
    ok(sh, 'docker run --name a2 withf rm /srv/f');
    ok(sh, 'docker export -o /tmp/a2.tar a2');
    ok(sh, 'docker import /tmp/a2.tar flat:1');
    assert.equal(run(sh, 'docker run --rm flat:1 cat /srv/f').exitCode, 1);
    assert.equal(ok(sh, 'docker run --rm flat:1 cat /srv/g'), 'keep\n');
  });
});
