/**
 * Docker under random command sequences: after every command the kernel and daemon invariants
 * hold (test/unit/property-invariants.ts), containers move only along Docker's state machine,
 * output never leaks internals, and a failed single-target command changes nothing.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createWorld } from '../../src/engine/presets';
import { allDaemons } from '../../src/engine/docker/daemon';
import type { ContainerState } from '../../src/engine/docker/types';
import type { World } from '../../src/engine/world';
import { Shell } from '../../src/shell/shell';
import { LEAKS } from './helpers';
import { allowedTransition, assertUnchanged, checkDocker, checkKernel, stateJson } from './property-invariants';

/** Daemon flags no command shows: a failed `docker start` clears "stopped by the user" as moby's containerStart does. */
const INTERNAL = ['restartSuppressed'];
/** A failed docker start (or restart) records why in State.Error and exit code 128, as dockerd does (recorded, Engine 26). */
const START_RECORDS = [...INTERNAL, 'startError', 'exitCode'];

const NAMES = ['web', 'db', 'box'];
const IMAGES = ['nginx', 'busybox', 'alpine', 'redis'];

/** The docker world with the images pulled (a failed `docker create` may pull, as the real CLI does). */
const pulled = (() => {
  const { world, host } = createWorld('docker')!;
  const sh = new Shell(world, host);
  for (const image of IMAGES) assert.equal(sh.run(`docker pull -q ${image}`).exitCode, 0);
  return { world, host, snapshot: world.snapshot() };
})();

function dockerShell(): Shell {
  pulled.world.restore(pulled.snapshot);
  return new Shell(pulled.world, pulled.host);
}

const NETS = ['net1', 'net2', 'bridge'];
const name = fc.constantFrom(...NAMES);
const opt = (...xs: string[]) => fc.constantFrom('', ...xs);

const runFlags = fc.tuple(
  opt('-d', '-itd', '-d --rm'),
  fc.option(name, { nil: undefined }).map((n) => (n ? `--name ${n}` : '')),
  fc.array(fc.constantFrom('-p 8080:80', '-p 8081:80', '-p 80', '-p 127.0.0.1:9090:80', '-p 8080:80/udp', '-P'), { maxLength: 2 }).map((ps) => ps.join(' ')),
  opt('--network net1', '--network net2', '--network host', '--network none', '--restart on-failure:2'),
  fc.constantFrom(...IMAGES),
  opt('sleep 5', 'sleep 3600', 'sh', 'true'),
);

export const dockerCommand = fc.oneof(
  runFlags.map((parts) => `docker run ${parts.filter(Boolean).join(' ')}`),
  fc.tuple(name, fc.constantFrom(...IMAGES)).map(([n, i]) => `docker create --name ${n} -p 8080:80 ${i} sleep 3600`),
  fc.tuple(fc.constantFrom('start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'rm -f', 'stop -t 1', 'wait', 'port', 'logs'), name).map(([v, n]) => `docker ${v} ${n}`),
  fc.tuple(name, name).map(([a, b]) => `docker rename ${a} ${b}`),
  fc.constantFrom(...NETS).map((n) => `docker network create ${n}`),
  fc.constantFrom(...NETS).map((n) => `docker network rm ${n}`),
  fc.tuple(fc.constantFrom('connect', 'disconnect'), fc.constantFrom(...NETS, 'host', 'none'), name).map(([v, n, c]) => `docker network ${v} ${n} ${c}`),
  fc.tuple(name, opt('ping -c 1 -W 1 172.17.0.1', 'ip addr', 'cat /etc/hosts')).map(([n, c]) => `docker exec ${n} ${c || 'true'}`),
  fc.constantFrom('sleep 3', 'sleep 30', 'docker ps -a', 'curl -s localhost:8080', 'docker network ls', 'iptables -t nat -S DOCKER', 'docker rm -f web db box', 'docker rmi busybox'),
);

/** Commands whose failure real Docker leaves half done (run creates before it starts; several targets). */
function mayFailHalfway(line: string): boolean {
  return /^docker (run|rm -f web db box|rmi)\b/.test(line) || !line.startsWith('docker ');
}

function states(world: World): Map<string, ContainerState> {
  return new Map(allDaemons(world).flatMap((d) => d.containers.map((c) => [c.id, c.state] as [string, ContainerState])));
}

const WORDS = ['run', 'create', 'start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'ps', 'logs', 'exec', 'inspect', 'port', 'rename', 'wait', 'images', 'pull', 'rmi', 'tag', 'network',
  'volume', 'container', 'image', 'ls', 'connect', 'disconnect', 'prune', 'version', 'info', '-a', '-q', '-f', '-d', '-it', '-p', '-P', '-e', '-v', '--rm', '--name', '--network', '--format',
  '--filter', '--restart', '--signal', '-t', '--time', '--since', '--tail', '8080:80', '80', '127.0.0.1:1:2', '99999:80', 'a:b', '{{.Name}}', '{{json .State}}', '{{range .X}}', '{{', 'table {{.ID}}',
  'nginx', 'busybox', 'alpine', 'nosuchimage', 'web', 'net1', 'host', 'none', 'bridge', 'sleep', '10', 'sh', '-c', 'exit 3', 'name=web', 'status=running', 'always', 'SIGKILL', '9', '-1', '', '-', '--', '=', 'x:y:z'];

describe('docker: random argument vectors (property)', function () {
  this.timeout(120000);
  it('never throw or leak, failures say why, invariants hold', () => {
    const sh = dockerShell();
    sh.run('docker run -d --name web -p 8080:80 nginx');
    sh.run('docker network create net1');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), (words) => {
        const line = ['docker', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
        const r = sh.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (r.exitCode !== 0) assert.ok(r.stderr.length > 0, `${line}: a failure says why`);
        checkKernel(sh.world, line);
        checkDocker(sh.world, line);
      }),
      { numRuns: 1500, seed: 8009 },
    );
  });
});

describe('docker: random command sequences (property)', function () {
  this.timeout(120000);
  it('keep the kernel and daemon invariants after every command; failures change nothing', () => {
    let commands = 0;
    fc.assert(
      fc.property(fc.array(dockerCommand, { minLength: 5, maxLength: 25 }), (lines) => {
        const sh = dockerShell();
        for (const line of lines) {
          const ignore = /^docker (start|restart)\b/.test(line) ? START_RECORDS : INTERNAL;
          const before = stateJson(sh.world, ignore);
          const was = states(sh.world);
          const r = sh.run(line);
          commands++;
          assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
          assert.doesNotMatch(r.stderr, /internal error/, line);
          if (r.exitCode !== 0 && !mayFailHalfway(line)) assertUnchanged(before, sh.world, `${line}: ${r.stderr}`, ignore);
          checkKernel(sh.world, line);
          checkDocker(sh.world, line);
          for (const [id, now] of states(sh.world)) {
            const from = was.get(id);
            if (from) assert.ok(allowedTransition(from, now), `${line}: container went ${from} -> ${now}`);
            else assert.ok(now !== 'paused', `${line}: a new container is not paused`);
          }
        }
      }),
      { numRuns: 150, seed: 8008 },
    );
    if (process.env.VETHLAB_COUNT) console.log(`docker property: ${commands} commands`);
    assert.ok(commands > 1500, `ran ${commands} commands`);
  });
});
