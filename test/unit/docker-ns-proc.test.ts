/** /proc/PID/ns seen from the host and from inside a container: readlink, ls -l, ip netns identify (issue 4). */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

const pidOf = (sh: ReturnType<typeof shell>, name: string) => ok(sh, `docker inspect -f '{{.State.Pid}}' ${name}`).trim();

describe('docker namespaces under /proc', () => {
  it('the host has the kernel\'s initial namespace inodes; a container its own net, mnt, uts, ipc and pid, the host\'s user, time and cgroup (cgroup v1)', () => {
    const sh = shell();
    assert.equal(ok(sh, 'readlink /proc/self/ns/net /proc/self/ns/mnt /proc/1/ns/uts /proc/1/ns/user'), 'net:[4026531840]\nmnt:[4026531841]\nuts:[4026531838]\nuser:[4026531837]\n');
    ok(sh, 'docker run -d --name n1 busybox sleep 300');
    const pid = pidOf(sh, 'n1');
    const own = Object.fromEntries(ok(sh, `ls -l /proc/${pid}/ns`).split('\n').slice(1, -1).map((l) => l.split(' ').slice(-3)).map(([name, , target]) => [name, target]));
    assert.deepEqual(Object.keys(own), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts']);
    const host = (type: string) => ok(sh, `readlink /proc/self/ns/${type}`).trim();
    for (const type of ['ipc', 'mnt', 'net', 'pid', 'uts']) assert.notEqual(own[type], host(type), type);
    for (const type of ['user', 'time', 'cgroup']) assert.equal(own[type], host(type), type);
    assert.equal(own['pid_for_children'], own['pid']);
    assert.match(own['net']!, /^net:\[40265\d{5}\]$/);
  });

  it('ls -l prints the kernel\'s lrwxrwxrwx lines after "total 0"; the same namespace keeps its inode, --network host shares the host\'s', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name n1 busybox sleep 300');
    ok(sh, 'docker run -d --name n2 --network host busybox sleep 300');
    const pid = pidOf(sh, 'n1');
    const lines = ok(sh, `ls -l /proc/${pid}/ns`).split('\n');
    assert.equal(lines[0], 'total 0');
    assert.match(lines[4]!, /^lrwxrwxrwx 1 root root 0 [A-Z][a-z]{2} [ \d]\d \d\d:\d\d net -> net:\[\d{10}\]$/);
    const net = ok(sh, `readlink /proc/${pid}/ns/net`);
    assert.equal(ok(sh, `readlink /proc/${pid}/ns/net`), net);
    assert.equal(ok(sh, 'docker exec n1 readlink /proc/self/ns/net /proc/1/ns/net'), net + net);
    assert.equal(ok(sh, `readlink /proc/${pidOf(sh, 'n2')}/ns/net`), ok(sh, 'readlink /proc/self/ns/net'));
    assert.equal(ok(sh, `nsenter -t ${pid} -n readlink /proc/self/ns/net`), net);
    // The recorded one-liner: awk skips "total 0" and prints NAME -> TARGET.
    assert.equal(ok(sh, `ls -l /proc/${pid}/ns | awk 'NR>1 {print $9, $10, $11}' | head -2`), `cgroup -> ${lines[1]!.split(' ').at(-1)}\nipc -> ${lines[2]!.split(' ').at(-1)}\n`);
    assert.equal(ok(sh, `ls -l /proc/${pid}/ns | awk 'NR==1 {print NR, $0}'`), '1 total 0\n');
  });

  it('readlink: not a link is exit 1 (-v says why), -f follows /proc/self, usage errors as coreutils', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'readlink /etc/hosts'), { stdout: '', stderr: '', exitCode: 1 });
    assert.deepEqual(run(sh, 'readlink -v /etc/hosts /nope'), { stdout: '', stderr: 'readlink: /etc/hosts: Invalid argument\nreadlink: /nope: No such file or directory\n', exitCode: 1 });
    assert.equal(ok(sh, 'readlink -f /proc/self/ns/net'), '/proc/5242/ns/net:[4026531840]\n');
    assert.equal(ok(sh, 'readlink -n /proc/self'), '5242');
    assert.deepEqual(run(sh, 'readlink'), { stdout: '', stderr: "readlink: missing operand\nTry 'readlink --help' for more information.\n", exitCode: 1 });
    assert.deepEqual(run(sh, 'readlink -x /proc/self'), { stdout: '', stderr: "readlink: invalid option -- 'x'\nTry 'readlink --help' for more information.\n", exitCode: 1 });
  });

  it('ip netns identify PID: the /run/netns name of its namespace, an empty line for a container\'s, 255 for no such process', () => {
    const sh = shell();
    ok(sh, 'ip netns add red');
    ok(sh, 'docker run -d --name n1 busybox sleep 300');
    assert.equal(ok(sh, `ip netns identify ${pidOf(sh, 'n1')}`), '\n');
    assert.equal(ok(sh, 'ip netns identify 1'), '\n');
    assert.equal(ok(sh, 'ip netns exec red ip netns identify'), 'red\n');
    assert.deepEqual(run(sh, 'ip netns identify 99999'), { stdout: '', stderr: 'Cannot open network namespace: No such file or directory\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'ls /proc/99999/ns'), { stdout: '', stderr: "ls: cannot access '/proc/99999/ns': No such file or directory\n", exitCode: 2 });
  });

  it('ls -lrt /var/lib/docker/containers (the seed\'s line): one 0710 directory per container, oldest first; -t newest first', () => {
    const sh = shell();
    assert.equal(ok(sh, 'ls -l /var/lib/docker/containers'), 'total 0\n');
    const a = ok(sh, 'docker run -d --name c1 busybox sleep 900').trim();
    ok(sh, 'sleep 90');
    const b = ok(sh, 'docker run -d --name c2 busybox sleep 900').trim();
    const lines = ok(sh, 'ls -lrt /var/lib/docker/containers/').split('\n');
    assert.equal(lines[0], 'total 8');
    assert.match(lines[1]!, new RegExp(`^drwx--x--- 4 root root 4096 [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d ${a}$`));
    assert.match(lines[2]!, new RegExp(` ${b}$`));
    assert.equal(ok(sh, 'ls -t /var/lib/docker/containers'), `${b}\n${a}\n`);
    assert.equal(ok(sh, 'ls /var/lib/docker/containers'), [a, b].sort().join('\n') + '\n');
  });
});

