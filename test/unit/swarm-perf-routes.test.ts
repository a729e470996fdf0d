/**
 * kernelRoutesFor builds its routes from literals (issue 5's swarm benchmark: the `{ ...base, … }`
 * form took V8's slow path). The routes, and their key order in snapshots and JSON, must stay the
 * ones the spread form gave.
 */
import { strict as assert } from 'node:assert';
import { kernelRoutesFor, makeRoute } from '../../src/engine/net/route';
import { TABLE_LOCAL, type Addr4, type Link } from '../../src/engine/net/types';

/** The previous construction, kept here as the reference. */
function spreadForm(addr: Addr4, link: Link) {
  const base = { linkId: link.id, proto: 'kernel', src: addr.local };
  const net = (addr.local & (addr.prefixLen === 0 ? 0 : ~0 << (32 - addr.prefixLen))) >>> 0;
  const out = [makeRoute({ ...base, table: TABLE_LOCAL, type: 'local', dst: addr.local, len: 32, scope: 'host' })];
  if (addr.prefixLen >= 31) return out;
  if (link.kind === 'loopback' || addr.local >>> 24 === 127) out.push(makeRoute({ ...base, table: TABLE_LOCAL, type: 'local', dst: net, len: addr.prefixLen, scope: 'host' }));
  else if (!addr.secondary) out.push(makeRoute({ ...base, dst: net, len: addr.prefixLen, scope: 'link' }));
  const brd = addr.broadcast ?? (net | (~0 >>> addr.prefixLen)) >>> 0;
  if (addr.broadcast !== null || link.kind === 'loopback') out.push(makeRoute({ ...base, table: TABLE_LOCAL, type: 'broadcast', dst: brd, len: 32, scope: 'link' }));
  return out;
}

const ip = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const addr = (local: number, prefixLen: number, extra: Partial<Addr4> = {}): Addr4 => ({ family: 4, linkId: 7, local, prefixLen, broadcast: null, scope: 'global', label: 'eth0', secondary: false, ...extra });
const link = (kind: Link['kind']) => ({ id: 7, kind }) as Link;

describe('kernelRoutesFor (literal construction, same routes)', () => {
  const cases: Array<[string, Addr4, Link]> = [
    ['a container address with brd (docker: 172.17.0.2/16)', addr(ip(172, 17, 0, 2), 16, { broadcast: ip(172, 17, 255, 255) }), link('veth')],
    ['an address without brd (ip addr add 10.0.0.1/24)', addr(ip(10, 0, 0, 1), 24), link('veth')],
    ['a secondary address', addr(ip(10, 0, 0, 9), 24, { secondary: true, broadcast: ip(10, 0, 0, 255) }), link('ether')],
    ['a /32', addr(ip(192, 168, 1, 50), 32), link('ether')],
    ['a /31', addr(ip(10, 1, 1, 0), 31), link('veth')],
    ['loopback 127.0.0.1/8', addr(ip(127, 0, 0, 1), 8, { scope: 'host', label: 'lo' }), link('loopback')],
  ];
  for (const [name, a, l] of cases) {
    it(name, () => {
      const got = kernelRoutesFor(a, l);
      const want = spreadForm(a, l);
      assert.deepEqual(got, want);
      assert.equal(JSON.stringify(got), JSON.stringify(want), 'same key order (snapshots, world diffs)');
    });
  }

  it('a /24 gives the local, the link and (with brd) the broadcast route', () => {
    const got = kernelRoutesFor(addr(ip(10, 0, 0, 1), 24, { broadcast: ip(10, 0, 0, 255) }), link('veth'));
    assert.deepEqual(got.map((r) => [r.table, r.type, r.dst, r.len, r.scope, r.proto]), [
      [255, 'local', ip(10, 0, 0, 1), 32, 'host', 'kernel'],
      [254, 'unicast', ip(10, 0, 0, 0), 24, 'link', 'kernel'],
      [255, 'broadcast', ip(10, 0, 0, 255), 32, 'link', 'kernel'],
    ]);
  });
});
