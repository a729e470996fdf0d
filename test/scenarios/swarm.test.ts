import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function cluster(): Shell {
  const { world, host } = createWorld('multi-host')!;
  return new Shell(world, host);
}

function ok(sh: Shell, line: string): string {
  const r = sh.run(line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}

function failing(sh: Shell, line: string, code = 1): string {
  const r = sh.run(line);
  assert.equal(r.exitCode, code, `${line} should fail: ${r.stdout}`);
  return r.stderr;
}

/** The join command the init/join-token output prints. */
function joinLine(text: string): string {
  const m = /docker swarm join --token (\S+) (\S+)/.exec(text);
  assert.ok(m, text);
  return `docker swarm join --token ${m[1]} ${m[2]}`;
}

/** node1 manager, node2 and node3 workers. */
function threeNodes(): Shell {
  const sh = cluster();
  const join = joinLine(ok(sh, 'docker swarm init'));
  ok(sh, `ssh node2 ${join}`);
  ok(sh, `ssh node3 ${join}`);
  return sh;
}

describe('swarm: init, join, tokens, leave', () => {
  it('init prints the node id, the worker join command and the manager hint', () => {
    const sh = cluster();
    const out = ok(sh, 'docker swarm init --advertise-addr 192.168.1.11');
    assert.match(out, /^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.\n\nTo add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.1\.11:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\.\n$/);
    assert.equal(failing(sh, 'docker swarm init'), 'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n');
  });

  it('init refuses to guess between addresses on two interfaces', () => {
    const sh = cluster();
    ok(sh, 'ip link add eth1 type dummy');
    ok(sh, 'ip addr add 10.9.0.5/24 dev eth1');
    ok(sh, 'ip link set eth1 up');
    assert.equal(failing(sh, 'docker swarm init'), 'Error response from daemon: could not choose an IP address to advertise since this system has multiple addresses on different interfaces (192.168.1.11 on eth0 and 10.9.0.5 on eth1) - specify one with --advertise-addr\n');
    ok(sh, 'docker swarm init --advertise-addr eth0');
  });

  it('workers and managers join with their token; node ls marks the current node and the leader', () => {
    const sh = cluster();
    ok(sh, 'docker swarm init');
    const manager = joinLine(ok(sh, 'docker swarm join-token manager'));
    assert.equal(ok(sh, `ssh node2 ${manager}`), 'This node joined a swarm as a manager.\n');
    const worker = joinLine(ok(sh, 'docker swarm join-token worker'));
    assert.equal(ok(sh, `ssh node3 ${worker}`), 'This node joined a swarm as a worker.\n');
    const ls = ok(sh, 'docker node ls').split('\n');
    assert.equal(ls[0], 'ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION');
    assert.match(ls[1]!, /^[0-9a-z]{25} \* {3}node1 {6}Ready {5}Active {9}Leader {11}26\.1\.5\+dfsg1$/);
    assert.match(ls[2]!, /^[0-9a-z]{25} {5}node2 {6}Ready {5}Active {9}Reachable {8}26\.1\.5\+dfsg1$/);
    assert.match(ls[3]!, /^[0-9a-z]{25} {5}node3 {6}Ready {5}Active {26}26\.1\.5\+dfsg1$/);
    assert.equal(failing(sh, 'ssh node3 docker node ls'), "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n");
  });

  it('a wrong or rotated token is refused, and the node stays out', () => {
    const sh = cluster();
    const join = joinLine(ok(sh, 'docker swarm init'));
    ok(sh, 'docker swarm join-token --rotate worker');
    assert.equal(failing(sh, `ssh node2 ${join}`), 'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n');
    assert.equal(failing(sh, 'ssh node2 docker swarm leave'), 'Error response from daemon: This node is not part of a swarm\n');
    const token = ok(sh, 'docker swarm join-token -q worker').trim();
    assert.match(token, /^SWMTKN-1-/);
    ok(sh, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
  });

  it('commands on a node outside any swarm get the "not a swarm manager" error', () => {
    const sh = cluster();
    const expected = 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';
    assert.equal(failing(sh, 'docker node ls'), expected);
    assert.equal(failing(sh, 'docker service create nginx'), expected);
    assert.equal(failing(sh, 'docker network create -d overlay ov'), expected);
  });

  it('leave: a worker leaves and shows Down; the last manager needs --force', () => {
    const sh = threeNodes();
    assert.equal(ok(sh, 'ssh node3 docker swarm leave'), 'Node left the swarm.\n');
    assert.match(ok(sh, 'docker node ls'), /node3 +Down +Active/);
    assert.equal(failing(sh, 'docker swarm leave'), 'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. \n');
    const id = ok(sh, 'docker node ls -q').split('\n')[2]!;
    assert.equal(ok(sh, `docker node rm node3`), 'node3\n');
    assert.ok(!ok(sh, 'docker node ls').includes('node3'), id);
    assert.equal(ok(sh, 'docker swarm leave --force'), 'Node left the swarm.\n');
  });
});

describe('swarm: Raft quorum', () => {
  it('a manager leaving 1 of 2 managers is warned about the quorum, and after --force the swarm has no leader', () => {
    const sh = cluster();
    ok(sh, 'docker swarm init');
    ok(sh, `ssh node2 ${joinLine(ok(sh, 'docker swarm join-token manager'))}`);
    assert.equal(failing(sh, 'ssh node2 docker swarm leave'), 'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing this node leaves 1 managers out of 2. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.\n');
    ok(sh, 'ssh node2 docker swarm leave --force');
    assert.equal(failing(sh, 'docker node ls'), "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.\n");
  });

  it('three managers survive one down (a new leader is elected), not two', () => {
    const sh = cluster();
    ok(sh, 'docker swarm init');
    const join = joinLine(ok(sh, 'docker swarm join-token manager'));
    ok(sh, `ssh node2 ${join}`);
    ok(sh, `ssh node3 ${join}`);
    ok(sh, 'ip link set eth0 down');
    assert.match(ok(sh, 'ssh node2 docker node ls'), /node1 +Down +Active +Unreachable/);
    assert.match(ok(sh, 'ssh node2 docker node ls'), /node2 +Ready +Active +Leader/);
    ok(sh, 'ssh node3 ip link set eth0 down');
    assert.match(failing(sh, 'ssh node2 docker node ls'), /The swarm does not have a leader/);
  });

  it('promote, demote, and the last manager cannot be demoted', () => {
    const sh = threeNodes();
    assert.equal(ok(sh, 'docker node promote node2'), 'Node node2 promoted to a manager in the swarm.\n');
    assert.match(ok(sh, 'docker node ls'), /node2 +Ready +Active +Reachable/);
    assert.equal(ok(sh, 'docker node demote node2'), 'Manager node2 demoted in the swarm.\n');
    assert.equal(failing(sh, 'docker node demote node1'), 'Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm\n');
    assert.match(failing(sh, 'docker node rm node2'), /node node2 is not down and can't be removed/);
  });
});

describe('swarm: autolock', () => {
  it('a restarted manager is locked until the unlock key is given', () => {
    const sh = cluster();
    const out = ok(sh, 'docker swarm init --autolock');
    const key = /(SWMKEY-1-\S+)/.exec(out)![1]!;
    assert.match(out, /To unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n {4}SWMKEY-1-[A-Za-z0-9+/]{43}\n\nRemember to store this key in a password manager, since without it you\nwill not be able to restart the manager\.\n$/);
    assert.equal(failing(sh, 'docker swarm unlock'), 'Error: swarm is not locked\n');
    ok(sh, 'systemctl restart docker');
    assert.equal(failing(sh, 'docker node ls'), 'Error response from daemon: Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.\n');
    assert.equal(failing(sh, 'echo SWMKEY-1-wrong | docker swarm unlock'), 'Error response from daemon: swarm could not be unlocked: invalid key provided\n');
    ok(sh, `echo ${key} | docker swarm unlock`);
    ok(sh, 'docker node ls');
    assert.equal(ok(sh, 'docker swarm unlock-key -q'), key + '\n');
    assert.notEqual(ok(sh, 'docker swarm unlock-key --rotate -q'), key + '\n');
  });
});

describe('swarm: services', () => {
  it('create spreads replicas over the nodes, prints the convergence progress, ps shows tasks', () => {
    const sh = threeNodes();
    const out = ok(sh, 'docker service create --name web --replicas 3 -p 8080:80 nginx');
    assert.match(out, /^[0-9a-z]{25}\noverall progress: 3 out of 3 tasks \n1\/3: running   \[={50}>\] \n2\/3: running   \[={50}>\] \n3\/3: running   \[={50}>\] \nverify: Service converged \n$/);
    const ps = ok(sh, 'docker service ps web');
    assert.match(ps, /^ID +NAME +IMAGE +NODE +DESIRED STATE +CURRENT STATE +ERROR +PORTS\n/);
    for (const n of ['node1', 'node2', 'node3']) assert.match(ps, new RegExp(`web\\.\\d +nginx:latest +${n} +Running +Running 5 seconds ago`));
    assert.match(ok(sh, 'docker service ls'), /web +replicated +3\/3 +nginx:latest +\*:8080->80\/tcp/);
    assert.match(ok(sh, 'ssh node2 docker ps'), /nginx:latest@sha256:[0-9a-f]{64} .* web\.\d\.[0-9a-z]{25}/);
  });

  it('scale up and down, drain moves tasks, rm removes them and their containers', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web nginx');
    assert.match(ok(sh, 'docker service scale web=6'), /^web scaled to 6\noverall progress: 6 out of 6 tasks /);
    assert.equal((ok(sh, 'docker service ps web').match(/node2/g) ?? []).length, 2);
    assert.equal(ok(sh, 'docker node update --availability drain node2'), 'node2\n');
    const ps = ok(sh, 'docker service ps web');
    assert.equal((ps.match(/Running +Running/g) ?? []).length, 6);
    assert.match(ps, /\\_ web\.\d +nginx:latest +node2 +Shutdown +Shutdown/);
    assert.equal(ok(sh, 'ssh node2 docker ps -q'), '');
    ok(sh, 'docker service scale web=2');
    assert.match(ok(sh, 'docker service ls'), /web +replicated +2\/2/);
    assert.equal(ok(sh, 'docker service rm web'), 'web\n');
    assert.equal(ok(sh, 'docker ps -q'), '');
  });

  it('rolling update replaces tasks one at a time on the simulated clock, and rollback restores the image', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web --replicas 3 --update-delay 10s nginx:alpine');
    const before = sh.world.clock.now();
    assert.match(ok(sh, 'docker service update --image nginx:1.27 web'), /^web\noverall progress: 3 out of 3 tasks /);
    assert.equal(sh.world.clock.now() - before, 3 * 1000 + 2 * 10000 + 5000);
    const ps = ok(sh, 'docker service ps web');
    assert.equal((ps.match(/nginx:1\.27 .*Running +Running/g) ?? []).length, 3);
    assert.equal((ps.match(/\\_ web\.\d +nginx:alpine .*Shutdown +Shutdown/g) ?? []).length, 3);
    assert.match(ok(sh, 'docker service rollback web'), /^web\nrollback: manually requested rollback \noverall progress: rolling back update: 3 out of 3 tasks /);
    assert.match(ok(sh, 'docker service ls'), /nginx:alpine/);
  });

  it('global mode runs one task per node; constraints restrict placement', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name agent --mode global busybox sleep 1000000');
    assert.match(ok(sh, 'docker service ls'), /agent +global +3\/3/);
    ok(sh, 'docker service create -d --name admin --replicas 2 --constraint node.role==manager nginx');
    const ps = ok(sh, 'docker service ps admin');
    assert.equal((ps.match(/node1/g) ?? []).length, 2);
    assert.equal(failing(sh, 'docker service scale agent=2'), 'agent: scale can only be used with replicated or replicated-job mode\nError: failed to scale one or more services\n');
  });

  it('service start/stop keep Docker\'s own error and change nothing', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web nginx');
    const before = JSON.stringify(sh.world.state);
    assert.equal(failing(sh, 'docker service stop web'), "docker: 'service stop' is not a docker command.\nSee 'docker --help'\nvethlab: Docker has no \"service stop\": use `docker service scale web=0` to stop a replicated service's tasks.\n");
    assert.equal(JSON.stringify(sh.world.state), before);
  });

  it('failed requests leave the world unchanged', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web -p 8080:80 nginx');
    const before = JSON.stringify(sh.world.state);
    assert.match(failing(sh, 'docker service create --name web nginx'), /already exists/);
    assert.match(failing(sh, 'docker service create --name web2 -p 8080:80 nginx'), /port '8080' is already in use by service 'web'/);
    assert.equal(failing(sh, 'docker service ps nope'), 'no such service: nope\n');
    assert.match(failing(sh, 'docker node demote node1'), /last manager/);
    assert.equal(JSON.stringify(sh.world.state), before);
  });
});

