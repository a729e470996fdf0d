import { strict as assert } from 'node:assert';
import { ok, run, shell } from './shell.helpers';

const PROMPT = 'Plugin "vieux/sshfs" is requesting the following privileges:\n - network: [host]\n - mount: [/var/lib/docker/plugins/]\n - mount: []\n - device: [/dev/fuse]\n - capabilities: [CAP_SYS_ADMIN]\nDo you grant the above permissions? [y/N] ';

describe('docker plugins, volume and network drivers', () => {
  it('install asks for the privileges; no answer refuses, y or --grant-all-permissions installs', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'docker plugin install vieux/sshfs'), { stdout: PROMPT, stderr: 'permission denied while installing plugin vieux/sshfs:latest\n', exitCode: 1 });
    assert.equal(ok(sh, 'docker plugin ls'), 'ID        NAME      DESCRIPTION   ENABLED\n');
    const yes = ok(sh, 'echo y | docker plugin install vieux/sshfs');
    assert.ok(yes.startsWith(PROMPT + 'latest: Pulling from vieux/sshfs\n'));
    assert.match(yes, /\n[0-9a-f]{12}: Download complete \nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for vieux\/sshfs:latest\nInstalled plugin vieux\/sshfs\n$/);
    assert.match(ok(sh, 'docker plugin ls'), /^ID +NAME +DESCRIPTION +ENABLED\n[0-9a-f]{12}   vieux\/sshfs:latest   sshFS plugin for Docker   true\n$/);
    assert.equal(run(sh, 'docker plugin install --grant-all-permissions vieux/sshfs').stderr, 'Error response from daemon: plugin vieux/sshfs:latest already exists\n');
    assert.match(run(sh, 'docker plugin install --grant-all-permissions nope/plugin').stderr, /^Error response from daemon: pull access denied for nope\/plugin/);
  });

  it('a volume driver from a plugin; the plugin cannot be disabled while used, nor removed while enabled', () => {
    const sh = shell();
    ok(sh, 'docker plugin install --grant-all-permissions vieux/sshfs');
    assert.equal(ok(sh, 'docker volume create -d vieux/sshfs -o sshcmd=user@192.168.1.3:/srv sshvolume'), 'sshvolume\n');
    assert.equal(ok(sh, 'docker volume ls'), 'DRIVER               VOLUME NAME\nvieux/sshfs:latest   sshvolume\n');
    assert.equal(run(sh, 'docker plugin disable vieux/sshfs').stderr, 'Error response from daemon: plugin vieux/sshfs:latest is in use\n');
    assert.equal(run(sh, 'docker plugin rm vieux/sshfs').stderr, 'Error response from daemon: plugin vieux/sshfs:latest is enabled\n');
    ok(sh, 'docker volume rm sshvolume');
    assert.equal(ok(sh, 'docker plugin disable vieux/sshfs'), 'vieux/sshfs\n');
    assert.equal(run(sh, 'docker volume create -d vieux/sshfs v2').stderr, 'Error response from daemon: create v2: error looking up volume plugin vieux/sshfs: plugin vieux/sshfs found but disabled\n');
    assert.match(ok(sh, 'docker plugin ls'), /false\n$/);
    assert.equal(ok(sh, 'docker plugin enable vieux/sshfs'), 'vieux/sshfs\n');
    ok(sh, 'docker plugin disable vieux/sshfs');
    assert.equal(ok(sh, 'docker plugin rm vieux/sshfs'), 'vieux/sshfs\n');
    assert.equal(run(sh, 'docker plugin inspect vieux/sshfs').stderr, 'Error: No such plugin: vieux/sshfs\n');
  });

  it('missing drivers: the daemon\'s plugin "NAME" not found', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'docker network create -d weave weavenet'), { stdout: '', stderr: 'Error response from daemon: plugin "weave" not found\n', exitCode: 1 });
    ok(sh, 'docker plugin install --grant-all-permissions --alias weave weaveworks/net-plugin:latest_release');
    assert.equal(run(sh, 'docker network create -d weave w').stderr, 'vethlab: network drivers from plugins (weave) are not simulated; use bridge or overlay\n');
    ok(sh, 'docker plugin disable weave');
    assert.equal(run(sh, 'docker network create -d weave w').stderr, 'Error response from daemon: plugin weave found but disabled\n');
    assert.deepEqual(run(sh, 'docker volume create -d vieux/sshfs v'), { stdout: '', stderr: 'Error response from daemon: create v: error looking up volume plugin vieux/sshfs: plugin "vieux/sshfs" not found\n', exitCode: 1 });
  });
});

describe('docker secret and config', () => {
  it('need a swarm manager', () => {
    const sh = shell('multi-host');
    const msg = 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';
    assert.deepEqual(run(sh, 'echo x | docker secret create pw -'), { stdout: '', stderr: msg, exitCode: 1 });
    assert.equal(run(sh, 'docker config ls').stderr, msg);
  });

  it('create from stdin and from a file, ls, inspect (configs show their data), rm; in-use and duplicate errors', () => {
    const sh = shell('multi-host');
    ok(sh, 'docker swarm init --advertise-addr 192.168.1.11');
    const id = ok(sh, 'echo s3cret | docker secret create db_pw -').trim();
    assert.match(id, /^[0-9a-z]{25}$/);
    assert.match(ok(sh, 'docker secret ls'), new RegExp(`^ID +NAME +DRIVER +CREATED +UPDATED\n${id}   db_pw               Less than a second ago   Less than a second ago\n$`));
    assert.equal(run(sh, 'echo x | docker secret create db_pw -').stderr, 'Error response from daemon: rpc error: code = AlreadyExists desc = secret db_pw already exists\n');
    assert.doesNotMatch(ok(sh, 'docker secret inspect db_pw'), /s3cret|Data/);
    ok(sh, 'echo "listen 80;" > app.conf');
    ok(sh, 'docker config create app_conf app.conf');
    assert.match(ok(sh, 'docker config inspect app_conf'), /"Data": "bGlzdGVuIDgwOwo="/);
    assert.equal(run(sh, 'docker config create other nope.conf').stderr, 'open nope.conf: no such file or directory\n');
    ok(sh, 'docker service create --name web --secret db_pw --config source=app_conf,target=/etc/app.conf nginx');
    const task = ok(sh, 'docker ps -q').trim();
    assert.equal(ok(sh, `docker exec ${task} cat /run/secrets/db_pw`), 's3cret\n');
    assert.equal(ok(sh, `docker exec ${task} cat /etc/app.conf`), 'listen 80;\n');
    assert.equal(run(sh, 'docker secret rm db_pw').stderr, "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'db_pw' is in use by the following service: web\n");
    ok(sh, 'docker service rm web');
    assert.equal(ok(sh, 'docker secret rm db_pw'), 'db_pw\n');
    assert.equal(run(sh, 'docker secret rm db_pw').stderr, 'Error response from daemon: secret db_pw not found\n');
    assert.equal(ok(sh, 'docker secret ls -q'), '');
  });
});
