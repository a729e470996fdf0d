/** Seed 002's lifecycles for swarm, services and stacks, step by step, with their failure cases. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function run(sh: Shell, line: string) {
  return sh.run(line);
}

describe('seed 002: Docker Swarm, Service and Stack lifecycles', () => {
  it('Swarm Init, Join, Lock, Unlock, Leave', () => {
    const { world, host } = createWorld('multi-host')!;
    const sh = new Shell(world, host);
    assert.equal(run(sh, 'docker swarm init').exitCode, 0);
    assert.equal(run(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377').stdout, 'This node joined a swarm as a worker.\n');
    assert.equal(run(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377').exitCode, 1);
    const lock = run(sh, 'docker swarm update --autolock=true');
    assert.match(lock.stdout, /^Swarm updated\.\nTo unlock a swarm manager after it restarts/);
    assert.equal(run(sh, 'systemctl restart docker').exitCode, 0);
    assert.match(run(sh, 'docker service ls').stderr, /Swarm is encrypted and needs to be unlocked/);
    assert.equal(run(sh, 'echo SWMKEY-1-bad | docker swarm unlock').exitCode, 1);
    const key = /SWMKEY-1-\S+/.exec(lock.stdout)![0];
    assert.equal(run(sh, `echo ${key} | docker swarm unlock`).exitCode, 0);
    assert.equal(run(sh, 'echo x | docker swarm unlock').stderr, 'Error: swarm is not locked\n');
    assert.equal(run(sh, 'ssh node2 docker swarm leave').stdout, 'Node left the swarm.\n');
    assert.equal(run(sh, 'ssh node2 docker swarm leave').stderr, 'Error response from daemon: This node is not part of a swarm\n');
    assert.equal(run(sh, 'docker swarm leave --force').stdout, 'Node left the swarm.\n');
    assert.match(run(sh, 'docker node ls').stderr, /This node is not a swarm manager\. Use "docker swarm init"/);
  });

  it('Service Creation, Start, Stop, Delete (start/stop are scale, the commands keep Docker\'s error)', () => {
    const { world, host } = createWorld('multi-host')!;
    const sh = new Shell(world, host);
    run(sh, 'docker swarm init');
    assert.match(run(sh, 'docker service create --name my-nginx -p 80:80 nginx').stdout, /verify: Service converged \n$/);
    assert.equal(run(sh, 'docker service start my-nginx').exitCode, 1);
    assert.match(run(sh, 'docker service scale my-nginx=0').stdout, /^my-nginx scaled to 0\n/);
    assert.match(run(sh, 'docker service ls').stdout, /my-nginx +replicated +0\/0/);
    assert.match(run(sh, 'docker service scale my-nginx=1').stdout, /^my-nginx scaled to 1\n/);
    assert.equal(run(sh, 'docker service rm my-nginx').stdout, 'my-nginx\n');
    assert.equal(run(sh, 'docker service rm my-nginx').stderr, 'Error response from daemon: service my-nginx not found\n');
  });

  it('Stack Create, Start, Stop, Remove: deploy and rm are the stack commands', () => {
    const { world, host } = createWorld('multi-host')!;
    const sh = new Shell(world, host);
    run(sh, 'docker swarm init');
    run(sh, "printf 'services:\\n  web:\\n    image: nginx\\n' > /tmp/c.yaml");
    assert.equal(run(sh, 'docker stack deploy -c /tmp/c.yaml app').stdout, 'Creating network app_default\nCreating service app_web\n');
    assert.equal(run(sh, 'docker stack start app').stderr, "docker: 'stack start' is not a docker command.\nSee 'docker --help'\n");
    assert.equal(run(sh, 'docker stack deploy app').stderr, 'Please specify a Compose file (with --compose-file).\n');
    assert.equal(run(sh, 'docker stack rm app').stdout, 'Removing service app_web\nRemoving network app_default\n');
  });
});

describe('swarm determinism', () => {
  it('the same script prints the same node ids, tokens, keys and task placement every time', () => {
    const script = ['docker swarm init --autolock', 'ssh node2 docker swarm join --token $(docker swarm join-token -q manager) 192.168.1.11:2377', 'docker service create --name web --replicas 4 -p 8080:80 nginx', 'docker service ps web', 'docker node ls', 'docker swarm unlock-key -q'];
    const transcript = () => {
      const { world, host } = createWorld('multi-host')!;
      const sh = new Shell(world, host);
      return script.map((l) => {
        const r = sh.run(l);
        return r.stdout + r.stderr + r.exitCode;
      }).join('\n');
    };
    const first = transcript();
    assert.equal(transcript(), first);
    assert.match(first, /SWMKEY-1-/);
  });
});