describe('swarm: overlay networks', () => {
  it('init creates ingress and docker_gwbridge; -d overlay networks have swarm scope', () => {
    const sh = threeNodes();
    const id = ok(sh, 'docker network create -d overlay --attachable backend').trim();
    assert.match(id, /^[0-9a-z]{25}$/);
    const ls = ok(sh, 'docker network ls');
    assert.match(ls, /backend +overlay +swarm/);
    assert.match(ls, /ingress +overlay +swarm/);
    assert.match(ls, /docker_gwbridge +bridge +local/);
    assert.doesNotMatch(ok(sh, 'ssh node3 docker network ls'), /backend/);
    ok(sh, 'docker service create -d --name api --replicas 3 --network backend nginx');
    assert.match(ok(sh, 'ssh node3 docker network ls'), /backend +overlay +swarm/);
    assert.match(failing(sh, 'docker network rm backend'), /is in use by service/);
  });
});

describe('swarm: stacks', () => {
  it('deploy creates the default overlay network and one service per compose service; rm removes them', () => {
    const sh = threeNodes();
    ok(sh, "printf 'services:\\n  web:\\n    image: nginx\\n    ports:\\n      - \"8080:80\"\\n    deploy:\\n      replicas: 2\\n  cache:\\n    image: redis\\n' > /tmp/stack.yaml");
    assert.equal(ok(sh, 'docker stack deploy -c /tmp/stack.yaml shop'), 'Creating network shop_default\nCreating service shop_cache\nCreating service shop_web\n');
    assert.equal(ok(sh, 'docker stack ls'), 'NAME      SERVICES\nshop      2\n');
    assert.match(ok(sh, 'docker stack services shop'), /shop_web +replicated +2\/2 +nginx:latest +\*:8080->80\/tcp/);
    assert.match(ok(sh, 'docker stack ps shop'), /shop_web\.2 +nginx:latest/);
    assert.match(ok(sh, 'docker network ls'), /shop_default +overlay +swarm/);
    assert.match(ok(sh, 'docker stack deploy -c /tmp/stack.yaml shop'), /^Updating service shop_cache \(id: [0-9a-z]{25}\)\n/);
    assert.equal(ok(sh, 'docker stack rm shop'), 'Removing service shop_cache\nRemoving service shop_web\nRemoving network shop_default\n');
    assert.equal(sh.run('docker stack rm shop').stderr, 'Nothing found in stack: shop\n');
    assert.equal(failing(sh, 'docker stack ps shop'), 'nothing found in stack: shop\n');
  });
});

