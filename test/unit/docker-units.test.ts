/**
 * docker.service and docker.socket as systemd 252 shows them (systemctl status, stop's warning,
 * socket activation) and systemd's own formatters, checked against the values its sources give.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LEAKS } from './helpers';
import { assertUnchanged, checkDocker, checkKernel, stateJson } from './property-invariants';
import { createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { cpuSpan, logfmtValue } from '../../src/engine/docker/units';
import { relative } from '../../src/shell/docker/systemctl-status';

function sh(): Shell {
  const { world, host } = createDockerWorld();
  return new Shell(world, host);
}

describe('systemd formatters (src/basic/time-util.c, systemd 252)', () => {
  it('format_timespan with millisecond accuracy', () => {
    assert.equal(cpuSpan(412_000), '412ms');
    assert.equal(cpuSpan(1_969_000), '1.969s');
    assert.equal(cpuSpan(2_000_000), '2s');
    assert.equal(cpuSpan(121_702_000), '2min 1.702s');
    assert.equal(cpuSpan(3_723_000_000), '1h 2min 3s');
    assert.equal(cpuSpan(0), '0');
  });
  it('format_timestamp_relative', () => {
    assert.equal(relative(0), 'now');
    assert.equal(relative(23), '23ms ago');
    assert.equal(relative(46_702), '46s ago');
    assert.equal(relative(111_000), '1min 51s ago');
    assert.equal(relative(5 * 60_000), '5min ago');
    assert.equal(relative(2 * 3_600_000 + 34 * 60_000), '2h 34min ago');
    assert.equal(relative(7 * 3_600_000), '7h ago');
    assert.equal(relative(26 * 3_600_000), '1 day 2h ago');
    assert.equal(relative(3 * 86_400_000), '3 days ago');
    assert.equal(relative(8 * 86_400_000), '1 week 1 day ago');
  });
  it("logrus quotes values that are not plain words", () => {
    assert.equal(logfmtValue('serving...'), 'serving...');
    assert.equal(logfmtValue('Starting up'), '"Starting up"');
    assert.equal(logfmtValue('*events.TaskDelete'), '"*events.TaskDelete"');
  });
});

describe('systemctl and the docker units', () => {
  it('status of a running docker.service: header lines in systemd order, the CGroup tree, the journal tail', () => {
    const s = sh();
    const r = s.run('systemctl status docker');
    assert.equal(r.exitCode, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '● docker.service - Docker Application Container Engine');
    assert.equal(lines[1], '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)');
    assert.match(lines[2]!, /^ {5}Active: active \(running\) since Thu 2026-01-15 09:29:13 UTC; 46s ago$/);
    assert.deepEqual(lines.slice(3, 6), ['TriggeredBy: ● docker.socket', '       Docs: https://docs.docker.com', '   Main PID: 689 (dockerd)']);
    assert.match(lines[6]!, /^ {6}Tasks: \d+$/);
    assert.match(lines[7]!, /^ {5}Memory: \d+\.\dM$/);
    assert.match(lines[8]!, /^ {8}CPU: \d+ms$/);
    assert.equal(lines[9], '     CGroup: /system.slice/docker.service');
    assert.equal(lines[10], '             └─689 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    assert.equal(lines[11], '');
    assert.equal(lines[12], 'Jan 15 09:29:12 host systemd[1]: Starting docker.service - Docker Application Container Engine...');
    assert.match(lines[13]!, /^Jan 15 09:29:12 host dockerd\[689\]: time="2026-01-15T09:29:12\.070\d{6}Z" level=info msg="Starting up"$/);
    assert.equal(lines.at(-2), 'Jan 15 09:29:13 host systemd[1]: Started docker.service - Docker Application Container Engine.');
    // The nanoseconds grow within a millisecond, as dockerd's do.
    const stamps = lines.filter((l) => l.includes('time="2026-01-15T09:29:12.070')).map((l) => /\.070(\d{6})Z/.exec(l)![1]!);
    assert.deepEqual([...stamps].sort(), stamps);
    assert.equal(s.run('systemctl status docker -n 2').stdout.split('\n').filter((l) => l.startsWith('Jan 15')).length, 2);
  });

  it('stop warns that docker.socket can start it again, and the next client does; stopping both cuts the client off', () => {
    const s = sh();
    s.run('docker run -d --name sl busybox sleep 1000');
    const stop = s.run('systemctl stop docker');
    assert.equal(stop.exitCode, 0);
    assert.equal(stop.stderr, 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n');
    const status = s.run('systemctl status docker');
    assert.equal(status.exitCode, 3);
    assert.match(status.stdout, /^○ docker\.service/);
    assert.match(status.stdout, /\n {5}Active: inactive \(dead\) since Thu 2026-01-15 09:30:\d\d UTC; 23ms ago\n {3}Duration: 57.076s\n/);
    assert.match(status.stdout, /\n {4}Process: 689 ExecStart=\/usr\/bin\/dockerd -H fd:\/\/ --containerd=\/run\/containerd\/containerd\.sock \(code=exited, status=0\/SUCCESS\)\n {3}Main PID: 689 \(code=exited, status=0\/SUCCESS\)\n/);
    // sleep as PID 1 ignores SIGTERM: dockerd kills it after 10 s and says so.
    assert.match(status.stdout, /level=info msg="Container failed to exit within 10s of signal 15 - using the force" container=[0-9a-f]{64}\n/);
    assert.match(status.stdout, /systemd\[1\]: docker\.service: Consumed \d+ms CPU time\.\n$/);
    assert.equal(s.run('systemctl is-active docker docker.socket').stdout, 'inactive\nactive\n');
    // Socket activation: the client connects, systemd starts dockerd.
    assert.equal(s.run('docker ps -a --format "{{.Names}} {{.State}}"').stdout, 'sl exited\n');
    assert.equal(s.run('systemctl is-active docker').stdout, 'active\n');
    const both = s.run('systemctl stop docker docker.socket');
    assert.equal(both.stderr, '', 'no warning when the socket stops too');
    const ps = s.run('docker ps');
    assert.equal(ps.exitCode, 1);
    assert.equal(ps.stderr, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    assert.match(s.run('systemctl status docker.socket').stdout, /^○ docker\.socket - Docker Socket for the API\n[^]*\n {3}Triggers: ○ docker\.service\n {5}Listen: \/run\/docker\.sock \(Stream\)\n\n/);
    assert.equal(s.run('systemctl start docker').exitCode, 0);
    assert.equal(s.run('systemctl is-active docker.socket').stdout, 'active\n', 'docker.service requires the socket');
  });

  it('a daemon.json dockerd refuses leaves docker.service failed, and the socket does not start it', () => {
    const s = sh();
    s.run(`echo '{"bip": "nonsense"}' > /etc/docker/daemon.json`);
    const r = s.run('systemctl restart docker');
    assert.equal(r.exitCode, 1);
    const status = s.run('systemctl status docker');
    assert.equal(status.exitCode, 3);
    assert.match(status.stdout, /^× docker\.service/);
    assert.match(status.stdout, /\n {5}Active: failed \(Result: exit-code\) since /);
    assert.match(status.stdout, /\n {3}Main PID: 689 \(code=exited, status=1\/FAILURE\)\n/);
    assert.match(status.stdout, /systemd\[1\]: Failed to start docker\.service - Docker Application Container Engine\.\n$/);
    assert.equal(s.run('docker ps').exitCode, 1);
    assert.equal(s.run('systemctl is-active docker').stdout, 'failed\n');
  });

  it('units that do not exist, and verbs vethlab does not simulate', () => {
    const s = sh();
    assert.deepEqual(pick(s.run('systemctl status nginx')), ['', 'Unit nginx.service could not be found.\n', 4]);
    assert.deepEqual(pick(s.run('systemctl start nginx')), ['', 'Failed to start nginx.service: Unit nginx.service not found.\n', 5]);
    assert.deepEqual(pick(s.run('systemctl is-active nginx')), ['inactive\n', '', 3]);
    assert.equal(s.run('systemctl is-enabled docker').stdout, 'enabled\n');
    assert.equal(s.run('systemctl start').stderr, 'Too few arguments.\n');
    assert.match(s.run('systemctl daemon-reload').stderr, /not simulated/);
    // A failed start/stop of a missing unit changed nothing.
    assert.equal(s.run('systemctl is-active docker').stdout, 'active\n');
  });
});

describe('dockerd at the prompt (Engine 26.1.5)', () => {
  it('with docker.service running: "Starting up", then the pid file error (recorded), status 1', () => {
    const s = sh();
    const r = s.run('dockerd --debug --host tcp://192.168.1.10:2375');
    assert.equal(r.exitCode, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'time="2026-01-15T09:30:00.000004000Z" level=info msg="Starting up"\nfailed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID 689 is still running\n');
    assert.deepEqual(pick(s.run('dockerd --bogus')), ['', "Status: unknown flag: --bogus\nSee 'dockerd --help'., Code: 125\n", 1]);
    assert.deepEqual(pick(s.run('dockerd --version')), ['Docker version 26.1.5+dfsg1, build 411e817\n', '', 0]);
  });

  it('after stopping both units: serves -H tcp://IP:2375 after the insecure-TCP warnings and pauses, until killed', () => {
    const s = sh();
    s.run('systemctl stop docker docker.socket');
    const wrong = s.run('dockerd -H tcp://192.168.1.10:2375');
    assert.equal(wrong.exitCode, 1);
    assert.match(wrong.stderr, /failed to load listeners: listen tcp 192\.168\.1\.10:2375: bind: cannot assign requested address\n$/);
    assert.equal(s.run('dockerd --debug -H tcp://192.168.1.2:2375 &').exitCode, 0);
    // Listening only after 1 s + 15 s of warnings (moby's loadListeners).
    assert.equal(s.run('docker -H tcp://192.168.1.2:2375 ps').exitCode, 1);
    s.run('sleep 17');
    assert.equal(s.run('docker -H tcp://192.168.1.2:2375 ps').stdout, 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    assert.match(s.run('ss -tlnp').stdout, /192\.168\.1\.2:2375 .*users:\(\("dockerd",pid=\d+,fd=3\)\)/);
    // No unix socket was asked for.
    assert.equal(s.run('docker ps').exitCode, 1);
    // systemd's dockerd cannot start beside it.
    assert.equal(s.run('systemctl start docker').exitCode, 1);
    assert.match(s.run('systemctl status docker').stdout, /dockerd\[689\]: failed to start daemon, ensure docker is not running or delete \/var\/run\/docker\.pid: process with PID \d+ is still running\n/);
    const killed = s.run('kill %1; wait');
    assert.match(killed.stderr, /level=info msg="Processing signal 'terminated'"\n[^]*level=info msg="Daemon shutdown complete"\n/);
    assert.equal(s.run('docker -H tcp://192.168.1.2:2375 ps').exitCode, 1);
    assert.doesNotMatch(s.run('ss -tlnp').stdout, /2375/);
    assert.equal(s.run('systemctl start docker').exitCode, 0);
    assert.equal(s.run('docker ps').exitCode, 0);
  });

  it('in a terminal: logrus colours, the message padded to 44 columns', () => {
    const s = sh();
    s.vars['VETHLAB_TTY'] = '/dev/pts/0';
    const r = s.run('dockerd');
    assert.equal(r.stderr.split('\n')[0], '\x1b[36mINFO\x1b[0m[2026-01-15T09:30:00.000004000Z] Starting up                                  ');
  });
});

describe('journalctl -u docker (systemd 252)', () => {
  it('the unit\'s lines in the short format, -n, the catalog with -x, and -- No entries --', () => {
    const s = sh();
    assert.equal(s.run('journalctl -u docker -n 1').stdout, 'Jan 15 09:29:13 host systemd[1]: Started docker.service - Docker Application Container Engine.\n');
    s.run(`echo '{"bip": "x"}' > /etc/docker/daemon.json`);
    assert.equal(s.run('systemctl restart docker').exitCode, 1);
    const x = s.run('journalctl -xeu docker.service');
    assert.equal(x.exitCode, 0);
    const lines = x.stdout.split('\n');
    const failed = lines.indexOf('Jan 15 09:30:00 host systemd[1]: Failed to start docker.service - Docker Application Container Engine.');
    // The job that began with the last "Starting docker.service" line is the one that failed.
    const starts = lines.map((l, i) => (l.includes('systemd[1]: Starting docker.service') ? i : -1)).filter((i) => i >= 0);
    const startJob = /The job identifier is (\d+)\.$/.exec(lines[starts[starts.length - 1]! + 7]!)![1];
    assert.ok(failed > 0);
    assert.deepEqual(lines.slice(failed + 1, failed + 8), [
      '░░ Subject: A start job for unit docker.service has failed',
      '░░ Defined-By: systemd',
      '░░ Support: https://www.debian.org/support',
      '░░ ',
      '░░ A start job for unit docker.service has finished with a failure.',
      '░░ ',
      `░░ The job identifier is ${startJob} and the job result is failed.`,
    ]);
    assert.ok(lines.includes('Jan 15 09:30:00 host dockerd[689]: invalid bip address: x'), 'dockerd says why it refused to start');
    assert.doesNotMatch(s.run('journalctl -u docker').stdout, /░░/);
    assert.equal(s.run('journalctl -u docker.socket').stdout.split('\n')[1], 'Jan 15 09:29:11 host systemd[1]: Listening on docker.socket - Docker Socket for the API.');
    assert.equal(s.run('journalctl -u nginx').stdout, '-- No entries --\n');
    assert.equal(s.run('journalctl').exitCode, 1);
  });
});

describe('docker login / logout (CLI 28.2, Engine 26.1)', () => {
  // Recorded against a stand-in registry answering GET /v2/ with 200, as registry:2 without auth does.
  const UNENCRYPTED = "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";
  it('logs in to a registry:2 container, stores base64 credentials, warns only when they change; logout forgets them', () => {
    const s = sh();
    s.run('docker run -d -p 5000:5000 --name reg registry:2');
    assert.deepEqual(pick(s.run('echo secret | docker login -u bob --password-stdin localhost:5000')), ['Login Succeeded\n', UNENCRYPTED, 0]);
    assert.equal(s.run('cat /root/.docker/config.json').stdout, '{\n\t"auths": {\n\t\t"localhost:5000": {\n\t\t\t"auth": "Ym9iOnNlY3JldA=="\n\t\t}\n\t}\n}');
    assert.deepEqual(pick(s.run('docker login -u bob -p secret localhost:5000')), ['Login Succeeded\n', 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n', 0]);
    assert.deepEqual(pick(s.run('echo secret | docker login --username=alice --password-stdin localhost:5000')), ['Login Succeeded\n', UNENCRYPTED, 0]);
    assert.deepEqual(pick(s.run('docker logout localhost:5000')), ['Removing login credentials for localhost:5000\n', '', 0]);
    assert.equal(s.run('cat /root/.docker/config.json').stdout, '{\n\t"auths": {}\n}');
    assert.deepEqual(pick(s.run('echo secret | docker login --password-stdin localhost:5000')), ['', 'the --password-stdin option requires --username to be set\n', 1]);
    assert.deepEqual(pick(s.run('echo | docker login -u bob --password-stdin localhost:5000')), ['', 'Error: Cannot perform an interactive login from a non TTY device\n', 1]);
    assert.deepEqual(pick(s.run('docker login -u bob --password-stdin -p x localhost:5000')), ['', 'conflicting options: cannot specify both --password and --password-stdin\n', 1]);
    s.run('docker stop reg');
    assert.equal(s.run('echo secret | docker login -u bob --password-stdin localhost:5000').stderr, 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
  });
});

describe('systemctl, journalctl, dockerd and docker login under random argument vectors (property)', function () {
  this.timeout(120000);
  const WORDS = ['status', 'start', 'stop', 'restart', 'is-active', 'is-enabled', 'daemon-reload', 'docker', 'docker.service', 'docker.socket', 'nginx', '-n', '--lines', '--lines=2', '3', 'x', '-x', '-e', '-xeu', '-u', '--unit=docker', '-f',
    '--no-pager', '-H', '--host', 'tcp://192.168.1.2:2375', 'tcp://10.9.9.9:2375', 'unix:///var/run/docker.sock', 'tcp://:x', '--debug', '--tlsverify', '--version', '--bogus', '-p', '--password-stdin', '-u', 'bob', 'localhost:5000', 'docker.io', '', '-', '--'];
  it('never throw or leak; a failure says why and (but for starting dockerd) changes nothing', () => {
    const { world, host } = createDockerWorld();
    const s = new Shell(world, host);
    fc.assert(
      fc.property(fc.constantFrom('systemctl', 'journalctl', 'dockerd', 'docker login', 'docker logout'), fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), (cmd, words) => {
        const line = `${cmd} ${words.map((w) => `'${w}'`).join(' ')}`;
        const before = stateJson(s.world, []);
        const r = s.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (r.exitCode !== 0) assert.ok(r.stderr.length > 0, `${line}: a failure says why`);
        // A start that fails is itself a change systemd records (the unit is failed, the journal says why).
        if (r.exitCode !== 0 && !/^(systemctl|dockerd)/.test(cmd)) assertUnchanged(before, s.world, `${line}: ${r.stderr}`, []);
        checkKernel(s.world, line);
        checkDocker(s.world, line);
      }),
      { numRuns: 600, seed: 2026 },
    );
  });
});

function pick(r: { stdout: string; stderr: string; exitCode: number }): [string, string, number] {
  return [r.stdout, r.stderr, r.exitCode];
}
