/** The Docker daemon's lifecycle side: signals and exit codes, restart policies, daemon restarts and daemon.json, endpoints and contexts, cgroups, namespaces. */
import { strict as assert } from 'node:assert';
import { createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { nanoCpus, ramInBytes } from '../../src/engine/docker/cgroups';
import { parseSignal, simpleScript } from '../../src/engine/docker/procs';
import { restartDelay } from '../../src/engine/docker/restart-policy';
import { parseDaemonConfig, addressPools } from '../../src/engine/docker/daemon-config';
import { LEAKS } from './helpers';

function sh(): Shell {
  const { world, host } = createDockerWorld();
  return new Shell(world, host);
}
function run(s: Shell, line: string) {
  const r = s.run(line);
  assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
  return r;
}
function out(s: Shell, line: string): string {
  const r = run(s, line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}
const state = (s: Shell, name: string, fields = '{{.State.Status}} {{.State.ExitCode}}') => out(s, `docker inspect -f '${fields}' ${name}`).trim();

describe('docker daemon: parsers', () => {
  it('go-units sizes, rational CPUs, signals, restart back-off', () => {
    assert.equal(ramInBytes('64m'), 67108864);
    assert.equal(ramInBytes('1g'), 1073741824);
    assert.equal(ramInBytes('512'), 512);
    assert.equal(ramInBytes('abc'), undefined);
    assert.equal(nanoCpus('0.5'), 500000000);
    assert.equal(nanoCpus('x'), undefined);
    assert.equal(parseSignal('SIGTERM'), 15);
    assert.equal(parseSignal('kill'), 9);
    assert.equal(parseSignal('9'), 9);
    assert.equal(parseSignal('BOGUS'), undefined);
    assert.deepEqual([0, 1, 2, 20].map(restartDelay), [100, 200, 400, 60000]);
  });

  it('simple sh -c scripts keep their output order, duration and status', () => {
    assert.deepEqual(simpleScript("echo one; echo two >&2; sleep 2; exit 7"), { output: [{ stream: 'stdout', text: 'one', after: 0 }, { stream: 'stderr', text: 'two', after: 0 }], seconds: 2, code: 7 });
    assert.equal(simpleScript('while true; do :; done'), undefined);
  });

  it('daemon.json: settings, pools, and the errors that stop dockerd', () => {
    const ok = parseDaemonConfig('{"live-restore": true, "bip": "10.200.0.1/24", "log-driver": "none", "default-address-pools": [{"base": "10.50.0.0/16", "size": 24}]}');
    assert.ok(ok.ok);
    if (!ok.ok) return;
    assert.equal(ok.config.liveRestore, true);
    assert.equal(ok.config.logDriver, 'none');
    assert.deepEqual(addressPools(ok.config).slice(0, 2), [[0x0a320000, 24], [0x0a320100, 24]]);
    assert.equal(parseDaemonConfig('{"bip": ').ok, false);
    assert.deepEqual(parseDaemonConfig('{"frobnicate": 1}'), { ok: false, error: "the following directives don't match any configuration option: frobnicate" });
    assert.equal(parseDaemonConfig('{"log-driver": "nope"}').ok, false);
  });
});

describe('docker daemon: signals and exit codes', () => {
  it('stop: a PID 1 sleep ignores SIGTERM and is killed after -t seconds on the simulated clock (137); --init gives 143', () => {
    const s = sh();
    out(s, 'docker run -d --name aa busybox sleep 300');
    const before = s.world.clock.now();
    out(s, 'docker stop -t 3 aa');
    assert.equal(s.world.clock.now() - before, 3000);
    assert.equal(state(s, 'aa'), 'exited 137');
    out(s, 'docker run -d --init --name bb busybox sleep 300');
    out(s, 'docker stop bb');
    assert.equal(state(s, 'bb'), 'exited 143');
  });

  it('kill -s TERM leaves a PID 1 sleep running; nginx exits 0 on docker stop without waiting', () => {
    const s = sh();
    out(s, 'docker run -d --name aa busybox sleep 300');
    out(s, 'docker kill -s TERM aa');
    assert.equal(state(s, 'aa', '{{.State.Status}}'), 'running');
    assert.equal(run(s, 'docker kill -s BOGUS aa').stderr, 'Error response from daemon: cannot kill container: aa: invalid signal: BOGUS\n');
    out(s, 'docker run -d --name web nginx');
    const before = s.world.clock.now();
    out(s, 'docker stop web');
    assert.equal(s.world.clock.now(), before);
    assert.equal(state(s, 'web'), 'exited 0');
  });

  it('126 and 127 from runc leave the container created; the world is unchanged otherwise', () => {
    const s = sh();
    out(s, 'docker pull busybox');
    const r = run(s, 'docker run --name xx busybox nosuchcmd');
    assert.equal(r.exitCode, 127);
    assert.match(r.stderr, /exec: "nosuchcmd": executable file not found in \$PATH: unknown\n\nRun 'docker run --help' for more information\n$/);
    assert.equal(state(s, 'xx'), 'created 127');
    assert.equal(run(s, 'docker run --rm busybox /etc').exitCode, 126);
    assert.equal(run(s, 'docker ps -aq').stdout.trim().split('\n').length, 1, '--rm removed the 126 container');
  });
});

describe('docker daemon: restart policies', () => {
  it('on-failure:2 restarts twice with back-off, then stays exited', () => {
    const s = sh();
    out(s, "docker run -d --name ff --restart on-failure:2 busybox sh -c 'exit 3'");
    out(s, 'sleep 5');
    assert.equal(state(s, 'ff', '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}'), 'exited 2 3');
  });

  it('daemon restart without live-restore: always and unless-stopped come back, a stopped unless-stopped does not, no stays down', () => {
    const s = sh();
    out(s, 'docker run -d --name al --restart always nginx');
    out(s, 'docker run -d --name us --restart unless-stopped nginx');
    out(s, 'docker run -d --name us2 --restart unless-stopped nginx');
    out(s, 'docker run -d --name no nginx');
    out(s, 'docker stop us2');
    out(s, 'systemctl restart docker');
    assert.equal(out(s, "docker ps -a --format '{{.Names}} {{.State}}'"), 'no exited\nus2 exited\nus running\nal running\n');
  });

  it('live-restore keeps containers running across a restart; a broken daemon.json leaves dockerd down', () => {
    const s = sh();
    out(s, `echo '{"live-restore": true}' > /etc/docker/daemon.json`);
    out(s, 'systemctl restart docker');
    out(s, 'docker run -d --name keep busybox sleep 300');
    const pid = state(s, 'keep', '{{.State.Pid}}');
    out(s, 'systemctl restart docker');
    assert.equal(state(s, 'keep', '{{.State.Status}} {{.State.Pid}}'), `running ${pid}`);
    out(s, `echo '{"live-restore": ' > /etc/docker/daemon.json`);
    const r = run(s, 'systemctl restart docker');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /^Job for docker.service failed/);
    assert.equal(run(s, 'docker ps').stderr, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    assert.equal(run(s, 'systemctl is-active docker').exitCode, 3);
  });

  it('bip moves docker0; default-address-pools feed new networks', () => {
    const s = sh();
    out(s, `echo '{"bip": "10.200.0.1/24", "default-address-pools": [{"base": "10.50.0.0/16", "size": 24}]}' > /etc/docker/daemon.json`);
    out(s, 'systemctl restart docker');
    assert.match(out(s, 'ip -4 -br addr show docker0'), /10\.200\.0\.1\/24/);
    out(s, 'docker network create n');
    assert.equal(out(s, "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' n"), '10.50.0.0/24\n');
    out(s, 'docker run -d --name cc busybox sleep 100');
    assert.equal(out(s, "docker inspect -f '{{.NetworkSettings.IPAddress}}' cc"), '10.200.0.2\n');
  });
});

describe('docker daemon: endpoints and contexts', () => {
  it('-H tcp is refused, --tlsverify needs certificates, DOCKER_HOST overrides, contexts switch', () => {
    const s = sh();
    assert.equal(run(s, 'docker -H tcp://127.0.0.1:2375 ps').stderr, 'Cannot connect to the Docker daemon at tcp://127.0.0.1:2375. Is the docker daemon running?\n');
    assert.equal(run(s, 'docker -H tcp://127.0.0.1:2376 --tlsverify ps').stderr, 'Failed to initialize: unable to resolve docker endpoint: open /root/.docker/ca.pem: no such file or directory\n');
    assert.equal(run(s, 'DOCKER_HOST=unix:///nope.sock docker ps').exitCode, 1);
    const created = run(s, 'docker context create rr --docker host=tcp://127.0.0.1:2375');
    assert.deepEqual([created.stdout, created.stderr], ['rr\n', 'Successfully created context "rr"\n']);
    out(s, 'docker context use rr');
    assert.equal(run(s, 'docker ps').exitCode, 1);
    assert.equal(out(s, 'docker context show'), 'rr\n');
    assert.equal(run(s, 'docker context rm rr').stderr, 'context "rr" is in use, set -f flag to force remove\n');
    out(s, 'docker context use default');
    assert.equal(out(s, 'docker context ls'), 'NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR\ndefault *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   \nrr                                                    tcp://127.0.0.1:2375          \n');
  });
});

describe('docker daemon: cgroups and namespaces', () => {
  it('OOM kill in run and exec, limits in inspect, update checks', () => {
    const s = sh();
    out(s, "docker run -d --name hog -m 8m busybox sh -c 'tail /dev/zero'");
    out(s, 'sleep 2');
    assert.equal(state(s, 'hog', '{{.State.ExitCode}} {{.State.OOMKilled}}'), '137 true');
    out(s, 'docker run -d --name box -m 64m --cpus 0.5 --cpu-shares 512 busybox sleep 300');
    assert.equal(state(s, 'box', '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}}'), '67108864 134217728 500000000 512');
    assert.equal(run(s, "docker exec box sh -c 'tail /dev/zero'").exitCode, 137);
    assert.equal(state(s, 'box', '{{.State.Status}} {{.State.OOMKilled}}'), 'running true');
    assert.equal(run(s, 'docker update --memory 4m box').stderr, 'Error response from daemon: Minimum memory limit allowed is 6MB\n');
    assert.equal(run(s, 'docker update box').stderr, 'you must provide one or more flags when using this command\n');
    assert.equal(run(s, 'docker run --cpus 3 busybox true').exitCode, 125);
  });

  it('busy loops share the CPUs by --cpus and --cpu-shares in docker stats', () => {
    const s = sh();
    out(s, "docker run -d --name aa --cpus 0.5 busybox sh -c 'while true; do :; done'");
    out(s, "docker run -d --name bb busybox sh -c 'while true; do :; done'");
    assert.equal(out(s, "docker stats --no-stream --format '{{.Name}} {{.CPUPerc}}'"), 'bb 100.00%\naa 50.00%\n');
    out(s, "docker run -d --name cc -c 2048 busybox sh -c 'while true; do :; done'");
    assert.equal(out(s, "docker stats --no-stream --format '{{.Name}} {{.CPUPerc}}' cc"), 'cc 100.00%\n');
  });

  it('State.Pid is a host PID: nsenter runs in its network namespace, lsns lists it, docker top shows it', () => {
    const s = sh();
    out(s, 'docker run -d --name web nginx');
    const pid = state(s, 'web', '{{.State.Pid}}');
    assert.match(out(s, `nsenter -t ${pid} -n ip -4 -br addr show eth0`), /^eth0@if\d+ +UP +172\.17\.0\.2\/16 $/m);
    assert.match(out(s, 'lsns -t net'), new RegExp(` ${pid} root +0 /run/docker/netns/[0-9a-f]{12} nginx: master process`));
    assert.match(out(s, 'docker top web'), new RegExp(`^root {16}${pid} `, 'm'));
    assert.equal(run(s, 'nsenter -t 99999 -n ip addr').stderr, 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n');
    out(s, 'docker stop web');
    assert.equal(state(s, 'web', '{{.State.Pid}}'), '0');
  });
});

describe('docker daemon: logs', () => {
  it('logs -f follows on simulated time until the container ends; timeout interrupts a server', () => {
    const s = sh();
    out(s, "docker run -d --name lg busybox sh -c 'echo one; sleep 3; echo two'");
    const before = s.world.clock.now();
    assert.equal(out(s, 'docker logs -f lg'), 'one\ntwo\n');
    assert.equal(s.world.clock.now() - before, 3000);
    out(s, 'docker run -d --name web -p 8080:80 nginx');
    const r = run(s, '(sleep 1; curl -s -o /dev/null localhost:8080) & timeout 3 docker logs -f --tail 0 web');
    assert.equal(r.exitCode, 124);
    assert.match(r.stdout, /^172\.17\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" "-"\n$/);
    assert.match(out(s, 'docker logs -t lg'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one\n/);
  });
});