describe('swarm: ingress routing mesh', () => {
  it('a published port answers on every node, whichever node runs the task', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web -p 8080:80 nginx');
    for (const [from, to] of [['node1', '11'], ['node2', '12'], ['node3', '13'], ['node3', '11']]) {
      assert.match(ok(sh, `ssh ${from} curl -s http://192.168.1.${to}:8080/`), /<title>Welcome to nginx!<\/title>/, `${from} -> .${to}`);
    }
    assert.match(ok(sh, 'ssh node2 iptables -t nat -S DOCKER-INGRESS'), /^-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172\.18\.0\.2:8080\n-A DOCKER-INGRESS -j RETURN\n$/);
    assert.match(ok(sh, 'iptables -t nat -S PREROUTING'), /-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER-INGRESS/);
    ok(sh, 'docker service rm web');
    assert.equal(ok(sh, 'ssh node2 iptables -t nat -S DOCKER-INGRESS'), '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -j RETURN\n');
    assert.doesNotMatch(ok(sh, 'ssh node2 iptables -t nat -S POSTROUTING'), /192\.168\.1\.11/);
  });

  it('when the task moves (drain), the mesh follows it', () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web -p 8080:80 nginx');
    ok(sh, 'docker node update --availability drain node1');
    assert.match(ok(sh, 'curl -s http://192.168.1.11:8080/'), /Welcome to nginx!/);
    // Every node DNATs to its own ingress_sbox, whose IPVS now only knows the task on another node.
    assert.match(ok(sh, 'iptables -t nat -S DOCKER-INGRESS'), /--to-destination 172\.18\.0\.2:8080/);
    assert.match(ok(sh, 'docker service logs web'), /web\.1\.\w+@node[23] +\| 10\.0\.0\.2 - - .*"GET \/ HTTP\/1\.1" 200/);
  });
});