describe('uname, date and whoami in containers', () => {
  it("print the container's hostname with the host's kernel; Alpine's BusyBox names the OS Linux, not GNU/Linux (CONFIG_UNAME_OSNAME)", () => {
    const sh = shell();
    const kernel = '6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64';
    assert.equal(ok(sh, 'docker run --rm --hostname box busybox uname -a'), `Linux box ${kernel} GNU/Linux\n`);
    assert.equal(ok(sh, 'docker run --rm --hostname alp alpine uname -a'), `Linux alp ${kernel} Linux\n`);
    assert.equal(ok(sh, 'docker run --rm --hostname deb debian uname -n'), 'deb\n');
    assert.equal(ok(sh, 'docker run --rm alpine whoami'), 'root\n');
    assert.equal(ok(sh, 'docker run --rm ubuntu date'), ok(sh, 'date'));
  });
});

describe("images' /etc/os-release", () => {
  // Each as the release ships it (checked against published cat /etc/os-release transcripts): 22.04
  // moved PRETTY_NAME first, 23.04 added LOGO, 14.04 had no codename keys and http URLs.
  it('Ubuntu 24.04, 22.04, 20.04 and 14.04 in their own formats; Debian and Alpine as before; BusyBox has none', () => {
    const sh = shell();
    assert.equal(ok(sh, 'docker run --rm ubuntu cat /etc/os-release'), 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n');
    assert.equal(ok(sh, 'docker run --rm ubuntu:22.04 cat /usr/lib/os-release'), 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=jammy\n');
    assert.equal(ok(sh, 'docker run --rm ubuntu:20.04 cat /etc/os-release'), 'NAME="Ubuntu"\nVERSION="20.04.6 LTS (Focal Fossa)"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 20.04.6 LTS"\nVERSION_ID="20.04"\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nVERSION_CODENAME=focal\nUBUNTU_CODENAME=focal\n');
    assert.equal(ok(sh, 'docker run --rm ubuntu:14.04 cat /etc/os-release'), 'NAME="Ubuntu"\nVERSION="14.04.6 LTS, Trusty Tahr"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 14.04.6 LTS"\nVERSION_ID="14.04"\nHOME_URL="http://www.ubuntu.com/"\nSUPPORT_URL="http://help.ubuntu.com/"\nBUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"\n');
    assert.match(ok(sh, 'docker run --rm debian cat /etc/os-release'), /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"\n/);
    assert.equal(run(sh, 'docker run --rm busybox cat /etc/os-release').exitCode, 1);
  });
});
