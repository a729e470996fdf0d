/** Content addressing and archives under the image commands: sha256, ustar round trips, layer sizes and history. */
import { strict as assert } from 'node:assert';
import { sha256Hex } from '../../src/engine/docker/layers-sha256';
import { decodeTar, encodeTar } from '../../src/engine/docker/layers-tar';
import { historyOf, layerSizesOf, sealImage, withStep } from '../../src/engine/docker/layers';
import { findInCatalog, parseImageRef } from '../../src/engine/docker/catalog';

describe('image content', () => {
  it('sha256 matches FIPS 180-4 test vectors (empty, abc, two blocks, UTF-8)', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    assert.equal(sha256Hex('é'), sha256Hex('\u00e9'));
    assert.notEqual(sha256Hex('é'), sha256Hex('e'));
  });

  it('ustar archives round-trip files and directories, with 512-byte blocks and a checksum', () => {
    const tar = encodeTar([{ path: 'etc', data: '', dir: true }, { path: 'etc/motd', data: 'hello\n' }, { path: 'big', data: 'x'.repeat(600) }]);
    assert.equal(tar.length % 512, 0);
    assert.equal(tar.slice(257, 262), 'ustar');
    assert.deepEqual(decodeTar(tar), [{ path: 'etc', data: '', dir: true }, { path: 'etc/motd', data: 'hello\n' }, { path: 'big', data: 'x'.repeat(600) }]);
    assert.equal(decodeTar('not a tar archive'.padEnd(1024, 'x')), undefined);
    assert.equal(decodeTar(''), undefined);
  });

  it('catalog images: layer sizes add up to the image size; history ends with CMD; a step adds a layer and changes the id', () => {
    const found = findInCatalog(parseImageRef('nginx')!);
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    const nginx = found.image;
    const sizes = layerSizesOf(nginx);
    assert.equal(sizes.length, nginx.layers.length);
    assert.equal(sizes.reduce((a, b) => a + b, 0), nginx.size);
    const history = historyOf(nginx);
    assert.equal(history[history.length - 1]!.createdBy, 'CMD ["nginx" "-g" "daemon off;"]');
    assert.equal(history.filter((h) => !h.empty).length, nginx.layers.length);
    const next = sealImage(withStep(nginx, { createdBy: 'COPY a /a # buildkit', files: { '/a': 'abc' } }, '2026-01-01T00:00:00Z'));
    assert.equal(next.layers.length, nginx.layers.length + 1);
    assert.equal(next.size, nginx.size + 3);
    assert.notEqual(next.id, nginx.id);
    assert.equal(sealImage(withStep(nginx, { createdBy: 'COPY a /a # buildkit', files: { '/a': 'abc' } }, '2026-01-01T00:00:00Z')).id, next.id, 'same content, same id');
  });

  it('image references keep a registry host out of the tag', () => {
    assert.deepEqual(parseImageRef('localhost:5000/app:v2'), { repo: 'localhost:5000/app', tag: 'v2', defaulted: false });
    assert.deepEqual(parseImageRef('registry.example.com/team/app'), { repo: 'registry.example.com/team/app', tag: 'latest', defaulted: true });
    assert.deepEqual(parseImageRef('tuhinal/my-app:latest'), { repo: 'tuhinal/my-app', tag: 'latest', defaulted: false });
    assert.equal(parseImageRef('Upper/case'), null);
  });
});