describe('swarm: service logs', () => {
  it("prefixes each line with NAME.SLOT.TASKID@NODE, padded to the replica count's digits", () => {
    const sh = threeNodes();
    ok(sh, 'docker service create -d --name web --replicas 10 nginx');
    const r = sh.run('docker service logs web');
    assert.match(r.stdout, /^web\.1\.[0-9a-z]{12}@node1     \| \/docker-entrypoint\.sh: /m);
    assert.match(r.stdout, /^web\.10\.[0-9a-z]{12}@node1    \| /m);
    assert.match(r.stderr, /^web\.2\.[0-9a-z]{12}@node2     \| .*\[notice\] 1#1: using the "epoll" event method/m);
  });
});

describe('swarm: overlay network inspect', () => {
  it('shows swarm scope, the subnet, the VXLAN id and the local task endpoints', () => {
    const sh = threeNodes();
    ok(sh, 'docker network create -d overlay --attachable backend');
    ok(sh, 'docker service create -d --name api --replicas 3 --network backend redis');
    assert.equal(ok(sh, "docker network inspect backend --format '{{.Scope}} {{.Driver}} {{.Attachable}} {{json .IPAM.Config}} {{json .Options}}'"), 'swarm overlay true [{"Subnet":"10.0.1.0/24","Gateway":"10.0.1.1"}] {"com.docker.network.driver.overlay.vxlanid_list":"4097"}\n');
    assert.match(ok(sh, 'ssh node2 docker network inspect backend'), /"IPv4Address": "10\.0\.1\.\d+\/24"/);
    assert.equal(ok(sh, "docker network inspect ingress --format '{{.Ingress}}'"), 'true\n');
  });
});

describe('swarm: an image no node can pull', () => {
  it('warns that the digest could not be recorded, tasks are Rejected with the error, and the CLI stops waiting', () => {
    const sh = threeNodes();
    const r = sh.run('docker service create --name bad --replicas 2 nosuchimage');
    assert.equal(r.exitCode, 0);
    assert.equal(r.stderr, 'image nosuchimage could not be accessed on a registry to record\nits digest. Each node will access nosuchimage independently,\npossibly leading to different nodes running different\nversions of the image.\n\n');
    assert.match(r.stdout, /overall progress: 0 out of 2 tasks \n1\/2: No such image: nosuchimage:latest \n2\/2: No such image: nosuchimage:latest \nOperation continuing in background\.\nUse `docker service ps [0-9a-z]{25}` to check progress\.\n$/);
    assert.match(ok(sh, 'docker service ps bad'), /Shutdown +Rejected [a-z0-9 ]+ ago +"No such image: nosuchimage:la…"/);
    assert.match(ok(sh, 'docker service ls'), /bad +replicated +0\/2/);
  });
});
