/** -v and --mount as the client and daemon read them; where a path lands among a container's mounts. */
import { strict as assert } from 'node:assert';
import { parseMountFlag, parseVolumeFlag } from '../../src/engine/docker/volumes-spec';
import { checkVolumeName, mountFor } from '../../src/engine/docker/volumes';
import type { Mount } from '../../src/engine/docker/types';

describe('docker -v / --mount specs', () => {
  const ok: Array<[string, Partial<Mount> & { source: string }]> = [
    ['data:/data', { type: 'volume', source: 'data', target: '/data', readOnly: false, mode: 'z' }],
    ['data:/data:ro', { type: 'volume', source: 'data', target: '/data', readOnly: true, mode: 'ro' }],
    ['/srv/www:/usr/share/nginx/html:ro', { type: 'bind', source: '/srv/www', target: '/usr/share/nginx/html', readOnly: true, mode: 'ro' }],
    ['/srv:/srv', { type: 'bind', source: '/srv', target: '/srv', readOnly: false, mode: '' }],
    ['./site:/site', { type: 'bind', source: '/root/site', target: '/site', readOnly: false }],
    ['/cache', { type: 'volume', source: '', target: '/cache', readOnly: false, mode: '' }],
  ];
  for (const [spec, want] of ok) {
    it(`-v ${spec}`, () => {
      const r = parseVolumeFlag(spec, '/root');
      assert.ok(r.ok, JSON.stringify(r));
      for (const [k, v] of Object.entries(want)) assert.deepEqual((r.value as unknown as Record<string, unknown>)[k], v, k);
    });
  }

  it('refuses bad -v specs with the daemon\'s texts', () => {
    const bad = (spec: string) => {
      const r = parseVolumeFlag(spec, '/root');
      assert.ok(!r.ok);
      return r.error;
    };
    assert.equal(bad('data:relative'), `invalid volume specification: 'data:relative': invalid mount config for type "volume": invalid mount path: 'relative' mount path must be absolute`);
    assert.equal(bad('data:/d:xx'), 'invalid mode: xx');
    assert.equal(bad('data:/d:ro,rw'), 'invalid mode: ro,rw');
    assert.equal(checkVolumeName('foo/bar')?.startsWith('create foo/bar: "foo/bar" includes invalid characters'), true);
    assert.notEqual(checkVolumeName('x'), null, 'one character is too short for the local driver');
    assert.equal(checkVolumeName('db-data_1.0'), null);
  });

  it('--mount fields, readonly forms and the client\'s flag errors', () => {
    const r = parseMountFlag('type=bind,src=/srv,dst=/web,readonly', '/root');
    assert.ok(r.ok);
    assert.deepEqual([r.value.type, r.value.source, r.value.target, r.value.readOnly, r.value.mustExist], ['bind', '/srv', '/web', true, true]);
    const v = parseMountFlag('source=data,target=/d,ro=false', '/root');
    assert.ok(v.ok && v.value.type === 'volume' && !v.value.readOnly);
    const e = (spec: string) => {
      const x = parseMountFlag(spec, '/root');
      assert.ok(!x.ok);
      return [x.by, x.error];
    };
    assert.deepEqual(e('type=volume,source=data'), ['flag', 'invalid argument "type=volume,source=data" for "--mount" flag: target is required']);
    assert.deepEqual(e('type=nfs,target=/d'), ['flag', `invalid argument "type=nfs,target=/d" for "--mount" flag: invalid value for 'type': nfs`]);
    assert.deepEqual(e('type=bind,target=/d'), ['daemon', 'invalid mount config for type "bind": field Source must not be empty']);
  });

  it('a path belongs to the innermost mount whose target contains it', () => {
    const mounts: Mount[] = [
      { type: 'volume', source: 'outer', target: '/data', readOnly: false, mode: 'z' },
      { type: 'bind', source: '/srv', target: '/data/inner', readOnly: true, mode: 'ro' },
    ];
    assert.deepEqual(mountFor(mounts, '/data/f'), { mount: mounts[0], rest: '/f' });
    assert.deepEqual(mountFor(mounts, '/data/inner/x'), { mount: mounts[1], rest: '/x' });
    assert.deepEqual(mountFor(mounts, '/data'), { mount: mounts[0], rest: '/' });
    assert.equal(mountFor(mounts, '/database'), undefined);
  });
});
