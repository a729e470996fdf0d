import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';
import { refreshNeighbours } from '../../src/engine/packet/walk';
import { bridged, ip, mustRun, ns, vethPair } from './packet-fixtures';

/** ping output with the volatile timings replaced, as test/oracle/normalize does. */
function norm(text: string): string {
  return text
    .replace(/\btime=\d+(?:\.\d+)? ms\b/g, 'time=T ms')
    .replace(/^rtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/gm, 'rtt min/avg/max/mdev = T/T/T/T ms');
}

describe('ping', () => {
  it('prints replies and statistics like iputils 20221126', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping -c 2 192.168.15.2');
    assert.equal(
      norm(r.stdout),
      [
        'PING 192.168.15.2 (192.168.15.2) 56(84) bytes of data.',
        '64 bytes from 192.168.15.2: icmp_seq=1 ttl=64 time=T ms',
        '64 bytes from 192.168.15.2: icmp_seq=2 ttl=64 time=T ms',
        '',
        '--- 192.168.15.2 ping statistics ---',
        '2 packets transmitted, 2 received, 0% packet loss, time 1000ms',
        'rtt min/avg/max/mdev = T/T/T/T ms',
        '',
      ].join('\n'),
    );
    assert.deepEqual([r.stderr, r.exitCode], ['', 0]);
  });

  it('advances the simulated clock by the interval, not the wall clock', () => {
    const sh = vethPair();
    const before = sh.world.clock.now();
    sh.run('ip netns exec red ping -c 3 -i 0.2 192.168.15.2');
    assert.equal(sh.world.clock.now() - before, 401);
  });

  it('a reply forwarded once shows ttl=63', () => {
    const r = bareShell().run('ping -c 1 -W 1 8.8.8.8');
    assert.match(r.stdout, /^64 bytes from 8\.8\.8\.8: icmp_seq=1 ttl=63 time=/m);
  });

  it('with no route: connect: Network is unreachable, exit 2', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping -c 1 8.8.8.8');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', 'ping: connect: Network is unreachable\n', 2]);
  });

  it('an unanswered ARP with -W 1 ends before the error comes: 100% loss, exit 1, 1 s', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping -c 1 -W 1 192.168.15.9');
    assert.equal(r.stdout, 'PING 192.168.15.9 (192.168.15.9) 56(84) bytes of data.\n\n--- 192.168.15.9 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n');
    assert.equal(r.exitCode, 1);
    assert.equal(sh.world.clock.now(), 1000);
  });

  it('four requests to a silent neighbour: host unreachable for all of them at 3 s, pipe 4', () => {
    const sh = vethPair();
    mustRun(sh, ['ip -n red link set lo up']);
    const r = sh.run('ip netns exec red ping -c 4 192.168.15.30');
    assert.equal(
      r.stdout,
      [
        'PING 192.168.15.30 (192.168.15.30) 56(84) bytes of data.',
        ...[1, 2, 3, 4].map((n) => `From 192.168.15.1 icmp_seq=${n} Destination Host Unreachable`),
        '',
        '--- 192.168.15.30 ping statistics ---',
        '4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 3000ms',
        'pipe 4',
        '',
      ].join('\n'),
    );
    assert.equal(r.exitCode, 1);
    const red = ns(sh, 'red');
    refreshNeighbours(sh.world, red);
    assert.equal(red.neigh.find((n) => n.ip === ip('192.168.15.30'))?.state, 'FAILED');
  });

  it('with lo down the kernel cannot tell ping about the failed ARP (Linux does the same)', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping -c 2 -W 5 192.168.15.31');
    assert.doesNotMatch(r.stdout, /From/);
    assert.match(r.stdout, /2 packets transmitted, 0 received, 100% packet loss, time 1000ms/);
  });

  it('without -c stops after 4 requests, as if interrupted', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping 192.168.15.2');
    assert.match(r.stdout, /icmp_seq=4 ttl=64/);
    assert.match(r.stdout, /4 packets transmitted, 4 received, 0% packet loss, time 3000ms/);
    assert.equal(sh.world.clock.now(), 4000);
  });

  it('-w ends at the deadline and -q keeps only the summary', () => {
    const sh = vethPair();
    const r = sh.run('ip netns exec red ping -q -w 2 192.168.15.2');
    assert.equal(norm(r.stdout), 'PING 192.168.15.2 (192.168.15.2) 56(84) bytes of data.\n\n--- 192.168.15.2 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\nrtt min/avg/max/mdev = T/T/T/T ms\n');
  });

  it('-s below 16 bytes prints no times; -s 1000 shows 1008 bytes', () => {
    const sh = vethPair();
    assert.equal(sh.run('ip netns exec red ping -c 1 -s 4 192.168.15.2').stdout, 'PING 192.168.15.2 (192.168.15.2) 4(32) bytes of data.\n12 bytes from 192.168.15.2: icmp_seq=1 ttl=64\n\n--- 192.168.15.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n\n');
    assert.match(sh.run('ip netns exec red ping -c 1 -s 1000 192.168.15.2').stdout, /^PING 192\.168\.15\.2 \(192\.168\.15\.2\) 1000\(1028\) bytes of data\.\n1008 bytes from/);
  });

  it('-I with an interface or an address', () => {
    const sh = vethPair();
    assert.match(sh.run('ip netns exec red ping -c 1 -I veth-red 192.168.15.2').stdout, /^PING 192\.168\.15\.2 \(192\.168\.15\.2\) from 192\.168\.15\.1 veth-red: 56\(84\) bytes of data\./);
    assert.match(sh.run('ip netns exec red ping -c 1 -I 192.168.15.1 192.168.15.2').stdout, /^PING 192\.168\.15\.2 \(192\.168\.15\.2\) from 192\.168\.15\.1 : 56\(84\)/);
    assert.deepEqual(sh.run('ip netns exec red ping -c 1 -I nope 192.168.15.2').stderr, 'ping: SO_BINDTODEVICE nope: No such device\n');
    assert.deepEqual(sh.run('ip netns exec red ping -c 1 -I 10.0.0.1 192.168.15.2').stderr, 'ping: bind: Cannot assign requested address\n');
  });

  it('-t 1 to the internet: the router says Time to live exceeded', () => {
    const r = bareShell().run('ping -c 1 -W 1 -t 1 8.8.8.8');
    assert.match(r.stdout, /^From 192\.168\.1\.1 icmp_seq=1 Time to live exceeded$/m);
    assert.match(r.stdout, /1 packets transmitted, 0 received, \+1 errors, 100% packet loss/);
  });

  it('OUTPUT DROP loses the request quietly; OUTPUT REJECT reports it and sendmsg fails (nf_tables)', () => {
    const sh = bareShell();
    mustRun(sh, ['iptables -A OUTPUT -d 192.168.1.3 -p icmp -j DROP', 'iptables -A OUTPUT -d 192.168.1.1 -p icmp -j REJECT']);
    const dropped = sh.run('ping -c 1 -W 1 192.168.1.3');
    assert.deepEqual([dropped.stderr, dropped.exitCode], ['', 1]);
    const rejected = sh.run('ping -c 1 -W 1 192.168.1.1');
    assert.match(rejected.stdout, /^From 192\.168\.1\.2 icmp_seq=1 Destination Port Unreachable$/m);
    assert.equal(rejected.stderr, 'ping: sendmsg: Operation not permitted\n');
  });

  it('names come from /etc/hosts; replies then show the name', () => {
    const sh = bareShell();
    mustRun(sh, ["echo '192.168.1.3 lanhost' >> /etc/hosts"]);
    const r = sh.run('ping -c 1 lanhost');
    assert.match(r.stdout, /^PING lanhost \(192\.168\.1\.3\) 56\(84\) bytes of data\.\n64 bytes from lanhost \(192\.168\.1\.3\): icmp_seq=1/);
    assert.match(sh.run('ping -c 1 -n lanhost').stdout, /64 bytes from 192\.168\.1\.3: icmp_seq=1/);
    assert.deepEqual([sh.run('ping -c 1 foo').stderr, sh.run('ping -c 1 foo').exitCode], ['ping: foo: Temporary failure in name resolution\n', 2]);
  });

  it('localhost is ::1 first, as getaddrinfo sorts it', () => {
    const r = bareShell().run('ping -c 1 localhost');
    assert.match(r.stdout, /^PING localhost\(localhost \(::1\)\) 56 data bytes\n64 bytes from localhost \(::1\): icmp_seq=1 ttl=64 time=/);
  });

  const ERRORS: [string, string, number][] = [
    ['ping', 'ping: usage error: Destination address required\n', 1],
    ['ping -c 0 192.168.1.3', "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1],
    ['ping -c abc 192.168.1.3', "ping: invalid argument: 'abc'\n", 1],
    ['ping -c 1 192.168.1.255', 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n', 2],
  ];
  for (const [line, stderr, code] of ERRORS) {
    it(`${line} -> exit ${code}`, () => {
      const r = bareShell().run(line);
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', stderr, code]);
    });
  }

  it('an unknown option prints the usage, exit 2', () => {
    const r = bareShell().run('ping -z 192.168.1.3');
    assert.match(r.stderr, /^ping: invalid option -- 'z'\n\nUsage\n  ping \[options\] <destination>\n/);
    assert.equal(r.exitCode, 2);
  });

  it('random argument vectors never throw nor print JavaScript internals', () => {
    const sh = bridged();
    const word = fc.constantFrom('-c', '-i', '-W', '-w', '-I', '-q', '-s', '-t', '-n', '-b', '-4', '-6', '-z', '--', '0', '1', '2', '0.2', '-1', 'abc', '65508', '999999999999', 'veth-red', 'v-net-0', 'lo', '192.168.15.1', '192.168.15.2', '192.168.15.9', '192.168.1.3', '8.8.8.8', '127.0.0.1', '::1', 'localhost', '192.168.1', '0.0.0.0', '255.255.255.255', '');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), fc.constantFrom('', 'ip netns exec blue '), (args, prefix) => {
        const r = sh.run(`${prefix}ping ${args.map((a) => `'${a}'`).join(' ')}`);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS);
        // `ping -c 65508` runs into the line's simulated-time limit (src/engine/limits.ts): Ctrl-C, status 130.
        const limited = /\(the limit for one (command line|ping)\)\n$/.test(r.stderr);
        assert.ok([0, 1, 2].includes(r.exitCode) || (limited && r.exitCode !== 0), `exit ${r.exitCode}: ${r.stderr}`);
      }),
      { numRuns: 150 },
    );
  });
});
