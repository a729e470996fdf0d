import { strict as assert } from 'node:assert';
import { tabwrite, ellipsis } from '../../src/shell/docker/table';
import { humanDuration, humanSize } from '../../src/shell/docker/human';
import { renderTemplate } from '../../src/shell/docker/template';
import { parseFlags } from '../../src/shell/docker/flags';
import { parseImageRef, findInCatalog, stableHex } from '../../src/engine/docker/catalog';
import { parsePublish } from '../../src/shell/docker/run';

describe('docker formats', () => {
  it('tabwriter: minwidth 10, padding 3, last column unpadded (docker/cli)', () => {
    assert.equal(tabwrite([['REPOSITORY', 'TAG', 'IMAGE ID'], ['nginx', 'latest', 'abc']]), 'REPOSITORY   TAG       IMAGE ID\nnginx        latest    abc\n');
  });

  const durations: Array<[number, string]> = [
    [0, 'Less than a second'],
    [1000, '1 second'],
    [3000, '3 seconds'],
    [60_000, 'About a minute'],
    [120_000, '2 minutes'],
    [3_600_000, 'About an hour'],
    [5 * 3_600_000, '5 hours'],
    [3 * 86_400_000, '3 days'],
    [20 * 86_400_000, '2 weeks'],
    [90 * 86_400_000, '3 months'],
    [800 * 86_400_000, '2 years'],
  ];
  for (const [ms, text] of durations) it(`HumanDuration(${ms} ms) = ${text}`, () => assert.equal(humanDuration(ms), text));

  const sizes: Array<[number, string]> = [
    [191_997_332, '192MB'],
    [7_797_760, '7.8MB'],
    [4_261_502, '4.26MB'],
    [78_118_845, '78.1MB'],
    [437_620_312, '438MB'],
    [512, '512B'],
  ];
  for (const [bytes, text] of sizes) it(`HumanSizeWithPrecision(${bytes}, 3) = ${text}`, () => assert.equal(humanSize(bytes), text));

  it('ellipsis cuts to 20 runes with …', () => {
    assert.equal(ellipsis('/docker-entrypoint.sh nginx -g daemon off;', 20), '/docker-entrypoint.…');
    assert.equal(ellipsis('sleep 1000', 20), 'sleep 1000');
  });

  const templates: Array<[string, unknown, string]> = [
    ['{{.Name}}', { Name: '/web' }, '/web'],
    ['{{.NetworkSettings.IPAddress}}', { NetworkSettings: { IPAddress: '172.17.0.2' } }, '172.17.0.2'],
    ['{{json .Config.Env}}', { Config: { Env: ['A=1'] } }, '["A=1"]'],
    ['{{index .Ports "80/tcp"}}', { Ports: { '80/tcp': 'x' } }, 'x'],
    ['{{range .Nets}}{{.IP}} {{end}}', { Nets: { a: { IP: '1' }, b: { IP: '2' } } }, '1 2 '],
    ['{{range $k, $v := .Nets}}{{$k}}={{$v.IP}};{{end}}', { Nets: { a: { IP: '1' } } }, 'a=1;'],
    ['{{if .Running}}up{{else}}down{{end}}', { Running: false }, 'down'],
    ['{{.State}}', { State: { Running: true, Pid: 5 } }, 'map[Pid:5 Running:true]'],
  ];
  for (const [format, data, want] of templates) it(`template ${format}`, () => assert.deepEqual(renderTemplate(format, data), { ok: true, value: want }));

  it('template errors are values', () => {
    const r = renderTemplate('{{.Nope}}', { A: 1 });
    assert.equal(r.ok, false);
    assert.equal(renderTemplate('{{range .A}}', { A: [] }).ok, false);
  });

  it('pflag parsing: combined shorts, attached values, --x=y, stop at the image', () => {
    const specs = [{ long: 'detach', short: 'd', value: false }, { long: 'interactive', short: 'i', value: false }, { long: 'tty', short: 't', value: false }, { long: 'publish', short: 'p', value: true }, { long: 'name', value: true }];
    const r = parseFlags(['-dit', '-p8080:80', '--name=web', 'nginx', '-p', 'x'], specs, false);
    assert.deepEqual(r, { ok: true, value: { flags: { detach: ['true'], interactive: ['true'], tty: ['true'], publish: ['8080:80'], name: ['web'] }, args: ['nginx', '-p', 'x'] } });
    assert.deepEqual(parseFlags(['--bogus'], specs, true), { ok: false, error: 'unknown flag: --bogus' });
  });

  it('image references and the catalog', () => {
    assert.deepEqual(parseImageRef('nginx'), { repo: 'nginx', tag: 'latest', defaulted: true });
    assert.deepEqual(parseImageRef('docker.io/library/ubuntu:14.04'), { repo: 'ubuntu', tag: '14.04', defaulted: false });
    assert.equal(parseImageRef('UPPER'), null);
    assert.equal(findInCatalog(parseImageRef('ubuntu:14.04')!).kind, 'found');
    assert.equal(findInCatalog(parseImageRef('nginx:nope')!).kind, 'no-tag');
    assert.equal(findInCatalog(parseImageRef('nosuchimage')!).kind, 'no-repo');
    assert.match(stableHex('x'), /^[0-9a-f]{64}$/);
  });

  it('-p forms', () => {
    assert.deepEqual(parsePublish('8080:80'), { hostIp: '', hostPort: 8080, containerPort: 80, proto: 'tcp' });
    assert.deepEqual(parsePublish('127.0.0.1:53:53/udp'), { hostIp: '127.0.0.1', hostPort: 53, containerPort: 53, proto: 'udp' });
    assert.deepEqual(parsePublish('80'), { hostIp: '', hostPort: 0, containerPort: 80, proto: 'tcp' });
    assert.equal(typeof parsePublish('x:y'), 'string');
  });
});
