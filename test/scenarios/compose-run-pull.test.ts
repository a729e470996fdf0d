/** docker compose run (one-off containers) and docker compose pull, as Compose v2 prints them without a terminal. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

const STACK = `name: demo
services:
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
    depends_on: [api]
  api:
    image: busybox
    command: sleep infinity
  tool:
    build: ./tool
`;

function project(): Shell {
  const { world, host } = createWorld('docker')!;
  const sh = new Shell(world, host);
  const root = world.netns(host.rootNsId);
  sh.fs.write('/root/compose.yaml', STACK, false, root);
  sh.fs.write('/root/tool/Dockerfile', 'FROM busybox\nCMD ["echo", "tool"]\n', false, root);
  return sh;
}

function run(sh: Shell, line: string) {
  const r = sh.run(line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

const names = (sh: Shell) => run(sh, 'docker ps -a --format "{{.Names}}"').stdout.trim().split('\n').filter(Boolean).sort();

describe('docker compose run', () => {
  it('starts the dependencies with compose progress, then runs the command attached in a one-off container', () => {
    const sh = project();
    const r = run(sh, 'docker compose run --rm web echo hi');
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, 'hi\n');
    const events = r.stderr.split('\n').filter((l) => /^ (Network|Container) /.test(l));
    assert.deepEqual(events, [
      ' Network demo_default  Creating',
      ' Network demo_default  Created',
      ' Container demo-api-1  Creating',
      ' Container demo-api-1  Created',
      ' Container demo-api-1  Starting',
      ' Container demo-api-1  Started',
    ]);
    // The dependency's image, then the service's own.
    assert.ok(r.stderr.indexOf(' api Pulled ') < r.stderr.indexOf(' web Pulling '), r.stderr);
    assert.deepEqual(names(sh), ['demo-api-1'], '--rm removed the one-off');
  });

  it('exits with the command\'s status; without --rm the container stays, named PROJECT-SERVICE-run-<12 hex>, and ps leaves it out', () => {
    const sh = project();
    const r = run(sh, 'docker compose run web sh -c "exit 3"');
    assert.equal(r.exitCode, 3);
    const oneOff = names(sh).find((n) => n.startsWith('demo-web-run-'));
    assert.match(oneOff ?? '', /^demo-web-run-[0-9a-f]{12}$/);
    assert.match(run(sh, `docker inspect -f '{{.State.ExitCode}}' ${oneOff}`).stdout, /^3\n$/);
    assert.doesNotMatch(run(sh, 'docker compose ps -a').stdout, /demo-web-run/);
    const again = run(sh, 'docker compose run --rm web true');
    assert.equal(again.exitCode, 0);
    assert.match(again.stderr, /^ Container demo-api-1 {2}Running\n$/m, 'a running dependency is left as it is');
  });

  it('publishes no ports unless asked and runs on the project network', () => {
    const sh = project();
    run(sh, 'docker compose run -d web');
    const oneOff = names(sh).find((n) => n.startsWith('demo-web-run-'))!;
    assert.equal(run(sh, `docker port ${oneOff}`).stdout, '');
    assert.match(run(sh, `docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}' ${oneOff}`).stdout, /^demo_default\n$/);
    run(sh, 'docker compose run -d -P --name withports web');
    assert.match(run(sh, 'docker port withports').stdout, /^80\/tcp -> 0\.0\.0\.0:8080\n/);
  });

  it('--no-deps starts nothing else; down removes one-off containers with the rest', () => {
    const sh = project();
    const r = run(sh, 'docker compose run --no-deps api cat /etc/hostname');
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^[0-9a-f]{12}\n$/);
    assert.deepEqual(names(sh).filter((n) => n === 'demo-api-1'), []);
    const down = run(sh, 'docker compose down');
    assert.match(down.stderr, / Container demo-api-run-[0-9a-f]{12} {2}Removed\n/);
    assert.deepEqual(names(sh), []);
  });

  it('a command the image lacks: the daemon\'s error as compose prints it, exit 1, the --rm container gone', () => {
    const sh = project();
    const r = run(sh, 'docker compose run --rm web nosuchcmd');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /\nError response from daemon: failed to create task for container: .*exec: "nosuchcmd": executable file not found in \$PATH: unknown\n$/);
    assert.deepEqual(names(sh), ['demo-api-1']);
  });

  it('refuses an unknown service or a missing one, creating nothing', () => {
    const sh = project();
    assert.deepEqual(run(sh, 'docker compose run nosuch'), { stdout: '', stderr: 'no such service: nosuch\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'docker compose run'), { stdout: '', stderr: 'requires at least 1 arg(s), only received 0\n', exitCode: 1 });
    assert.deepEqual(names(sh), []);
  });
});

describe('docker compose pull', () => {
  it('pulls every image (again when present), skips build-only services, in service order', () => {
    const sh = project();
    const first = run(sh, 'docker compose pull');
    assert.equal(first.exitCode, 0, first.stderr);
    assert.equal(first.stdout, '');
    const lines = first.stderr.split('\n').filter(Boolean);
    assert.equal(lines[0], ' api Pulling ');
    assert.ok(lines.includes(' tool Skipped - No image to be pulled '));
    assert.ok(lines.every((l) => / (Pulling|Pulled|Pull complete|Already exists|Skipped - No image to be pulled) $/.test(l)), first.stderr);
    assert.equal(lines[lines.length - 1], ' web Pulled ');
    const second = run(sh, 'docker compose pull');
    assert.equal(second.stderr, ' api Pulling \n api Pulled \n tool Skipped - No image to be pulled \n web Pulling \n web Pulled \n');
  });

  it('-q prints nothing; SERVICE pulls only that one; --ignore-buildable skips build services', () => {
    const sh = project();
    assert.deepEqual(run(sh, 'docker compose pull -q'), { stdout: '', stderr: '', exitCode: 0 });
    assert.equal(run(sh, 'docker compose pull web').stderr, ' web Pulling \n web Pulled \n');
    assert.equal(run(sh, 'docker compose pull --ignore-buildable tool').stderr, ' tool Skipped - No image to be pulled \n');
    assert.deepEqual(run(sh, 'docker compose pull nosuch'), { stdout: '', stderr: 'no such service: nosuch\n', exitCode: 1 });
  });

  it('a missing image fails with the daemon\'s error after the Error event', () => {
    const { world, host } = createWorld('docker')!;
    const sh = new Shell(world, host);
    sh.fs.write('/root/compose.yaml', 'services:\n  x:\n    image: nosuchimage-zz\n', false, world.netns(host.rootNsId));
    const r = run(sh, 'docker compose pull');
    assert.equal(r.exitCode, 1);
    assert.equal(r.stderr, " x Pulling \n x Error \nError response from daemon: pull access denied for nosuchimage-zz, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    assert.equal(run(sh, 'docker compose pull --ignore-pull-failures').exitCode, 0);
  });
});
