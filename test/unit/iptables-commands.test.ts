import { strict as assert } from 'node:assert';
import { createBareWorld } from '../../src/engine/presets';
import { rootNs } from '../../src/engine/host';
import { parseIpv4 } from '../../src/engine/net/ipv4';
import { runHook, type HookContext } from '../../src/engine/netfilter/hook';
import type { Packet } from '../../src/engine/packet/packet';
import { ctime } from '../../src/common/clock';
import { Shell } from '../../src/shell/shell';

const ip = (s: string) => parseIpv4(s)!;

function fresh() {
  const { world, host } = createBareWorld();
  return { world, ns: rootNs(world, host), sh: new Shell(world, host) };
}

/** Runs lines, failing on the first that does not exit 0. */
function ok(sh: Shell, ...lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const r = sh.run(line);
    assert.equal(r.exitCode, 0, `${line}\n${r.stderr}`);
    out += r.stdout;
  }
  return out;
}

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

describe('iptables: rule commands', () => {
  it('appends, inserts at a position, replaces and deletes by number and by specification', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -A INPUT -s 10.0.0.0/8 -j DROP', 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT', 'iptables -I INPUT -i lo -j ACCEPT', 'iptables -I INPUT 3 -p icmp -j ACCEPT');
    assert.equal(ok(sh, 'iptables -S INPUT'), '-P INPUT ACCEPT\n-A INPUT -i lo -j ACCEPT\n-A INPUT -s 10.0.0.0/8 -j DROP\n-A INPUT -p icmp -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n');
    ok(sh, 'iptables -R INPUT 2 -s 10.0.0.0/8 -j REJECT', 'iptables -D INPUT -p icmp -j ACCEPT', 'iptables -D INPUT 1');
    assert.equal(ok(sh, 'iptables -S INPUT'), '-P INPUT ACCEPT\n-A INPUT -s 10.0.0.0/8 -j REJECT --reject-with icmp-port-unreachable\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n');
  });

  it('-D by specification matches the canonical rule however it was written', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -A INPUT -s 192.168.1.3 -p TCP -m tcp --destination-port ssh -j ACCEPT');
    ok(sh, 'iptables -C INPUT --src 192.168.1.3/32 -p 6 --dport 22 -j ACCEPT', 'iptables --delete INPUT -s 192.168.1.3/255.255.255.255 -p tcp --dport 22 --jump ACCEPT');
    assert.equal(ok(sh, 'iptables -S INPUT'), '-P INPUT ACCEPT\n');
  });

  it('makes one rule per source and destination address', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -A FORWARD -s 10.0.0.1,10.0.0.2 -d 8.8.8.8,1.1.1.1 -j ACCEPT');
    assert.equal(
      ok(sh, 'iptables -S FORWARD'),
      ['-P FORWARD ACCEPT', ...['10.0.0.1', '10.0.0.2'].flatMap((s) => ['8.8.8.8', '1.1.1.1'].map((d) => `-A FORWARD -s ${s}/32 -d ${d}/32 -j ACCEPT`)), ''].join('\n'),
    );
  });

  it('echoes rules with -v', () => {
    const { sh } = fresh();
    assert.equal(ok(sh, 'iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT'), 'ACCEPT  tcp opt -- in * out *  1.2.3.4  -> 0.0.0.0/0   tcp dpt:22\n');
    assert.equal(ok(sh, 'iptables -v -F'), "Flushing chain `INPUT'\nFlushing chain `FORWARD'\nFlushing chain `OUTPUT'\n");
  });

  it('sets counters with -c and zeroes them with -Z', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -A INPUT -c 1234567 99999999 -j ACCEPT');
    assert.match(ok(sh, 'iptables -L INPUT -v'), /\n1235K  100M ACCEPT /);
    assert.match(ok(sh, 'iptables -L INPUT -v -x'), /\n 1234567 99999999 ACCEPT /);
    ok(sh, 'iptables -Z INPUT');
    assert.match(ok(sh, 'iptables -L INPUT -v'), /\n {4}0 {5}0 ACCEPT /);
  });
});

describe('iptables: chains and policies', () => {
  it('creates, renames (moving references), flushes and deletes user chains', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -N web', 'iptables -A web -p tcp --dport 80 -j ACCEPT', 'iptables -A INPUT -p tcp -j web', 'iptables -E web www');
    assert.equal(ok(sh, 'iptables -S'), '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N www\n-A INPUT -p tcp -j www\n-A www -p tcp -m tcp --dport 80 -j ACCEPT\n');
    assert.equal(sh.run('iptables -X www').exitCode, 4);
    ok(sh, 'iptables -F', 'iptables -X www');
    assert.equal(ok(sh, 'iptables -S'), '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
  });

  it('lists user chains sorted with their reference counts', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -N b', 'iptables -N A', 'iptables -A INPUT -j b', 'iptables -A FORWARD -g b');
    const out = ok(sh, 'iptables -L -n');
    assert.ok(out.indexOf('Chain A (0 references)') < out.indexOf('Chain b (2 references)'));
    assert.match(out, /b {10}0 {4}-- {2}0\.0\.0\.0\/0 {12}0\.0\.0\.0\/0 {11}\[goto\] \n/);
  });

  it('sets built-in policies only', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -P FORWARD DROP');
    assert.match(ok(sh, 'iptables -L FORWARD'), /^Chain FORWARD \(policy DROP\)\n/);
    assert.equal(sh.run('iptables -N x; iptables -P x DROP').stderr, 'iptables: Bad built-in chain name.\n');
    assert.equal(sh.run('iptables -P INPUT REJECT').stderr, "iptables: Bad policy name. Run `dmesg' for more information.\n");
  });
});

