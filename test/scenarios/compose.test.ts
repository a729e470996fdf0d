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
    volumes:
      - data:/data
volumes:
  data:
`;

function shellWith(files: Record<string, string>): Shell {
  const { world, host } = createWorld('docker')!;
  const sh = new Shell(world, host);
  for (const [path, text] of Object.entries(files)) sh.fs.write(path, text, false, world.netns(host.rootNsId));
  return sh;
}

function run(sh: Shell, line: string) {
  const r = sh.run(line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

function ok(sh: Shell, line: string): { stdout: string; stderr: string } {
  const r = run(sh, line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r;
}

describe('docker compose lifecycle', () => {
  it('up -d: pulls, creates the project network and volume, then containers in depends_on order (plain progress on stderr)', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    const r = ok(sh, 'docker compose up -d');
    assert.equal(r.stdout, '');
    const resource = r.stderr.split('\n').filter((l) => /^ (Network|Volume|Container) /.test(l));
    assert.deepEqual(resource, [
      ' Network demo_default  Creating',
      ' Network demo_default  Created',
      ' Volume "demo_data"  Creating',
      ' Volume "demo_data"  Created',
      ' Container demo-api-1  Creating',
      ' Container demo-api-1  Created',
      ' Container demo-web-1  Creating',
      ' Container demo-web-1  Created',
      ' Container demo-api-1  Starting',
      ' Container demo-api-1  Started',
      ' Container demo-web-1  Starting',
      ' Container demo-web-1  Started',
    ]);
    assert.ok(r.stderr.startsWith(' web Pulling \n'), r.stderr);
    assert.match(r.stderr, / web Pulled \n/);
  });

  it('service names resolve on project_default; published ports reach the service', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    ok(sh, 'docker compose up -d');
    assert.match(ok(sh, 'docker exec demo-api-1 ping -c 1 web').stdout, /1 packets received/);
    assert.match(ok(sh, 'curl -s localhost:8080').stdout, /Welcome to nginx!/);
    assert.match(ok(sh, 'docker network ls').stdout, /demo_default\s+bridge/);
  });

  it('ps, ls and logs as compose prints them', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    ok(sh, 'docker compose up -d');
    const ps = ok(sh, 'docker compose ps').stdout.split('\n');
    assert.match(ps[0]!, /^NAME {9}IMAGE {10}COMMAND {18}SERVICE {3}CREATED {18}STATUS {18}PORTS$/);
    assert.match(ps[1]!, /^demo-api-1 +busybox +"sleep infinity" +api /);
    assert.match(ps[2]!, /^demo-web-1 +nginx:alpine +"\/docker-entrypoint\.…" +web .*0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp$/);
    assert.equal(ok(sh, 'docker compose ls').stdout, 'NAME                STATUS              CONFIG FILES\ndemo                running(2)          /root/compose.yaml\n');
    assert.match(ok(sh, 'docker compose logs web').stdout, /^web-1  \| \/docker-entrypoint\.sh: /);
  });

  it('up again reports Running; stop, start, restart, down -v', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    ok(sh, 'docker compose up -d');
    assert.equal(ok(sh, 'docker compose up -d').stderr, ' Container demo-api-1  Running\n Container demo-web-1  Running\n');
    assert.equal(ok(sh, 'docker compose stop').stderr, ' Container demo-web-1  Stopping\n Container demo-web-1  Stopped\n Container demo-api-1  Stopping\n Container demo-api-1  Stopped\n');
    assert.equal(ok(sh, 'docker compose ps -q').stdout, '');
    assert.equal(ok(sh, 'docker compose start').stderr, ' Container demo-api-1  Starting\n Container demo-api-1  Started\n Container demo-web-1  Starting\n Container demo-web-1  Started\n');
    assert.equal(ok(sh, 'docker compose restart').stderr, ' Container demo-api-1  Restarting\n Container demo-api-1  Started\n Container demo-web-1  Restarting\n Container demo-web-1  Started\n');
    const down = ok(sh, 'docker compose down -v').stderr;
    assert.match(down, / Container demo-web-1  Removed\n Container demo-api-1  Stopping\n/);
    assert.match(down, / Network demo_default  Removing\n Network demo_default  Removed\n Volume demo_data  Removing\n Volume demo_data  Removed\n$/);
    assert.equal(ok(sh, 'docker ps -aq').stdout, '');
    assert.doesNotMatch(ok(sh, 'docker network ls').stdout, /demo_default/);
    assert.equal(ok(sh, 'docker compose down').stderr, 'Warning: No resource found to remove for project "demo".\n');
  });

  it('create makes containers without starting them; start starts them', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    ok(sh, 'docker compose create');
    assert.match(ok(sh, 'docker compose ps -a').stdout, /demo-web-1 .* Created /);
    assert.equal(ok(sh, 'docker compose ps').stdout.split('\n').length, 2, 'only the header: nothing runs');
    ok(sh, 'docker compose start');
    assert.match(ok(sh, 'docker compose ls').stdout, /running\(2\)/);
  });

  it('-f, -p and the folder name pick the file and the project', () => {
    const sh = shellWith({ '/root/other.yml': 'services:\n  box:\n    image: busybox\n    command: sleep infinity\n' });
    assert.equal(run(sh, 'docker compose up -d').stderr, 'no configuration file provided: not found\n');
    ok(sh, 'docker compose -f other.yml -p lab up -d');
    assert.match(ok(sh, 'docker ps').stdout, /lab-box-1/);
    assert.match(ok(sh, 'docker network ls').stdout, /lab_default/);
    ok(sh, 'docker compose -p lab down');
    assert.equal(ok(sh, 'docker ps -aq').stdout, '');
  });

  it('failures: bad YAML, schema errors, unknown service, port conflict (exit 1, nothing half-explained)', () => {
    const sh = shellWith({ '/root/compose.yaml': 'services:\n  web:\n    image: nginx: latest\n' });
    assert.deepEqual(run(sh, 'docker compose up -d'), { stdout: '', stderr: 'yaml: line 3: mapping values are not allowed in this context\n', exitCode: 1 });
    sh.fs.write('/root/compose.yaml', 'services:\n  web:\n    image: nginx\n    foo: bar\n', false, sh.world.netns(sh.host.rootNsId));
    assert.equal(run(sh, 'docker compose config').stderr, "validating /root/compose.yaml: services.web additional properties 'foo' not allowed\n");
    sh.fs.write('/root/compose.yaml', STACK, false, sh.world.netns(sh.host.rootNsId));
    assert.deepEqual(run(sh, 'docker compose up -d nope'), { stdout: '', stderr: 'no such service: nope\n', exitCode: 1 });
    ok(sh, 'docker run -d -p 8080:80 --name squatter nginx');
    const r = run(sh, 'docker compose up -d');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, / Container demo-web-1  Starting\nError response from daemon: driver failed programming external connectivity on endpoint demo-web-1 \([0-9a-f]+\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n$/);
    assert.equal(run(sh, 'docker compose start nope').stderr, 'no such service: nope\n');
    assert.equal(run(sh, 'docker compose frob').stderr, 'unknown docker command: "compose frob"\n');
  });

  it('orphans: a service removed from the file is reported, --remove-orphans removes it', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    ok(sh, 'docker compose up -d');
    sh.fs.write('/root/compose.yaml', 'name: demo\nservices:\n  api:\n    image: busybox\n    command: sleep infinity\n', false, sh.world.netns(sh.host.rootNsId));
    assert.match(ok(sh, 'docker compose up -d').stderr, /level=warning msg="Found orphan containers \(\[demo-web-1\]\) for this project\. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up\."/);
    assert.match(ok(sh, 'docker compose up -d --remove-orphans').stderr, / Container demo-web-1  Removed\n/);
    assert.doesNotMatch(ok(sh, 'docker ps -a').stdout, /demo-web-1/);
  });

  it('replicas (deploy.replicas) give project-service-1..N; config prints the normalised model', () => {
    const sh = shellWith({ '/root/compose.yaml': 'name: demo\nservices:\n  w:\n    image: busybox\n    command: sleep infinity\n    deploy:\n      replicas: 2\n' });
    ok(sh, 'docker compose up -d');
    assert.deepEqual(ok(sh, 'docker ps --format "{{.Names}}"').stdout.split('\n').filter(Boolean).sort(), ['demo-w-1', 'demo-w-2']);
    assert.equal(ok(sh, 'docker compose config').stdout, 'name: demo\nservices:\n  w:\n    command:\n      - sleep\n      - infinity\n    deploy:\n      replicas: 2\n    image: busybox\n    networks:\n      default: null\nnetworks:\n  default:\n    name: demo_default\n');
  });

  it('build: builds project-service with docker build; exec runs in the service container; volume data survives down/up', () => {
    const sh = shellWith({
      '/root/Dockerfile': 'FROM busybox\nRUN echo hi > /greeting\nCMD ["sleep", "infinity"]\n',
      '/root/compose.yaml': 'name: b\nservices:\n  app:\n    build: .\n    volumes:\n      - data:/data\nvolumes:\n  data:\n',
    });
    ok(sh, 'docker compose up -d');
    assert.match(ok(sh, 'docker images').stdout, /^b-app +latest /m);
    assert.equal(ok(sh, 'docker compose exec app cat /greeting').stdout, 'hi\n');
    ok(sh, "docker compose exec app sh -c 'echo kept > /data/f'");
    ok(sh, 'docker compose down');
    ok(sh, 'docker compose up -d');
    assert.equal(ok(sh, 'docker compose exec app cat /data/f').stdout, 'kept\n');
    assert.equal(run(sh, 'docker compose exec nope ls').stderr, 'no such service: nope\n');
  });

  it('a changed service is recreated (Recreate / Recreated, then started); an unchanged one keeps Running', () => {
    const sh = shellWith({ '/root/compose.yaml': 'name: r\nservices:\n  web:\n    image: nginx:alpine\n    ports: ["8080:80"]\n' });
    ok(sh, 'docker compose up -d');
    assert.equal(ok(sh, 'docker compose up -d').stderr, ' Container r-web-1  Running\n');
    sh.fs.write('/root/compose.yaml', 'name: r\nservices:\n  web:\n    image: nginx:alpine\n    ports: ["9090:80"]\n', false, sh.world.netns(sh.host.rootNsId));
    assert.equal(ok(sh, 'docker compose up -d').stderr, ' Container r-web-1  Recreate\n Container r-web-1  Recreated\n Container r-web-1  Starting\n Container r-web-1  Started\n');
    assert.match(ok(sh, 'curl -s localhost:9090').stdout, /Welcome to nginx!/);
    assert.equal(run(sh, 'curl -s localhost:8080').exitCode, 7);
  });

  it('docker-compose (v1) is not installed on an Engine 27 host', () => {
    const sh = shellWith({ '/root/compose.yaml': STACK });
    assert.deepEqual(run(sh, 'docker-compose up -d'), { stdout: '', stderr: 'bash: docker-compose: command not found\n', exitCode: 127 });
  });
});
