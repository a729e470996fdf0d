/**
 * Docker network IPAM checks, table-driven: the client's pairing of --subnet/--ip-range/--gateway
 * (docker/cli 28 consolidateIpam), the daemon's ValidateIPAM and endpoint settings (Engine 26),
 * Go's netip parsing, and the go-template pieces `docker inspect -f` users write for networks.
 * Expected texts are the recorded ones (test/golden/docker/network*.txt) or moby's own test tables.
 */
import { strict as assert } from 'node:assert';
import { endpointIpError, joinErrors, parseGoIpv4, parseNetipAddr, parseNetipPrefix, validateIpam } from '../../src/engine/docker/ipam';
import type { DockerNetwork } from '../../src/engine/docker/types';
import { consolidateIpam } from '../../src/shell/docker/network-ipam';
import { renderTemplate } from '../../src/shell/docker/template';

const ip = (s: string) => parseNetipAddr(s)!;

describe('docker network IPAM: the client pairs subnets, ranges and gateways', () => {
  const cases: Array<[string[], string[], string[], string]> = [
    [[], [], ['10.63.0.1'], 'every ip-range or gateway must have a corresponding subnet'],
    [['10.68.0.0/16'], [], ['10.68.0.1', '10.68.0.2'], 'every ip-range or gateway must have a corresponding subnet'],
    [['10.64.0.0/16'], [], ['bogus'], 'no matching subnet for gateway bogus'],
    [['10.30.0.0/16'], [], ['10.40.0.1'], 'no matching subnet for gateway 10.40.0.1'],
    [['10.65.0.0/16', '10.65.1.0/24'], [], [], 'multiple overlapping subnet configuration is not supported'],
    [['10.66.0.0/16'], ['10.67.0.0/24'], [], 'no matching subnet for range 10.67.0.0/24'],
    [['bogus'], [], ['10.0.0.1'], 'invalid subnet: invalid CIDR address: bogus'],
  ];
  for (const [subnets, ranges, gateways, error] of cases) {
    it(`${JSON.stringify({ subnets, ranges, gateways })} -> ${error}`, () => assert.equal(consolidateIpam(subnets, ranges, gateways), error));
  }
  it('pairs a gateway and a range with the subnet that holds them', () => {
    assert.deepEqual(consolidateIpam(['10.60.0.0/16'], ['10.60.1.0/24'], ['10.60.0.254']), [{ subnet: '10.60.0.0/16', ipRange: '10.60.1.0/24', gateway: '10.60.0.254' }]);
    // A bogus subnet alone reaches the daemon (which rejects it), as recorded.
    assert.deepEqual(consolidateIpam(['bogus'], [], []), [{ subnet: 'bogus' }]);
  });
});