describe('iptables: tables', () => {
  it('iptables-save shows only tables something wrote to, listing creates none', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -L', 'iptables -t nat -L', 'iptables -F', 'iptables -Z');
    assert.equal(ok(sh, 'iptables-save'), '');
    ok(sh, 'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    const saved = ok(sh, 'iptables-save');
    assert.match(saved, /^# Generated by iptables-save v1\.8\.9 \(nf_tables\) on Thu Jan 15 09:30:00 2026\n\*nat\n:PREROUTING ACCEPT \[0:0\]\n/);
    assert.doesNotMatch(saved, /\*filter/);
    assert.match(ok(sh, 'iptables-save -t raw'), /\*raw\n:PREROUTING ACCEPT \[0:0\]\n:OUTPUT ACCEPT \[0:0\]\nCOMMIT\n/);
  });

  it('prints the date like ctime(3)', () => {
    assert.equal(ctime(Date.UTC(2026, 10, 24, 13, 22, 31)), 'Tue Nov 24 13:22:31 2026');
    assert.equal(ctime(Date.UTC(2026, 0, 5, 7, 8, 9)), 'Mon Jan  5 07:08:09 2026');
  });

  it('refuses unknown tables and targets in the wrong table or chain', () => {
    const { sh } = fresh();
    const cases: [string, string, number][] = [
      ['iptables -t foo -L', "iptables v1.8.9 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3],
      ['iptables -A INPUT -j DNAT --to-destination 1.2.3.4', 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n', 4],
      ['iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4', 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING\n', 4],
      ['iptables -t nat -I PREROUTING -j MASQUERADE', 'iptables v1.8.9 (nf_tables):  RULE_INSERT failed (Invalid argument): rule in chain PREROUTING\n', 4],
      ['iptables -t mangle -A INPUT -j REJECT', 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n', 4],
      ['iptables -A INPUT -j INPUT', 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Operation not supported): rule in chain INPUT\n', 4],
      ['iptables -t nat -A PREROUTING -j DROP', `iptables v1.8.9 (nf_tables): \nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n\n${TRY}`, 2],
    ];
    for (const [line, stderr, code] of cases) {
      const r = sh.run(line);
      assert.deepEqual([r.stderr, r.exitCode], [stderr, code], line);
    }
  });

  it('checks targets reachable through user chains against the hook, and loops', () => {
    const { sh } = fresh();
    ok(sh, 'iptables -t nat -N U', 'iptables -t nat -A U -j MASQUERADE', 'iptables -N A', 'iptables -N B', 'iptables -A A -j B', 'iptables -A B -j A');
    assert.equal(sh.run('iptables -t nat -A PREROUTING -j U').exitCode, 4);
    ok(sh, 'iptables -t nat -A POSTROUTING -j U');
    assert.equal(sh.run('iptables -A INPUT -j A').stderr, 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n');
  });
});

describe('iptables: a failing command changes nothing', () => {
  const failing = [
    'iptables -A INPUT -s 1.2.3.4,5.6.7.8 -j nochain',
    'iptables -A NOPE -j ACCEPT',
    'iptables -I INPUT 9 -j ACCEPT',
    'iptables -X',
    'iptables -t nat -A PREROUTING -j MASQUERADE',
    'iptables -D INPUT -j DROP',
    'iptables -N web',
    'iptables -E web INPUT',
  ];
  for (const line of failing) {
    it(line, () => {
      const { world, sh } = fresh();
      ok(sh, 'iptables -N web', 'iptables -A web -j ACCEPT', 'iptables -A INPUT -j web');
      const before = JSON.stringify(world.state);
      const r = sh.run(line);
      assert.notEqual(r.exitCode, 0);
      assert.equal(JSON.stringify(world.state), before);
    });
  }
});

describe('iptables rules in the packet path', () => {
  const ctx = (inIface: string | null, outIface: string | null): HookContext => ({ inIface, outIface, now: 0, isLocal: (a) => a === ip('192.168.1.2') });
  const ping = (src: string, dst: string, type: 'echo-request' | 'echo-reply'): Packet => ({ src: ip(src), dst: ip(dst), proto: 'icmp', ttl: 64, length: 84, icmp: { type, id: 9, seq: 1 } });

  it('MASQUERADE written with iptables rewrites a namespace ping and its reply', () => {
    const { ns, sh } = fresh();
    ok(sh, 'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE', 'iptables -P FORWARD DROP', 'iptables -A FORWARD -i v-net-0 -j ACCEPT', 'iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    let p = ping('192.168.15.2', '8.8.8.8', 'echo-request');
    for (const [hook, i, o] of [['PREROUTING', 'v-net-0', null], ['FORWARD', 'v-net-0', 'eth0'], ['POSTROUTING', null, 'eth0']] as const) p = runHook(ns, hook, p, ctx(i, o)).packet;
    assert.equal(p.src, ip('192.168.1.2'));
    let reply = ping('8.8.8.8', '192.168.1.2', 'echo-reply');
    reply = runHook(ns, 'PREROUTING', reply, ctx('eth0', null)).packet;
    const fwd = runHook(ns, 'FORWARD', reply, ctx('eth0', 'v-net-0'));
    assert.equal(fwd.verdict.kind, 'accept');
    assert.equal(fwd.packet.dst, ip('192.168.15.2'));
    assert.match(ok(sh, 'iptables -L FORWARD -v -n'), /policy DROP 0 packets[^]*\n {4}1 {4}84 ACCEPT {5}0 {4}-- {2}v-net-0[^]*\n {4}1 {4}84 ACCEPT .* ctstate RELATED,ESTABLISHED\n$/);
    assert.match(ok(sh, 'iptables -t nat -L POSTROUTING -v -n'), /\n {4}1 {4}84 MASQUERADE /);
  });
});
