/**
 * docker swarm ca (display, --rotate with its progress, -d, -q, errors) and docker swarm update's
 * settings, against the texts recorded from docker/cli 28.2.2 and Engine 26.1.5 (issue 5).
 */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { sha256Hex } from '../../src/engine/docker/layers-sha256';

function manager(): Shell {
  const { world, host } = createWorld('multi-host')!;
  const sh = new Shell(world, host);
  ok(sh, 'docker swarm init');
  return sh;
}

function ok(sh: Shell, line: string): string {
  const r = sh.run(line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}

function fails(sh: Shell, line: string, code: number, stderr: string): void {
  const r = sh.run(line);
  assert.deepEqual({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, { stdout: '', stderr, exitCode: code }, line);
}

const NOT_MANAGER = 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';
const usage = (cmd: string, message: string) => `${message}\n\nUsage:  docker swarm ${cmd} [OPTIONS]\n\nRun 'docker swarm ${cmd} --help' for more information\n`;

/** The DER bytes of a PEM certificate, after checking Go's pem.Encode layout. */
function der(pem: string): Buffer {
  const m = /^-----BEGIN CERTIFICATE-----\n((?:[A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n)-----END CERTIFICATE-----\n$/.exec(pem);
  assert.ok(m, pem);
  return Buffer.from(m[1]!.replace(/\n/g, ''), 'base64');
}

function write(sh: Shell, path: string, text: string): void {
  assert.equal(sh.fs.write(path, text, false, sh.world.netns(sh.host.rootNsId)), null);
}

function tokenDigest(sh: Shell): string {
  return ok(sh, 'docker swarm join-token -q worker').split('-')[2]!;
}

describe('docker swarm ca', () => {
  it('needs a swarm manager', () => {
    const { world, host } = createWorld('multi-host')!;
    fails(new Shell(world, host), 'docker swarm ca', 1, NOT_MANAGER);
  });

  it('prints the root CA: swarmkit\'s certificate layout, CN=swarm-ca, 20 years from 5 minutes before init', () => {
    const sh = manager();
    const pem = ok(sh, 'docker swarm ca');
    const bytes = der(pem);
    // SEQUENCE { SEQUENCE (272-byte TBS) { [0] v3, INTEGER (20-byte serial), ecdsa-with-SHA256 …
    assert.equal(bytes.subarray(0, 2).toString('hex'), '3082');
    assert.equal(bytes.readUInt16BE(2), bytes.length - 4);
    assert.equal(bytes.subarray(4, 15).toString('hex'), '30820110a00302010202' + '14');
    assert.equal(bytes.subarray(35, 47).toString('hex'), '300a06082a8648ce3d040302');
    const text = bytes.toString('latin1');
    assert.equal(text.split('swarm-ca').length - 1, 2, 'issuer and subject');
    // Simulated time starts at 2026-01-15 09:30:00 UTC; init ran at once.
    assert.ok(text.includes('260115092500Z') && text.includes('460110092500Z'), 'validity');
    assert.equal(ok(sh, 'docker swarm ca'), pem, 'the same certificate every time');
  });

  it('is the same for the same seed and different for another swarm', () => {
    assert.equal(ok(manager(), 'docker swarm ca'), ok(manager(), 'docker swarm ca'));
    const sh = manager();
    ok(sh, 'docker swarm leave --force');
    const first = ok(manager(), 'docker swarm ca');
    ok(sh, 'docker swarm init');
    assert.notEqual(ok(sh, 'docker swarm ca'), first);
  });

  it('--rotate follows the rotation like the CLI without a terminal, then prints the new root (3.2 s)', () => {
    const sh = manager();
    const before = ok(sh, 'docker swarm ca');
    const digest = tokenDigest(sh);
    const t0 = sh.world.clock.now();
    const out = ok(sh, 'docker swarm ca --rotate');
    const after = ok(sh, 'docker swarm ca');
    assert.notEqual(after, before);
    const expected = [
      'desired root digest: ',
      '  rotated TLS certificates: ',
      '  rotated CA certificates:  ',
      ...Array(15).fill(`desired root digest: sha256:${sha256Hex(before)}`),
      `desired root digest: sha256:${sha256Hex(after)}`,
    ].join('\n') + '\n' + after;
    assert.equal(out, expected);
    assert.equal(sh.world.clock.now() - t0, 3200);
    assert.notEqual(tokenDigest(sh), digest, 'join tokens carry the new root\'s digest');
  });

  it('an old join token no longer joins after a rotation', () => {
    const sh = manager();
    const old = ok(sh, 'docker swarm join-token -q worker').trim();
    ok(sh, 'docker swarm ca --rotate -d');
    assert.notEqual(sh.run(`ssh node2 docker swarm join --token ${old} 192.168.1.11:2377`).exitCode, 0);
    const fresh = ok(sh, 'docker swarm join-token -q worker').trim();
    assert.equal(ok(sh, `ssh node2 docker swarm join --token ${fresh} 192.168.1.11:2377`), 'This node joined a swarm as a worker.\n');
  });

  it('-d returns at once and -q waits silently; both rotate', () => {
    const sh = manager();
    const first = ok(sh, 'docker swarm ca');
    const t0 = sh.world.clock.now();
    assert.equal(ok(sh, 'docker swarm ca --rotate -d'), '');
    assert.equal(sh.world.clock.now(), t0);
    const second = ok(sh, 'docker swarm ca');
    assert.notEqual(second, first);
    assert.equal(ok(sh, 'docker swarm ca --rotate --quiet'), '');
    assert.equal(sh.world.clock.now() - t0, 3200);
    assert.notEqual(ok(sh, 'docker swarm ca'), second);
  });

  it('rotates to a given certificate and key', () => {
    const sh = manager();
    const given = ok(sh, 'docker swarm ca');
    ok(sh, 'docker swarm ca --rotate -d');
    write(sh, '/root/ca.pem', given);
    write(sh, '/root/ca.key', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n');
    const out = ok(sh, 'docker swarm ca --rotate --ca-cert /root/ca.pem --ca-key /root/ca.key');
    assert.ok(out.endsWith(given), out);
    assert.equal(ok(sh, 'docker swarm ca'), given);
  });

  it('refuses what docker/cli and the daemon refuse, and changes nothing', () => {
    const sh = manager();
    const pem = ok(sh, 'docker swarm ca');
    const digest = tokenDigest(sh);
    fails(sh, 'docker swarm ca extra', 1, "docker: 'docker swarm ca' accepts no arguments\n\nUsage:  docker swarm ca [OPTIONS]\n\nRun 'docker swarm ca --help' for more information\n");
    fails(sh, 'docker swarm ca --cert-expiry 48h', 1, '`--cert-expiry` flag requires the `--rotate` flag to update the CA\n');
    fails(sh, 'docker swarm ca --ca-cert /etc/hostname', 125, usage('ca', 'invalid argument "/etc/hostname" for "--ca-cert" flag: file contents must be in PEM format'));
    fails(sh, 'docker swarm ca --ca-cert /nonexistent', 125, usage('ca', 'invalid argument "/nonexistent" for "--ca-cert" flag: open /nonexistent: no such file or directory'));
    fails(sh, 'docker swarm ca --bogus', 125, usage('ca', 'unknown flag: --bogus'));
    fails(sh, 'docker swarm ca --external-ca foo', 125, usage('ca', "invalid argument \"foo\" for \"--external-ca\" flag: invalid field 'foo' must be a key=value pair"));
    fails(sh, 'docker swarm ca --rotate --external-ca protocol=cfssl,url=https://x', 1, "rotating to an external CA requires the `--ca-cert` flag to specify the external CA's cert - to add an external CA with the current root CA certificate, use the `update` command instead\n");
    write(sh, '/root/ca.pem', pem);
    fails(sh, 'docker swarm ca --rotate --ca-cert /root/ca.pem', 1, 'the --ca-cert flag requires that a --ca-key flag and/or --external-ca flag be provided as well\n');
    fails(sh, 'docker swarm ca --rotate --cert-expiry 10m', 1, 'Error response from daemon: rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s\n');
    assert.equal(ok(sh, 'docker swarm ca'), pem);
    assert.equal(tokenDigest(sh), digest);
  });
});

describe('docker swarm update', () => {
  it('prints its help without flags and "Swarm updated." with them', () => {
    const sh = manager();
    const help = ok(sh, 'docker swarm update');
    assert.ok(help.startsWith('Usage:  docker swarm update [OPTIONS]\n\nUpdate the swarm\n\nOptions:\n      --autolock                        Change manager autolocking\n'), help);
    assert.ok(help.endsWith('      --task-history-limit int          Task history retention limit\n                                        (default 5)\n'), help);
    assert.equal(ok(sh, 'docker swarm update --task-history-limit 2'), 'Swarm updated.\n');
    assert.equal(ok(sh, 'docker swarm update --cert-expiry 48h --dispatcher-heartbeat 10s --snapshot-interval 5 --max-snapshots 2'), 'Swarm updated.\n');
    assert.equal(ok(sh, 'docker swarm update --autolock=false'), 'Swarm updated.\n');
  });

  it('turning autolock on prints the key as docker/cli 28 does', () => {
    const out = ok(manager(), 'docker swarm update --autolock');
    assert.match(out, /^Swarm updated\.\nTo unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n {4}SWMKEY-1-[A-Za-z0-9+/]{43}\n\nRemember to store this key in a password manager, since without it you\nwill not be able to restart the manager\.\n$/);
  });

  it('checks values as pflag and the daemon do', () => {
    const sh = manager();
    const { world, host } = createWorld('multi-host')!;
    fails(new Shell(world, host), 'docker swarm update --task-history-limit 2', 1, NOT_MANAGER);
    fails(sh, 'docker swarm update --cert-expiry bogus', 125, usage('update', 'invalid argument "bogus" for "--cert-expiry" flag: time: invalid duration "bogus"'));
    fails(sh, 'docker swarm update --dispatcher-heartbeat 10', 125, usage('update', 'invalid argument "10" for "--dispatcher-heartbeat" flag: time: missing unit in duration "10"'));
    fails(sh, 'docker swarm update --dispatcher-heartbeat 5x', 125, usage('update', 'invalid argument "5x" for "--dispatcher-heartbeat" flag: time: unknown unit "x" in duration "5x"'));
    fails(sh, 'docker swarm update --task-history-limit x', 125, usage('update', 'invalid argument "x" for "--task-history-limit" flag: strconv.ParseInt: parsing "x": invalid syntax'));
    fails(sh, 'docker swarm update --task-history-limit 99999999999999999999', 125, usage('update', 'invalid argument "99999999999999999999" for "--task-history-limit" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'));
    fails(sh, 'docker swarm update --max-snapshots x', 125, usage('update', 'invalid argument "x" for "--max-snapshots" flag: strconv.ParseUint: parsing "x": invalid syntax'));
    fails(sh, 'docker swarm update --autolock=maybe', 125, usage('update', 'invalid argument "maybe" for "--autolock" flag: strconv.ParseBool: parsing "maybe": invalid syntax'));
    fails(sh, 'docker swarm update --bogus', 125, usage('update', 'unknown flag: --bogus'));
    fails(sh, 'docker swarm update extra', 1, "docker: 'docker swarm update' accepts no arguments\n\nUsage:  docker swarm update [OPTIONS]\n\nRun 'docker swarm update --help' for more information\n");
    fails(sh, 'docker swarm update --cert-expiry 10m', 1, 'Error response from daemon: rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s\n');
    fails(sh, 'docker swarm update --cert-expiry -1h', 1, 'Error response from daemon: rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s\n');
  });

  it('--task-history-limit trims the tasks kept per slot (1: only the current one; -1: all)', () => {
    const sh = manager();
    ok(sh, 'docker service create -d --name web --replicas 1 nginx');
    const history = () => ok(sh, 'docker service ps web').trim().split('\n').length - 1;
    for (let i = 0; i < 6; i++) ok(sh, 'docker service update -d --force web');
    assert.equal(history(), 5, 'the default keeps 5 per slot');
    ok(sh, 'docker swarm update --task-history-limit -1');
    for (let i = 0; i < 3; i++) ok(sh, 'docker service update -d --force web');
    assert.equal(history(), 8);
    ok(sh, 'docker swarm update --task-history-limit 1');
    ok(sh, 'docker service update -d --force web');
    assert.equal(history(), 1);
  });
});
