import { strict as assert } from 'node:assert';
import { createBareWorld, createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function bare(): Shell {
  const { world, host } = createBareWorld();
  return new Shell(world, host);
}

function ok(sh: Shell, ...lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const r = sh.run(line);
    assert.equal(r.exitCode, 0, `${line}\n${r.stderr}`);
    out += r.stdout;
  }
  return out;
}

const WARN = (t: string) => `# Warning: table ip ${t} is managed by iptables-nft, do not touch!\n`;

describe('nft list: what iptables-nft wrote', () => {
  it('prints nothing for an empty ruleset, and listing does not create tables', () => {
    const sh = bare();
    ok(sh, 'iptables -L -n', 'iptables -t nat -S');
    const r = sh.run('nft list ruleset');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', '', 0]);
    assert.equal(sh.run('nft list tables').stdout, '');
  });

  it('lists tables and chains in creation order, only the chains written to', () => {
    const sh = bare();
    ok(sh, 'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE', 'iptables -P FORWARD DROP', 'iptables -N LOGDROP', 'iptables -A INPUT -i lo -j ACCEPT', 'iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80');
    assert.equal(ok(sh, 'nft list tables'), 'table ip nat\ntable ip filter\n');
    assert.equal(
      ok(sh, 'nft list table ip filter'),
      'table ip filter {\n\tchain FORWARD {\n\t\ttype filter hook forward priority filter; policy drop;\n\t}\n\n\tchain LOGDROP {\n\t}\n\n' +
        '\tchain INPUT {\n\t\ttype filter hook input priority filter; policy accept;\n\t\tiifname "lo" counter packets 0 bytes 0 accept\n\t}\n}\n',
    );
    const nat = sh.run('nft list chain ip nat PREROUTING');
    assert.equal(nat.stdout, 'table ip nat {\n\tchain PREROUTING {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\ttcp dport 8080 counter packets 0 bytes 0 dnat to 192.168.15.2:80\n\t}\n}\n');
    assert.equal(nat.stderr, WARN('nat'));
  });

  it('warns only for tables whose listed rules use xt expressions', () => {
    const sh = bare();
    ok(sh, 'iptables -A INPUT -s 10.0.0.0/8 -j DROP', 'iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    assert.equal(sh.run('nft list chain ip filter INPUT').stderr, '');
    assert.equal(sh.run('nft list chain ip filter FORWARD').stderr, WARN('filter'));
    assert.equal(sh.run('nft list chains').stderr, '');
  });

  it('shows counters after traffic', () => {
    const sh = bare();
    ok(sh, 'iptables -A INPUT -p icmp -j ACCEPT', 'ping -c 2 192.168.1.1');
    assert.match(ok(sh, 'nft list chain ip filter INPUT'), /meta l4proto icmp counter packets 2 bytes 168 accept/);
  });

  it('iptables -X forgets empty built-in chains with policy ACCEPT; nft flush ruleset empties everything', () => {
    const sh = bare();
    ok(sh, 'iptables -A INPUT -j ACCEPT', 'iptables -P FORWARD DROP', 'iptables -F', 'iptables -X');
    assert.equal(ok(sh, 'nft list ruleset'), 'table ip filter {\n\tchain FORWARD {\n\t\ttype filter hook forward priority filter; policy drop;\n\t}\n}\n');
    ok(sh, 'nft flush ruleset');
    assert.equal(ok(sh, 'nft list ruleset', 'iptables-save'), '');
    assert.equal(ok(sh, 'iptables -S'), '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
  });

  it('shows the Docker daemon chains in the docker world', () => {
    const { world, host } = createDockerWorld();
    const sh = new Shell(world, host);
    assert.equal(ok(sh, 'nft list tables'), 'table ip nat\ntable ip filter\n');
    assert.match(ok(sh, 'nft list chains'), /chain DOCKER \{\n\t\}\n\tchain DOCKER-ISOLATION-STAGE-1 \{\n\t\}\n\tchain DOCKER-ISOLATION-STAGE-2 \{\n\t\}\n\tchain FORWARD \{\n/);
    const out = ok(sh, 'nft list table ip nat');
    assert.match(out, /chain PREROUTING \{\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tfib daddr type local counter packets \d+ bytes \d+ jump DOCKER\n/);
    assert.match(out, /oifname != "docker0" ip saddr 172\.17\.0\.0\/16 counter packets \d+ bytes \d+ masquerade/);
  });

  const errors: [string, string][] = [
    ['nft list table ip nosuch', 'Error: No such file or directory\nlist table ip nosuch\n              ^^^^^^\n'],
    ['nft list table nosuch', 'Error: No such file or directory\nlist table nosuch\n           ^^^^^^\n'],
    ['nft list chain ip nat POSTROUTING', 'Error: No such file or directory\nlist chain ip nat POSTROUTING\n              ^^^\n'],
    ['nft list', 'Error: syntax error, unexpected newline\nlist\n    ^\n'],
    ['nft list table', 'Error: syntax error, unexpected newline, expecting string\nlist table\n          ^\n'],
    ['nft list rulesets', 'Error: syntax error, unexpected string\nlist rulesets\n     ^^^^^^^^\n'],
    ['nft list ruleset foo', 'Error: syntax error, unexpected string, expecting end of file or newline or semicolon\nlist ruleset foo\n             ^^^\n'],
  ];
  for (const [line, stderr] of errors) {
    it(`${line}: the parser's error, exit 1`, () => assert.deepEqual((({ stdout, stderr: e, exitCode }) => ({ stdout, stderr: e, exitCode }))(bare().run(line)), { stdout: '', stderr, exitCode: 1 }));
  }

  it('says what it does not simulate instead of pretending', () => {
    const r = bare().run('nft add table inet t');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /^vethlab: nft: "add" is not simulated/);
  });
});
