import { strict as assert } from 'node:assert';
import { ok, run, shell } from './shell.helpers';

describe('docker-machine lifecycle', () => {
  it('create -d virtualbox: a boot2docker VM on vboxnet0 192.168.99.100 with its own daemon', () => {
    const sh = shell();
    const out = ok(sh, 'docker-machine create -d virtualbox vm1');
    assert.ok(out.startsWith('Running pre-create checks...\nCreating machine...\n(vm1) Copying /root/.docker/machine/cache/boot2docker.iso'));
    assert.ok(out.endsWith('Docker is up and running!\nTo see how to connect your Docker Client to the Docker Engine running on this virtual machine, run: docker-machine env vm1\n'));
    assert.equal(ok(sh, 'docker-machine ls'), 'NAME   ACTIVE   DRIVER       STATE     URL                         SWARM   DOCKER      ERRORS\nvm1    -        virtualbox   Running   tcp://192.168.99.100:2376           v19.03.12   \n');
    assert.equal(ok(sh, 'docker-machine ip vm1'), '192.168.99.100\n');
    assert.match(ok(sh, 'ip -br addr show vboxnet0'), /192\.168\.99\.1\/24/);
    assert.match(ok(sh, 'ping -c 1 192.168.99.100'), /1 received/);
  });

  it('env prints the exports; eval $(docker-machine env) points docker at the machine; ls marks it active', () => {
    const sh = shell();
    ok(sh, 'docker-machine create -d virtualbox vm1');
    assert.equal(ok(sh, 'docker-machine env vm1'), 'export DOCKER_TLS_VERIFY="1"\nexport DOCKER_HOST="tcp://192.168.99.100:2376"\nexport DOCKER_CERT_PATH="/root/.docker/machine/machines/vm1"\nexport DOCKER_MACHINE_NAME="vm1"\n# Run this command to configure your shell: \n# eval $(docker-machine env vm1)\n');
    ok(sh, 'eval $(docker-machine env vm1)');
    assert.match(ok(sh, 'docker-machine ls'), /vm1 +\* +virtualbox/);
    ok(sh, 'docker run -d --name web -p 80:80 nginx');
    assert.match(ok(sh, 'docker-machine ssh vm1 docker ps'), /web\n$/);
    assert.match(ok(sh, 'curl -s 192.168.99.100'), /Welcome to nginx!/);
    ok(sh, 'eval $(docker-machine env -u)');
    assert.doesNotMatch(ok(sh, 'docker ps'), /web/, 'back on the local daemon');
  });

  it('stop / start / rm -y, and the errors', () => {
    const sh = shell();
    ok(sh, 'docker-machine create vm1');
    ok(sh, 'eval $(docker-machine env vm1)');
    assert.equal(ok(sh, 'docker-machine stop vm1'), 'Stopping "vm1"...\nMachine "vm1" was stopped.\n');
    assert.deepEqual(run(sh, 'docker ps'), { stdout: '', stderr: 'Cannot connect to the Docker daemon at tcp://192.168.99.100:2376. Is the docker daemon running?\n', exitCode: 1 });
    assert.match(ok(sh, 'docker-machine ls'), /vm1 +- +virtualbox +Stopped +Unknown/);
    assert.deepEqual(run(sh, 'docker-machine env vm1'), { stdout: '', stderr: 'Error checking TLS connection: Host is not running\n', exitCode: 1 });
    assert.match(ok(sh, 'docker-machine start vm1'), /^Starting "vm1"\.\.\.\n[\s\S]*Machine "vm1" was started\.\n/);
    assert.equal(ok(sh, 'docker ps').split('\n').length, 2);
    assert.deepEqual(run(sh, 'docker-machine create vm1'), { stdout: '', stderr: 'Host already exists: "vm1"\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'docker-machine ip nope'), { stdout: '', stderr: 'Host does not exist: "nope"\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'docker-machine create -d aws x'), { stdout: '', stderr: 'Driver "aws" not found. Do you have the plugin binary "docker-machine-driver-aws" accessible in your PATH?\n', exitCode: 1 });
    assert.equal(run(sh, 'echo n | docker-machine rm vm1').exitCode, 1);
    assert.equal(ok(sh, 'docker-machine rm -y vm1'), 'About to remove vm1\nWARNING: This action will delete both local reference and remote instance.\nSuccessfully removed vm1\n');
    assert.equal(ok(sh, 'docker-machine ls'), 'NAME   ACTIVE   DRIVER   STATE   URL   SWARM   DOCKER   ERRORS\n');
  });

  it('create -d generic registers an existing host of the multi-host world', () => {
    const sh = shell('multi-host');
    assert.equal(run(sh, 'docker-machine create -d generic node2').stderr, 'Error setting machine configuration from flags provided: generic driver requires the --generic-ip-address option\n');
    assert.match(ok(sh, 'docker-machine create -d generic --generic-ip-address 192.168.1.12 node2'), /Provisioning with ubuntu\(systemd\)\.\.\.\nInstalling Docker\.\.\./);
    assert.match(ok(sh, 'docker-machine ls'), /node2 +- +generic +Running +tcp:\/\/192\.168\.1\.12:2376 +v26\.1\.5\+dfsg1/);
    const bad = run(sh, 'docker-machine create -d generic --generic-ip-address 192.168.1.99 ghost');
    assert.equal(bad.exitCode, 1);
    assert.equal(bad.stderr, 'Error creating machine: Error detecting OS: Too many retries waiting for SSH to be available.  Last error: Maximum number of retries (60) exceeded\n');
  });
});
