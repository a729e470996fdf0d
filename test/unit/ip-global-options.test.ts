/** ip's global options as iproute2 6.1 abbreviates them (checked with the real ip: only -V, which touches no network). */
import { strict as assert } from 'node:assert';
import { bareShell } from './helpers';

describe('ip: global option abbreviations', () => {
  it('-r is -resolve (tried before -rcvbuf), -rc is -rcvbuf and takes a size', () => {
    const sh = bareShell();
    assert.equal(sh.run('ip -r -V').stdout, 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
    assert.equal(sh.run('ip -rc 1000 -V').stdout, 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
    assert.match(sh.run('ip -r -4 addr show dev lo').stdout, /inet 127\.0\.0\.1\/8 scope host lo/);
  });
});
