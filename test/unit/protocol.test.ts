/** Messages from the webview are untrusted: only well-formed messages of the current version pass. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROTOCOL_VERSION } from '../../src/protocol/messages';
import { validateWebviewMessage } from '../../src/protocol/validate';

const v = PROTOCOL_VERSION;

describe('protocol: webview message validation', () => {
  const valid: [string, unknown][] = [
    ['ready', { v, type: 'ready' }],
    ['select', { v, type: 'select', id: 'if:7' }],
    ['positions', { v, type: 'positions', world: 'terminal 1', positions: { 'ns:3': { x: 1, y: -2.5 }, 'if:7': { x: 0, y: 0, pinned: true } } }],
    ['exportSvg', { v, type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }],
    ['error', { v, type: 'error', message: 'd3 failed' }],
    ['exportPng', { v, type: 'exportPng', png: 'iVBORw0KGgoAAAANSUhEUgAA' }],
    ['exportPcap', { v, type: 'exportPcap', seq: 3 }],
  ];
  for (const [name, msg] of valid) {
    it(`accepts ${name}`, () => {
      const r = validateWebviewMessage(msg);
      assert.ok(r.ok, r.ok ? '' : r.error);
    });
  }

  const invalid: [string, unknown, RegExp][] = [
    ['null', null, /not an object/],
    ['a string', 'ready', /not an object/],
    ['an array', [v, 'ready'], /not an object/],
    ['no version', { type: 'ready' }, /version/],
    ['a future version', { v: v + 1, type: 'ready' }, /version/],
    ['an unknown type', { v, type: 'runCommand', line: 'rm -rf /' }, /unknown message type/],
    ['an inherited type name', { v, type: 'toString' }, /unknown message type/],
    ['a host-only type', { v, type: 'snapshot' }, /unknown message type/],
    ['an extra field', { v, type: 'ready', extra: 1 }, /unexpected field extra/],
    ['select without id', { v, type: 'select' }, /id must be a string/],
    ['select with a number id', { v, type: 'select', id: 7 }, /id must be a string/],
    ['select with an empty id', { v, type: 'select', id: '' }, /1\.\.200/],
    ['select with a huge id', { v, type: 'select', id: 'x'.repeat(201) }, /1\.\.200/],
    ['positions not an object', { v, type: 'positions', world: 'w', positions: [] }, /positions must be an object/],
    ['a NaN position', { v, type: 'positions', world: 'w', positions: { a: { x: NaN, y: 0 } } }, /finite/],
    ['a string position', { v, type: 'positions', world: 'w', positions: { a: { x: '1', y: 0 } } }, /finite/],
    ['a bad pinned flag', { v, type: 'positions', world: 'w', positions: { a: { x: 1, y: 0, pinned: 'yes' } } }, /pinned/],
    ['a position with extra data', { v, type: 'positions', world: 'w', positions: { a: { x: 1, y: 0, html: '<b>' } } }, /unexpected field/],
    ['exportSvg that is not SVG', { v, type: 'exportSvg', svg: '<script>alert(1)</script>' }, /must start with <svg/],
    ['error without message', { v, type: 'error' }, /message must be a string/],
    ['exportPng that is not a PNG', { v, type: 'exportPng', png: 'PHN2Zz4=' }, /base64 of a PNG/],
    ['exportPng with a data: prefix', { v, type: 'exportPng', png: 'data:image/png;base64,iVBORw0KGgo' }, /base64 of a PNG/],
    ['exportPcap without seq', { v, type: 'exportPcap' }, /seq must be a positive integer/],
    ['exportPcap with seq 0', { v, type: 'exportPcap', seq: 0 }, /seq must be a positive integer/],
    ['exportPcap with a fractional seq', { v, type: 'exportPcap', seq: 1.5 }, /seq must be a positive integer/],
    ['exportPcap with a string seq', { v, type: 'exportPcap', seq: '3' }, /seq must be a positive integer/],
    ['exportPcap with an unsafe seq', { v, type: 'exportPcap', seq: 2 ** 53 }, /seq must be a positive integer/],
    ['exportPcap carrying bytes', { v, type: 'exportPcap', seq: 1, bytes: 'AAAA' }, /unexpected field bytes/],
  ];
  for (const [name, msg, why] of invalid) {
    it(`rejects ${name}`, () => {
      const r = validateWebviewMessage(msg);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.error, why);
    });
  }

  it('property: arbitrary JSON values never throw, and what passes has a known type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ v: fc.constant(v), type: fc.constantFrom('ready', 'select', 'positions', 'exportSvg', 'exportPng', 'exportPcap', 'error', 'x'), id: fc.jsonValue(), seq: fc.jsonValue() }, { requiredKeys: ['v', 'type'] })), (value) => {
        const r = validateWebviewMessage(value);
        if (r.ok) assert.ok(['ready', 'select', 'positions', 'exportSvg', 'exportPng', 'exportPcap', 'error'].includes(r.value.type));
        if (r.ok && r.value.type === 'exportPcap') assert.ok(Number.isSafeInteger(r.value.seq) && r.value.seq > 0);
      }),
      { numRuns: 500 },
    );
  });
});
