import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';

const WORDS = [
  '-A', '-I', '-D', '-R', '-C', '-L', '-S', '-F', '-Z', '-N', '-X', '-E', '-P', '-t', '-j', '-g', '-m', '-p', '-s', '-d', '-i', '-o',
  '-n', '-v', '-x', '-c', '-f', '-w', '-h', '-V', '--line-numbers', '--append', '--list', '--numeric', '--src', '--dst', '--jump',
  'nat', 'filter', 'mangle', 'raw', 'security', 'foo', 'INPUT', 'FORWARD', 'OUTPUT', 'PREROUTING', 'POSTROUTING', 'web', 'FOO',
  'ACCEPT', 'DROP', 'REJECT', 'RETURN', 'MASQUERADE', 'DNAT', 'SNAT', 'LOG', 'REDIRECT', 'tcp', 'udp', 'icmp', 'all', '47', '0', '1', '2', '99',
  '10.0.0.0/8', '192.168.1.3', '300.1.1.1', '1.2.3.4,5.6.7.8', 'localhost', 'eth0', 'eth+', 'lo', '!', '--dport', '--sport', '22', '1:1024',
  'conntrack', '--ctstate', 'NEW,ESTABLISHED', 'multiport', '--dports', '80,443', 'addrtype', '--dst-type', 'LOCAL', 'comment', '--comment',
  'state', '--state', '--icmp-type', 'echo-request', '--to-destination', '1.2.3.4:80', ':8080', '--to-source', '--to-ports', '1000-2000',
  '--reject-with', 'tcp-reset', '--log-prefix', '--log-level', 'debug', '--random', '--syn', '--tcp-flags', 'SYN,ACK', 'SYN', '-dport', '',
  '--', '-', 'x y', "'", '"',
];

function quote(w: string): string {
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

describe('iptables: property-based robustness', () => {
  it('random argument vectors never throw, never leak internals, and failures change nothing', () => {
    const sh = bareShell();
    sh.run('iptables -N web');
    sh.run('iptables -A web -j RETURN');
    fc.assert(
      fc.property(fc.constantFrom('iptables', 'iptables-save'), fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }), fc.string({ maxLength: 6 }), (prog, words, junk) => {
        const line = [prog, ...words, ...(junk ? [junk] : [])].map(quote).join(' ');
        const before = JSON.stringify(sh.world.state);
        const r = sh.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (r.exitCode !== 0) assert.equal(JSON.stringify(sh.world.state), before, `failed command changed the world: ${line}\n${r.stderr}`);
      }),
      { numRuns: 4000, seed: 7 },
    );
  });

  it('whatever -S prints can be fed back to iptables and prints the same', () => {
    const opt = (...xs: string[]) => fc.constantFrom('', ...xs);
    const rule = fc.tuple(
      opt('-s 10.0.0.0/8', '! -s 192.168.1.3', '-s 1.0.3.4/255.0.255.0', '--src host'),
      opt('-d 192.168.15.0/24', '! -d 8.8.8.8'),
      opt('-i eth0', '! -i veth+', '-i lo'),
      opt('-p tcp --dport 22', '-p tcp ! --sport 1024:65535 --syn', '-p udp --sport domain', '-p icmp --icmp-type echo-request', '! -p icmp',
        '-p tcp -m multiport --dports 80,443,8000:8080', '-p 47', '-p icmp ! --icmp-type 3/1'),
      opt('-m conntrack --ctstate RELATED,ESTABLISHED', '-m state ! --state NEW', '-m addrtype --dst-type LOCAL', "-m comment --comment 'a \"b\" c'", '-f'),
      opt('-j ACCEPT', '-j DROP', '-j REJECT --reject-with icmp-host-prohibited', "-j LOG --log-prefix 'in: ' --log-level 7", '-j RETURN', '-g web', '-j web'),
    );
    const sh = bareShell();
    const other = bareShell();
    sh.run('iptables -N web');
    other.run('iptables -N web');
    fc.assert(
      fc.property(rule, (parts) => {
        const line = `iptables -A INPUT ${parts.filter(Boolean).join(' ')}`;
        const r = sh.run(line);
        assert.equal(r.exitCode, 0, `${line}\n${r.stderr}`);
        const rules = sh.run('iptables -S INPUT').stdout.split('\n').filter((l) => l.startsWith('-A '));
        other.run('iptables -F INPUT');
        for (const saved of rules) assert.equal(other.run(`iptables ${saved}`).exitCode, 0, saved);
        assert.equal(other.run('iptables -S INPUT').stdout, sh.run('iptables -S INPUT').stdout);
        assert.equal(other.run('iptables -L INPUT -v').stdout, sh.run('iptables -L INPUT -v').stdout);
        assert.equal(sh.run(`${line.replace(' -A ', ' -D ')}`).exitCode, 0, 'deleting by the same specification');
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
