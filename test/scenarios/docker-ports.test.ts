/** Published ports per host address: the seed's -p 127.0.0.1:80:80 and -p 192.168.1.5:80:80. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function dockerShell(): Shell {
  const made = createWorld('docker')!;
  return new Shell(made.world, made.host);
}

describe('docker: ports bound to a host address', () => {
  it('the same port on two different host addresses is fine; 0.0.0.0 collides with any; an address the host lacks cannot be bound', () => {
    const sh = dockerShell();
    assert.equal(sh.run('docker run -d -p 127.0.0.1:80:80 --name local nginx').exitCode, 0);
    assert.equal(sh.run('docker run -d -p 192.168.1.2:80:80 --name lan nginx').exitCode, 0);
    const any = sh.run('docker run -d -p 80:80 --name all nginx');
    assert.equal(any.exitCode, 125);
    // The allocator keeps 0.0.0.0 apart from 127.0.0.1; docker-proxy's listen fails (recorded, Engine 26: network-edges / probe).
    assert.match(any.stderr, /: Error starting userland proxy: listen tcp4 0\.0\.0\.0:80: bind: address already in use\n/);
    const foreign = sh.run('docker run -d -p 192.168.1.5:80:80 --name my-nginx nginx');
    assert.equal(foreign.exitCode, 125);
    assert.match(foreign.stderr, /^docker: Error response from daemon: driver failed programming external connectivity on endpoint my-nginx \([0-9a-f]{64}\): Error starting userland proxy: listen tcp4 192\.168\.1\.5:80: bind: cannot assign requested address\n/m);
    assert.equal(sh.run("docker inspect -f '{{.State.Status}}' my-nginx").stdout, 'created\n');
    assert.match(sh.run('curl -s 127.0.0.1:80').stdout, /<title>Welcome to nginx!<\/title>/);
  });
});
