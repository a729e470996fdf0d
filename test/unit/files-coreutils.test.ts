/**
 * mkdir, rmdir, touch, rm, cp, mv, tee, basename and dirname in the host shell against GNU coreutils.
 * Every expected text below was recorded from coreutils 9.1 on Debian 12 (as root, in a scratch
 * directory under /tmp), byte for byte with exit codes; /proc's EPERM for rm is what unlink(2) gives
 * on procfs, whose directories have no unlink operation.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';
import type { Shell } from '../../src/shell/shell';
import { shell as dockerShell } from '../scenarios/shell.helpers';

function at(sh: Shell, line: string): [string, string, number] {
  const r = sh.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

/** A shell in /tmp with lines already run (each must succeed). */
function inTmp(...setup: string[]): Shell {
  const sh = bareShell();
  for (const line of ['cd /tmp', ...setup]) assert.equal(sh.run(line).exitCode, 0, line);
  return sh;
}

const state = (sh: Shell) => JSON.stringify(sh.world.state);

describe('file commands on the host (coreutils 9.1)', () => {
  it('mkdir: -p, -v and the locale-quoted errors', () => {
    const sh = inTmp('touch f');
    assert.deepEqual(at(sh, 'mkdir a'), ['', '', 0]);
    assert.deepEqual(at(sh, 'mkdir a'), ['', 'mkdir: cannot create directory ‘a’: File exists\n', 1]);
    assert.deepEqual(at(sh, 'mkdir -p a'), ['', '', 0]);
    assert.deepEqual(at(sh, 'mkdir x/y'), ['', 'mkdir: cannot create directory ‘x/y’: No such file or directory\n', 1]);
    assert.deepEqual(at(sh, 'mkdir -v b'), ["mkdir: created directory 'b'\n", '', 0]);
    assert.deepEqual(at(sh, 'mkdir -pv c/d/e'), ["mkdir: created directory 'c'\nmkdir: created directory 'c/d'\nmkdir: created directory 'c/d/e'\n", '', 0]);
    assert.deepEqual(at(sh, 'mkdir --parents --verbose p/q'), ["mkdir: created directory 'p'\nmkdir: created directory 'p/q'\n", '', 0]);
    assert.deepEqual(at(sh, 'mkdir f'), ['', 'mkdir: cannot create directory ‘f’: File exists\n', 1]);
    assert.deepEqual(at(sh, 'mkdir -p f/g'), ['', 'mkdir: cannot create directory ‘f’: Not a directory\n', 1]);
    assert.deepEqual(at(sh, 'mkdir f/g'), ['', 'mkdir: cannot create directory ‘f/g’: Not a directory\n', 1]);
    assert.deepEqual(at(sh, "mkdir ''"), ['', 'mkdir: cannot create directory ‘’: No such file or directory\n', 1]);
    assert.deepEqual(at(sh, 'mkdir -q z'), ['', "mkdir: invalid option -- 'q'\nTry 'mkdir --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'mkdir -m'), ['', "mkdir: option requires an argument -- 'm'\nTry 'mkdir --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'mkdir /proc/x'), ['', 'mkdir: cannot create directory ‘/proc/x’: No such file or directory\n', 1]);
    assert.deepEqual(at(sh, 'mkdir -p /proc/sys'), ['', '', 0]);
    assert.deepEqual(at(sh, 'ls'), ['a\nb\nc\nf\np\n', '', 0]);
    assert.deepEqual(at(sh, 'ls c/d'), ['e\n', '', 0]);
    assert.deepEqual(at(sh, 'test -d c/d/e && cd c/d/e && pwd'), ['/tmp/c/d/e\n', '', 0]);
    assert.deepEqual(at(sh, 'ls /tmp/f'), ['/tmp/f\n', '', 0]);
    // A file written where no directory was (as the daemon.json lab does) brings its directory, which outlives the file.
    assert.deepEqual(at(sh, 'echo {} > /etc/docker/daemon.json; rm /etc/docker/daemon.json; test -d /etc/docker && ls /etc | grep docker'), ['docker\n', '', 0]);
  });

  it('rmdir removes only empty directories', () => {
    const sh = inTmp('mkdir -p b c/d', 'touch f');
    assert.deepEqual(at(sh, 'rmdir nope'), ['', "rmdir: failed to remove 'nope': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'rmdir c'), ['', "rmdir: failed to remove 'c': Directory not empty\n", 1]);
    assert.deepEqual(at(sh, 'rmdir f'), ['', "rmdir: failed to remove 'f': Not a directory\n", 1]);
    assert.deepEqual(at(sh, 'rmdir b'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rmdir'), ['', "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'rmdir --bogus'), ['', "rmdir: unrecognized option '--bogus'\nTry 'rmdir --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'rmdir /proc/sys'), ['', "rmdir: failed to remove '/proc/sys': Operation not permitted\n", 1]);
    assert.deepEqual(at(sh, 'ls'), ['c\nf\n', '', 0]);
  });

  it('rm: files, -r (deepest first with -v), -f, -d and the refusals', () => {
    const sh = inTmp('mkdir -p a c/d/e e/x/y', 'touch g');
    assert.deepEqual(at(sh, 'rm nope'), ['', "rm: cannot remove 'nope': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'rm -f nope'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rm -rf nope'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rm a'), ['', "rm: cannot remove 'a': Is a directory\n", 1]);
    assert.deepEqual(at(sh, 'rm -f a'), ['', "rm: cannot remove 'a': Is a directory\n", 1]);
    assert.deepEqual(at(sh, 'rm -d e'), ['', "rm: cannot remove 'e': Directory not empty\n", 1]);
    assert.deepEqual(at(sh, 'rm -r a'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rm -v g'), ["removed 'g'\n", '', 0]);
    assert.deepEqual(at(sh, 'rm -rv c'), ["removed directory 'c/d/e'\nremoved directory 'c/d'\nremoved directory 'c'\n", '', 0]);
    assert.deepEqual(at(sh, 'rm'), ['', "rm: missing operand\nTry 'rm --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'rm -f'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rm -z'), ['', "rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'rm --bogus'), ['', "rm: unrecognized option '--bogus'\nTry 'rm --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, "rm ''"), ['', "rm: cannot remove '': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'rm -r .'), ['', "rm: refusing to remove '.' or '..' directory: skipping '.'\n", 1]);
    assert.deepEqual(at(sh, 'rm -rf /'), ['', "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", 1]);
    assert.deepEqual(at(sh, 'rm -rv e'), ["removed directory 'e/x/y'\nremoved directory 'e/x'\nremoved directory 'e'\n", '', 0]);
    assert.deepEqual(at(sh, 'ls'), ['', '', 0]);
  });

  it('rm -i asks on stderr and reads its answers from stdin', () => {
    const sh = inTmp('touch e', 'echo x > f', 'mkdir d', 'mkdir -p t/u', 'echo x > t/u/k', 'touch t/j');
    assert.deepEqual(at(sh, 'printf "y\\nn\\n" | rm -i e f'), ['', "rm: remove regular empty file 'e'? rm: remove regular file 'f'? ", 0]);
    assert.deepEqual(at(sh, 'rm -i d </dev/null'), ['', "rm: cannot remove 'd': Is a directory\n", 1]);
    assert.deepEqual(at(sh, 'rm -ri d </dev/null'), ['', "rm: remove directory 'd'? ", 0]);
    assert.deepEqual(at(sh, 'echo y | rm -di d'), ['', "rm: remove directory 'd'? ", 0]);
    assert.deepEqual(at(sh, 'printf "y\\ny\\ny\\nn\\n" | rm -ri t'), ['', "rm: descend into directory 't'? rm: remove regular empty file 't/j'? rm: descend into directory 't/u'? rm: remove regular file 't/u/k'? rm: remove directory 't/u'? rm: remove directory 't'? ", 0]);
    assert.deepEqual(at(sh, 'ls; ls t'), ['f\nt\nu\n', '', 0]);
    assert.deepEqual(at(sh, 'printf "y\\ny\\ny\\ny\\ny\\n" | rm -ri t; ls'), ['f\n', "rm: descend into directory 't'? rm: descend into directory 't/u'? rm: remove regular file 't/u/k'? rm: remove directory 't/u'? rm: remove directory 't'? ", 0]);
  });

  it('rm of a /proc file fails like Linux and the sysctl stays', () => {
    const sh = inTmp('echo 1 > /proc/sys/net/ipv4/ip_forward');
    assert.deepEqual(at(sh, 'rm /proc/sys/net/ipv4/ip_forward'), ['', "rm: cannot remove '/proc/sys/net/ipv4/ip_forward': Operation not permitted\n", 1]);
    assert.deepEqual(at(sh, 'cat /proc/sys/net/ipv4/ip_forward'), ['1\n', '', 0]);
  });

  it('/run/netns files are mount points: rm and rmdir say busy, reading them says EINVAL', () => {
    // Recorded with iproute2 in an `unshare --net --mount` sandbox (tmpfs on /run) on the same machine.
    const sh = inTmp('ip netns add red');
    const before = state(sh);
    assert.deepEqual(at(sh, 'rm /run/netns/red'), ['', "rm: cannot remove '/run/netns/red': Device or resource busy\n", 1]);
    assert.deepEqual(at(sh, 'rm -r /run/netns'), ['', "rm: cannot remove '/run/netns/red': Device or resource busy\n", 1]);
    assert.deepEqual(at(sh, 'rmdir /run/netns'), ['', "rmdir: failed to remove '/run/netns': Device or resource busy\n", 1]);
    assert.deepEqual(at(sh, 'cp /run/netns/red x'), ['', "cp: error reading '/run/netns/red': Invalid argument\n", 1]);
    assert.deepEqual(at(sh, 'mv /run/netns/red /run/x'), ['', "mv: error reading '/run/netns/red': Invalid argument\n", 1]);
    assert.deepEqual(at(sh, 'cat /run/netns/red'), ['', 'cat: /run/netns/red: Invalid argument\n', 1]);
    assert.deepEqual(at(sh, 'touch /run/netns/red'), ['', "touch: cannot touch '/run/netns/red': Operation not permitted\n", 1]);
    assert.equal(state(sh), before);
    assert.deepEqual(at(sh, 'ip netns list'), ['red\n', '', 0]);
  });

  it('cp: files, -r, into a directory, and its refusals', () => {
    const sh = inTmp('touch h a b x', 'mkdir -p d e/f k/a', 'touch e/f/a');
    assert.deepEqual(at(sh, 'cp'), ['', "cp: missing file operand\nTry 'cp --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'cp h'), ['', "cp: missing destination file operand after 'h'\nTry 'cp --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'cp nope z'), ['', "cp: cannot stat 'nope': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'echo hi > h; cp h h2; cat h2'), ['hi\n', '', 0]);
    assert.deepEqual(at(sh, 'cp d d2'), ['', "cp: -r not specified; omitting directory 'd'\n", 1]);
    assert.deepEqual(at(sh, 'cp h nonex/dir'), ['', "cp: cannot create regular file 'nonex/dir': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'cp h nod/'), ['', "cp: cannot create regular file 'nod/': Not a directory\n", 1]);
    assert.deepEqual(at(sh, 'cp h h2 h3'), ['', "cp: target 'h3': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'cp a b x'), ['', "cp: target 'x': Not a directory\n", 1]);
    assert.deepEqual(at(sh, 'cp h h'), ['', "cp: 'h' and 'h' are the same file\n", 1]);
    assert.deepEqual(at(sh, 'cp -r e e/sub'), ['', "cp: cannot copy a directory, 'e', into itself, 'e/sub'\n", 1]);
    assert.deepEqual(at(sh, 'cp -r d x'), ['', "cp: cannot overwrite non-directory 'x' with directory 'd'\n", 1]);
    assert.deepEqual(at(sh, 'cp a k'), ['', "cp: cannot overwrite directory 'k/a' with non-directory\n", 1]);
    assert.deepEqual(at(sh, 'touch t; cp t/ t2'), ['', "cp: cannot stat 't/': Not a directory\n", 1]);
    assert.deepEqual(at(sh, 'cp h d; cat d/h'), ['hi\n', '', 0]);
    assert.deepEqual(at(sh, 'cp -rv e e3'), ["'e' -> 'e3'\n'e/f' -> 'e3/f'\n'e/f/a' -> 'e3/f/a'\n", '', 0]);
    assert.deepEqual(at(sh, 'echo abc > bad; cp bad /proc/sys/net/ipv4/ip_forward'), ['', "cp: error writing '/proc/sys/net/ipv4/ip_forward': Invalid argument\n", 1]);
    assert.deepEqual(at(sh, 'echo abc | tee /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'), ['abc\n0\n', 'tee: /proc/sys/net/ipv4/ip_forward: Invalid argument\n', 0]);
    assert.deepEqual(at(sh, 'cp -z a b'), ['', "cp: invalid option -- 'z'\nTry 'cp --help' for more information.\n", 1]);
  });

  it('mv: renames, into a directory, and its refusals', () => {
    const sh = inTmp('touch h x f', 'mkdir -p d e/x/y');
    assert.deepEqual(at(sh, 'mv'), ['', "mv: missing file operand\nTry 'mv --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'mv h'), ['', "mv: missing destination file operand after 'h'\nTry 'mv --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'mv nope z'), ['', "mv: cannot stat 'nope': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'mv f f'), ['', "mv: 'f' and 'f' are the same file\n", 1]);
    assert.deepEqual(at(sh, 'mv h h3'), ['', '', 0]);
    assert.deepEqual(at(sh, 'mv h3 d'), ['', '', 0]);
    assert.deepEqual(at(sh, 'ls d'), ['h3\n', '', 0]);
    assert.deepEqual(at(sh, 'mv d/h3 nonex/x'), ['', "mv: cannot move 'd/h3' to 'nonex/x': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'mv d/h3 nod/'), ['', "mv: cannot move 'd/h3' to 'nod/': Not a directory\n", 1]);
    assert.deepEqual(at(sh, 'mv d d'), ['', "mv: cannot move 'd' to a subdirectory of itself, 'd/d'\n", 1]);
    assert.deepEqual(at(sh, 'mv d f'), ['', "mv: cannot overwrite non-directory 'f' with directory 'd'\n", 1]);
    assert.deepEqual(at(sh, 'mv x e'), ['', "mv: cannot overwrite directory 'e/x' with non-directory\n", 1]);
    assert.deepEqual(at(sh, 'mv f x d'), ['', '', 0]);
    assert.deepEqual(at(sh, 'mv -v d d2'), ["renamed 'd' -> 'd2'\n", '', 0]);
    assert.deepEqual(at(sh, 'ls d2'), ['f\nh3\nx\n', '', 0]);
    assert.deepEqual(at(sh, 'mv /proc/sys/net/ipv4/ip_forward /tmp/y'), ['', "mv: cannot move '/proc/sys/net/ipv4/ip_forward' to '/tmp/y': Operation not permitted\n", 1]);
  });

  it('touch, tee, basename and dirname', () => {
    const sh = inTmp('mkdir d');
    assert.deepEqual(at(sh, 'touch'), ['', "touch: missing file operand\nTry 'touch --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'touch nonex/x'), ['', "touch: cannot touch 'nonex/x': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'touch /proc/x'), ['', "touch: cannot touch '/proc/x': No such file or directory\n", 1]);
    assert.deepEqual(at(sh, 'touch /proc/sys/net/ipv4/ip_forward'), ['', '', 0]);
    assert.deepEqual(at(sh, 'touch -c nope; ls'), ['d\n', '', 0]);
    assert.deepEqual(at(sh, 'touch -q'), ['', "touch: invalid option -- 'q'\nTry 'touch --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'echo hi | tee nonex/x'), ['hi\n', 'tee: nonex/x: No such file or directory\n', 1]);
    assert.deepEqual(at(sh, 'echo a | tee d/t; echo b | tee -a d/t >/dev/null; cat d/t'), ['a\na\nb\n', '', 0]);
    assert.deepEqual(at(sh, 'echo 1 | tee /proc/sys/net/ipv4/ip_forward; sysctl net.ipv4.ip_forward'), ['1\nnet.ipv4.ip_forward = 1\n', '', 0]);
    assert.deepEqual(at(sh, 'tee -z'), ['', "tee: invalid option -- 'z'\nTry 'tee --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'basename'), ['', "basename: missing operand\nTry 'basename --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'basename /a/b/c; basename /a/b.txt .txt; basename /'), ['c\nb\n/\n', '', 0]);
    assert.deepEqual(at(sh, 'basename a b c'), ['', "basename: extra operand ‘c’\nTry 'basename --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'basename -s .x a.x b.x; basename -a a/b c/d'), ['a\nb\nb\nd\n', '', 0]);
    assert.deepEqual(at(sh, 'dirname /a/b; dirname a; dirname /; dirname a/b c/d'), ['/a\n.\n/\na\nc\n', '', 0]);
    assert.deepEqual(at(sh, 'dirname'), ['', "dirname: missing operand\nTry 'dirname --help' for more information.\n", 1]);
    assert.deepEqual(at(sh, 'dirname -x'), ['', "dirname: invalid option -- 'x'\nTry 'dirname --help' for more information.\n", 1]);
  });

  it('a failed command leaves the world unchanged; snapshots and undo keep directories', () => {
    const sh = inTmp('mkdir -p keep/inner', 'touch keep/inner/f', 'echo 1 > /proc/sys/net/ipv4/ip_forward');
    for (const line of ['mkdir keep', 'mkdir -p keep/inner/f/x', 'rmdir keep', 'rm -r /proc/sys/net', 'rm -r /etc', 'rm -r /tmp', 'cp -r keep keep/inner', 'mv keep keep/inner', 'mv keep/inner/f nonex/', 'touch nonex/a', 'rm -d keep']) {
      const before = state(sh);
      assert.notEqual(sh.run(line).exitCode, 0, line);
      assert.equal(state(sh), before, line);
    }
    const snap = sh.world.snapshot();
    assert.equal(sh.run('rm -r keep').exitCode, 0);
    assert.deepEqual(at(sh, 'ls keep'), ['', "ls: cannot access 'keep': No such file or directory\n", 2]);
    sh.world.restore(snap);
    assert.deepEqual(at(sh, 'ls keep; ls keep/inner'), ['inner\nf\n', '', 0]);
  });

  it('the seed\'s steps: mkdir redis, cd redis, touch Dockerfile, then docker build . reads the directory', () => {
    const sh = dockerShell();
    for (const line of ['mkdir redis', 'cd redis', 'touch Dockerfile', 'printf "FROM redis\\nCOPY app.conf /etc/app.conf\\n" > Dockerfile', 'echo x > app.conf']) assert.equal(sh.run(line).exitCode, 0, line);
    assert.deepEqual(at(sh, 'ls'), ['Dockerfile\napp.conf\n', '', 0]);
    const build = sh.run('docker build -t myredis .');
    assert.equal(build.exitCode, 0, build.stderr);
    assert.match(build.stdout + build.stderr, /COPY app.conf \/etc\/app.conf/);
    assert.match(at(sh, 'docker images myredis')[0], /^myredis +latest /m);
  });

  it('random argument lists never throw nor leak JavaScript', () => {
    const sh = inTmp('mkdir -p a/b', 'touch a/f g', 'echo x > a/b/h');
    const word = fc.constantFrom('a', 'a/', 'a/b', 'a/f', 'g', 'nope', 'x/y', '.', '..', '/', '/proc', '/proc/sys/net/ipv4/ip_forward', '/etc/hosts', '/tmp', '-p', '-v', '-r', '-f', '-rf', '-d', '-a', '-s', '--', '--bogus', '-m', "''", 'a/b/h', '/run/netns');
    const cmd = fc.constantFrom('mkdir', 'rmdir', 'touch', 'rm', 'cp', 'mv', 'tee', 'basename', 'dirname', 'ls');
    fc.assert(
      fc.property(cmd, fc.array(word, { maxLength: 5 }), (c, args) => {
        const line = [c, ...args].join(' ');
        const r = sh.run(line);
        assert.ok([0, 1, 2].includes(r.exitCode), `${line}: ${r.exitCode}`);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        if (r.exitCode !== 0 && c !== 'ls' && c !== 'tee') assert.notEqual(r.stderr, '', line);
      }),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('a command that fails on its only operand (cp and mv: its one source) changes nothing', () => {
    const sh = inTmp('mkdir -p a/b', 'touch a/f g', 'echo x > a/b/h', 'ip netns add red');
    const snapshot = sh.world.snapshot();
    const word = fc.constantFrom('a', 'a/', 'a/b', 'a/f', 'g', 'nope', 'x/y', '.', '..', '/', '/proc', '/proc/sys/net/ipv4/ip_forward', '/etc/hosts', '/etc', '/tmp', "''", 'a/b/h', '/run/netns', '/run/netns/red', 'a/b/new');
    const flags = fc.subarray(['-r', '-f', '-p', '-v', '-d']);
    fc.assert(
      fc.property(fc.constantFrom('mkdir', 'rmdir', 'touch', 'rm', 'cp', 'mv'), flags, fc.array(word, { minLength: 1, maxLength: 2 }), (c, opts, ops) => {
        const valid: string[] = ({ mkdir: ['-p', '-v'], rmdir: [], touch: [], rm: ['-r', '-f', '-v', '-d'], cp: ['-r', '-v'], mv: ['-v'] } as Record<string, string[]>)[c]!;
        const operands = c === 'cp' || c === 'mv' ? (ops.length === 2 ? ops : [...ops, 'a/b']) : ops.slice(0, 1);
        const line = [c, ...opts.filter((o) => valid.includes(o)), ...operands].join(' ');
        const before = state(sh);
        const r = sh.run(line);
        if (r.exitCode !== 0) assert.equal(state(sh), before, line);
        else sh.world.restore(snapshot);
      }),
      { numRuns: 800, seed: 11 },
    );
  });
});

describe('the host identifies itself as Debian 12.8 (the release of its 6.1.119-1 kernel)', () => {
  it('/etc/os-release (as Debian 12 ships it), /usr/lib/os-release, /etc/debian_version', () => {
    const sh = bareShell();
    const osRelease = at(sh, 'cat /etc/os-release');
    assert.equal(osRelease[2], 0);
    assert.match(osRelease[0], /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"\nNAME="Debian GNU\/Linux"\nVERSION_ID="12"\n/);
    assert.deepEqual(at(sh, 'cat /usr/lib/os-release'), osRelease);
    assert.deepEqual(at(sh, 'cat /etc/debian_version'), ['12.8\n', '', 0]);
    assert.deepEqual(at(sh, '. /etc/os-release; echo $ID $VERSION_CODENAME'), ['debian bookworm\n', '', 0]);
  });
});

describe('ls of the host\'s own directories', () => {
  it('/ lists a Debian top level, /etc the host\'s files, /etc/docker exists on a Docker host', () => {
    const sh = bareShell();
    assert.deepEqual(at(sh, 'ls /')[0].split('\n').filter(Boolean), ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']);
    assert.deepEqual(at(sh, 'ls /etc'), ['debian_version\ngroup\nhostname\nhosts\nos-release\npasswd\nresolv.conf\n', '', 0]);
    assert.equal(at(sh, 'ls /etc/docker')[2], 2);
    const docker = dockerShell();
    assert.match(docker.run('ls /etc').stdout, /^docker$/m);
    assert.deepEqual(at(docker, 'ls /etc/docker'), ['', '', 0]);
    assert.deepEqual(at(sh, 'rmdir /usr'), ['', "rmdir: failed to remove '/usr': Directory not empty\n", 1]);
  });
});

describe('users and groups (shadow-utils 4.13, coreutils 9.1 on Debian 12)', () => {
  it("Docker's post-install step: usermod -aG docker USER, and what id and groups say after it", () => {
    const sh = dockerShell();
    // Recorded on Debian 12: the user is looked up first, exit 6.
    assert.deepEqual(at(sh, 'sudo usermod -a -G docker ec2-user'), ['', "usermod: user 'ec2-user' does not exist\n", 6]);
    assert.deepEqual(at(sh, 'useradd -m ec2-user'), ['', '', 0]);
    assert.deepEqual(at(sh, 'usermod -aG docker ec2-user'), ['', '', 0]);
    assert.deepEqual(at(sh, 'id ec2-user'), ['uid=1000(ec2-user) gid=1000(ec2-user) groups=1000(ec2-user),101(docker)\n', '', 0]);
    assert.deepEqual(at(sh, 'groups ec2-user'), ['ec2-user : ec2-user docker\n', '', 0]);
    assert.deepEqual(at(sh, 'id -nG ec2-user'), ['ec2-user docker\n', '', 0]);
    assert.match(at(sh, 'cat /etc/group')[0], /\ndocker:x:101:ec2-user\nec2-user:x:1000:\n$/);
    assert.match(at(sh, 'cat /etc/passwd')[0], /\nec2-user:x:1000:1000::\/home\/ec2-user:\/bin\/sh\n$/);
    assert.match(at(sh, 'ls /home')[0], /^ec2-user$/m);
    // The shell's own credentials are its login's.
    assert.deepEqual(at(sh, 'id'), ['uid=0(root) gid=0(root) groups=0(root)\n', '', 0]);
    assert.deepEqual(at(sh, 'groups'), ['root\n', '', 0]);
    // Without -a, -G replaces the supplementary groups.
    assert.deepEqual(at(sh, 'usermod -G sudo ec2-user'), ['', '', 0]);
    assert.deepEqual(at(sh, 'groups ec2-user'), ['ec2-user : ec2-user sudo\n', '', 0]);
  });

  it('errors as shadow-utils prints them (recorded), and a failure changes nothing', () => {
    const sh = bareShell();
    const before = state(sh);
    assert.deepEqual(at(sh, 'usermod -aG nosuchgroup root'), ['', "usermod: group 'nosuchgroup' does not exist\n", 6]);
    const usage = at(sh, 'usermod -a root');
    assert.equal(usage[2], 2);
    assert.match(usage[1], /^usermod: -a flag is only allowed with the -G flag\nUsage: usermod \[options\] LOGIN\n\nOptions:\n {2}-a, --append {18}append the user/);
    assert.match(usage[1], / {2}-Z, --selinux-user SEUSER {5}new SELinux user mapping for the user account\n\n$/);
    assert.deepEqual(at(sh, 'useradd root'), ['', "useradd: user 'root' already exists\n", 9]);
    assert.deepEqual(at(sh, "useradd 'Bad Name'"), ['', "useradd: invalid user name 'Bad Name': use --badname to ignore\n", 3]);
    assert.deepEqual(at(sh, 'groupadd root'), ['', "groupadd: group 'root' already exists\n", 9]);
    assert.deepEqual(at(sh, 'groups nosuchuser'), ['', 'groups: ‘nosuchuser’: no such user\n', 1]);
    assert.equal(at(sh, 'groupadd')[2], 2);
    assert.equal(state(sh), before);
    // A host without Docker has no docker group.
    assert.doesNotMatch(at(sh, 'cat /etc/group')[0], /^docker:/m);
    assert.deepEqual(at(sh, 'groupadd -r monitoring'), ['', '', 0]);
    assert.match(at(sh, 'tail -1 /etc/group')[0], /^monitoring:x:996:\n$/);
  });
});
