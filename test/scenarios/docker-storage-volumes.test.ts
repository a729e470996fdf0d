import { strict as assert } from 'node:assert';
import { dockerShell, ok, pulled, run } from './docker-storage.helpers';
import { LEAKS } from '../unit/helpers';

describe('docker volumes', () => {
  it('data written in one container outlives it and is read from another', () => {
    const sh = pulled(dockerShell(), 'busybox');
    assert.equal(ok(sh, 'docker volume create data'), 'data\n');
    ok(sh, `docker run --rm -v data:/data busybox sh -c 'echo hi > /data/f'`);
    assert.equal(ok(sh, 'docker run --rm -v data:/data busybox cat /data/f'), 'hi\n');
    assert.equal(ok(sh, 'docker run --rm --mount type=volume,source=data,target=/mnt busybox ls /mnt'), 'f\n');
    assert.equal(ok(sh, 'docker ps -aq'), '', '--rm removed the containers');
  });

  it('-v NAME:/path creates the volume on first use; ls lists DRIVER and VOLUME NAME', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, 'docker run -v web-data:/data busybox true');
    assert.equal(ok(sh, 'docker volume ls'), 'DRIVER    VOLUME NAME\nlocal     web-data\n');
    assert.equal(ok(sh, 'docker volume ls -q'), 'web-data\n');
  });

  it(':ro and --mount readonly refuse writes with the shell\'s Read-only file system (ash and bash wordings)', () => {
    const sh = pulled(dockerShell(), 'busybox', 'ubuntu');
    ok(sh, 'docker volume create data');
    const ash = run(sh, `docker run --rm -v data:/data:ro busybox sh -c 'echo hi > /data/x'`);
    assert.equal(ash.stderr, "sh: can't create /data/x: Read-only file system\n");
    assert.equal(ash.exitCode, 1);
    const bash = run(sh, `docker run --rm --mount type=volume,src=data,dst=/data,readonly ubuntu bash -c 'echo hi > /data/x'`);
    assert.equal(bash.stderr, 'bash: /data/x: Read-only file system\n');
    assert.equal(bash.exitCode, 1);
    assert.equal(run(sh, 'docker run --rm -v data:/data busybox cat /data/x').stderr, "cat: can't open '/data/x': No such file or directory\n");
  });

  it('bind mounts share the host\'s files both ways', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, 'echo from-host > /root/page.html');
    assert.equal(ok(sh, 'docker run --rm -v /root:/usr/share/html busybox cat /usr/share/html/page.html'), 'from-host\n');
    ok(sh, `docker run --rm -v /root:/out busybox sh -c 'echo from-container > /out/made.txt'`);
    assert.equal(ok(sh, 'cat /root/made.txt'), 'from-container\n');
    assert.equal(ok(sh, 'docker run --rm -v ./:/here busybox cat /here/made.txt'), 'from-container\n');
  });

  it('docker inspect shows Mounts, HostConfig.Binds and the anonymous volume in Config.Volumes', () => {
    const sh = pulled(dockerShell(), 'nginx');
    ok(sh, 'docker run -d --name web -v data:/data -v /srv:/srv:ro -v /cache nginx');
    const mounts = JSON.parse(ok(sh, `docker inspect -f '{{json .Mounts}}' web`));
    assert.deepEqual(mounts[0], { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' });
    assert.deepEqual(mounts[1], { Type: 'bind', Source: '/srv', Destination: '/srv', Mode: 'ro', RW: false, Propagation: 'rprivate' });
    assert.match(mounts[2].Name, /^[0-9a-f]{64}$/);
    assert.equal(ok(sh, `docker inspect -f '{{json .HostConfig.Binds}}' web`), '["data:/data","/srv:/srv:ro"]\n');
    assert.equal(ok(sh, `docker inspect -f '{{json .Config.Volumes}}' web`), '{"/cache":{}}\n');
  });

  it('volume inspect prints the API JSON; a missing volume prints [] and the daemon error', () => {
    const sh = dockerShell();
    ok(sh, 'docker volume create --label env=dev data');
    const [v] = JSON.parse(ok(sh, 'docker volume inspect data'));
    assert.deepEqual(Object.keys(v), ['CreatedAt', 'Driver', 'Labels', 'Mountpoint', 'Name', 'Options', 'Scope']);
    assert.deepEqual(v.Labels, { env: 'dev' });
    assert.equal(v.Options, null, 'no -o: null, as the daemon keeps it');
    ok(sh, 'docker volume create plain');
    assert.equal(ok(sh, `docker volume inspect -f '{{json .Labels}} {{json .Options}}' plain`), 'null null\n');
    assert.match(v.CreatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(ok(sh, `docker volume inspect -f '{{.Mountpoint}}' data`), '/var/lib/docker/volumes/data/_data\n');
    assert.deepEqual(run(sh, 'docker volume inspect nope'), { stdout: '[]\n', stderr: 'Error response from daemon: get nope: no such volume\n', exitCode: 1 });
  });

  it('rm refuses a volume in use (even by a stopped container) and an unknown one; -f ignores unknown ones', () => {
    const sh = pulled(dockerShell(), 'busybox');
    const id = ok(sh, 'docker create -v data:/data busybox').trim();
    assert.deepEqual(run(sh, 'docker volume rm data'), { stdout: '', stderr: `Error response from daemon: remove data: volume is in use - [${id}]\n`, exitCode: 1 });
    assert.deepEqual(run(sh, 'docker volume rm nope'), { stdout: '', stderr: 'Error response from daemon: get nope: no such volume\n', exitCode: 1 });
    assert.equal(run(sh, 'docker volume rm -f nope').exitCode, 0);
    ok(sh, `docker rm ${id}`);
    assert.equal(ok(sh, 'docker volume rm data'), 'data\n');
    assert.equal(ok(sh, 'docker volume ls -q'), '');
  });

  it('anonymous volumes: -v /path makes one; rm -v and --rm remove it, plain rm keeps it', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, 'docker run --name keep -v /data busybox true');
    ok(sh, 'docker run --name gone -v /data busybox true');
    assert.equal(ok(sh, 'docker volume ls -q').split('\n').filter(Boolean).length, 2);
    ok(sh, 'docker rm keep');
    ok(sh, 'docker rm -v gone');
    assert.equal(ok(sh, 'docker volume ls -q').split('\n').filter(Boolean).length, 1);
    ok(sh, 'docker run --rm -v /tmpdata busybox true');
    assert.equal(ok(sh, 'docker volume ls -q').split('\n').filter(Boolean).length, 1);
  });

  it('prune removes unused anonymous volumes, -a also named ones; filters; the prompt without -f', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, 'docker volume create named');
    ok(sh, 'docker run --name c1 -v /anon busybox true');
    ok(sh, 'docker run -d --name c2 -v used:/u busybox sleep 100');
    ok(sh, 'docker rm c1');
    assert.equal(ok(sh, 'docker volume ls -q --filter dangling=false'), 'used\n');
    const anon = ok(sh, 'docker volume ls -q --filter dangling=true').split('\n').filter((n) => n !== 'named' && n !== '')[0]!;
    assert.equal(run(sh, 'docker volume prune').stdout, 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    assert.equal(ok(sh, 'docker volume prune -f'), `Deleted Volumes:\n${anon}\n\nTotal reclaimed space: 0B\n`);
    assert.equal(ok(sh, 'docker volume prune -f'), 'Total reclaimed space: 0B\n');
    assert.equal(ok(sh, 'docker volume prune -af'), 'Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n');
    assert.equal(ok(sh, 'docker volume ls -q'), 'used\n');
  });

  it('bad specs fail like the client (--mount, exit 125) and the daemon, and create nothing', () => {
    const sh = pulled(dockerShell(), 'busybox');
    const flag = run(sh, 'docker run --mount type=volume,source=data busybox true');
    assert.equal(flag.stderr.split('\n')[0], 'invalid argument "type=volume,source=data" for "--mount" flag: target is required');
    assert.equal(flag.exitCode, 125);
    // The first line is the daemon's text; the client's hint after it is the run command's (shared with every run error).
    const first = (line: string) => {
      const r = run(sh, line);
      assert.equal(r.exitCode, 125, line);
      return r.stderr.split('\n')[0]!.replace(/\.$/, '');
    };
    assert.equal(first('docker run --mount type=bind,source=/nope,target=/d busybox true'), `docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nope`);
    assert.equal(first('docker run -v foo/bar:/d busybox true'), `docker: Error response from daemon: create foo/bar: "foo/bar" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    assert.equal(first('docker run -v data:relative busybox true'), `docker: Error response from daemon: invalid volume specification: 'data:relative': invalid mount config for type "volume": invalid mount path: 'relative' mount path must be absolute`);
    ok(sh, 'docker run --name taken busybox true');
    assert.equal(run(sh, 'docker run --name taken -v fresh:/d busybox true').exitCode, 125);
    assert.equal(ok(sh, 'docker volume ls -q'), '', 'a failed run creates no volume');
    assert.equal(ok(sh, 'docker ps -aq').split('\n').filter(Boolean).length, 1);
  });

  it('volume create errors: another driver, a bad name; volume usage', () => {
    const sh = dockerShell();
    assert.deepEqual(run(sh, 'docker volume create -d nfs x'), { stdout: '', stderr: 'Error response from daemon: create x: error looking up volume plugin nfs: plugin "nfs" not found\n', exitCode: 1 });
    assert.equal(run(sh, 'docker volume create a/b').exitCode, 1);
    assert.match(ok(sh, 'docker volume'), /^Usage:  docker volume COMMAND/);
    assert.equal(run(sh, 'docker volume frob').exitCode, 1);
    const id = ok(sh, 'docker volume create').trim();
    assert.match(id, /^[0-9a-f]{64}$/);
    for (const line of ['docker volume rm', 'docker volume inspect', 'docker volume ls --bogus', 'docker volume ls --filter nope=1']) assert.doesNotMatch(run(sh, line).stderr + run(sh, line).stdout, LEAKS);
  });
});