describe("docker network IPAM: the daemon's ValidateIPAM", () => {
  const cases: Array<[{ subnet: string; ipRange?: string; gateway?: string }[], string | null]> = [
    [[{ subnet: 'bogus' }], 'invalid network config:\ninvalid subnet bogus: invalid CIDR block notation'],
    [[{ subnet: '10.62.0.0' }], 'invalid network config:\ninvalid subnet 10.62.0.0: invalid CIDR block notation'],
    [[{ subnet: '10.69.0.0/33' }], 'invalid network config:\ninvalid subnet 10.69.0.0/33: invalid CIDR block notation'],
    [[{ subnet: '10.61.0.5/16' }], 'invalid network config:\ninvalid subnet 10.61.0.5/16: it should be 10.61.0.0/16'],
    [[{ subnet: '10.71.0.0/16', ipRange: '10.71.0.5/24' }], 'invalid network config:\ninvalid ip-range 10.71.0.5/24: it should be 10.71.0.0/24'],
    [[{ subnet: '10.10.10.0/24', ipRange: '10.0.0.0/8' }], 'invalid network config:\ninvalid ip-range 10.0.0.0/8: CIDR block is bigger than its parent subnet 10.10.10.0/24'],
    [
      [{ subnet: '10.0.0.0/8', ipRange: '192.168.0.1/24', gateway: '192.168.0.1' }],
      "invalid network config:\n* invalid ip-range 192.168.0.1/24: it should be 192.168.0.0/24\n* invalid ip-range 192.168.0.1/24: parent subnet 10.0.0.0/8 doesn't contain ip-range\n* invalid gateway 192.168.0.1: parent subnet 10.0.0.0/8 doesn't contain this address",
    ],
    [[{ subnet: '10.10.10.0/24', gateway: '1001.10.5.3' }], 'invalid network config:\ninvalid gateway 1001.10.5.3: invalid address'],
    [[{ subnet: '10.0.0.0/8', ipRange: '10.10.0.0/16', gateway: '10.10.0.1' }], null],
  ];
  for (const [configs, error] of cases) {
    it(`${JSON.stringify(configs)} -> ${error === null ? 'valid' : error.split('\n').slice(1).join(' | ')}`, () => assert.equal(validateIpam(configs), error));
  }
  it("parses like Go's netip: no leading zeros, bits 0-32", () => {
    assert.deepEqual(parseNetipPrefix('10.1.0.0/16'), { addr: ip('10.1.0.0'), len: 16 });
    for (const bad of ['10.01.0.0/16', '10.1.0.0/016', '10.1.0/16', '10.1.0.0/', '256.1.0.0/8', '10.1.0.0']) assert.equal(parseNetipPrefix(bad), undefined, bad);
    assert.equal(parseGoIpv4('::ffff:10.0.0.1'), ip('10.0.0.1'));
    assert.equal(parseGoIpv4('bogus'), undefined);
  });
  it("joins errors as moby's joinError: one bare, several as bullets", () => {
    assert.equal(joinErrors(['a']), 'a');
    assert.equal(joinErrors(['a', 'b\nc']), '* a\n* b\n\tc');
  });
});

describe('docker network IPAM: a requested --ip', () => {
  const net = (extra: Partial<DockerNetwork>): DockerNetwork => ({ id: 'x', name: 'n', driver: 'bridge', subnet: ip('10.20.0.0'), prefixLen: 16, gateway: ip('10.20.0.1'), bridge: 'br-x', created: 0, internal: false, isDefault: false, nextHost: 2, ...extra });
  it('the default bridge refuses it twice over (recorded)', () => {
    assert.equal(endpointIpError(net({ isDefault: true, subnet: ip('172.17.0.0') }), '10.20.0.10'), '* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets');
  });
  it('a network without --subnet refuses it; one with --subnet wants it inside (recorded)', () => {
    assert.equal(endpointIpError(net({}), '10.20.0.9'), 'user specified IP address is supported only when connecting to networks with user configured subnets');
    assert.equal(endpointIpError(net({ userSubnet: true }), '10.20.0.9'), null);
    assert.equal(endpointIpError(net({ userSubnet: true }), '10.10.5.5'), 'no configured subnet or ip-range contain the IP address 10.10.5.5');
    assert.equal(endpointIpError(net({ userSubnet: true }), 'bogus'), '* invalid IPv4 address: bogus\n* no configured subnet or ip-range contain the IP address bogus');
  });
});

describe('go templates on inspect data', () => {
  const data = { NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8081' }], '53/udp': null }, Networks: { n2: { IPAddress: '10.10.0.2' }, n1: { IPAddress: '172.18.0.2' } } }, Labels: { 'a|b': 'pipe' } };
  const cases: Array<[string, string]> = [
    ['{{range $p, $conf := .NetworkSettings.Ports}}{{if $conf}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}{{end}}', '80/tcp -> 8081'],
    ['{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}', 'n1=172.18.0.2 n2=10.10.0.2 '],
    ['{{(index .NetworkSettings.Ports "80/tcp" 0).HostIp}}', '0.0.0.0'],
    ['{{index .Labels "a|b"}}', 'pipe'],
    ['{{len .NetworkSettings.Networks | printf "%d networks"}}', '2 networks'],
  ];
  for (const [format, want] of cases) it(format, () => assert.deepEqual(renderTemplate(format, data), { ok: true, value: want }));
  it('an unclosed parenthesis is a parse error, not a throw', () => {
    assert.deepEqual(renderTemplate('{{(index .Labels "x"}}', data), { ok: false, error: 'template parsing error: template: :1: unclosed left paren' });
  });
});
