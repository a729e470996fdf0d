import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ctime, httpDate, utcParts } from '../../src/common/clock';
import { clfTime } from '../../src/engine/docker/services';

describe('formatting simulated instants', () => {
  const cases: [number, string, string, string][] = [
    [Date.UTC(2026, 10, 24, 13, 22, 31), 'Tue Nov 24 13:22:31 2026', 'Tue, 24 Nov 2026 13:22:31 GMT', '24/Nov/2026:13:22:31 +0000'],
    [Date.UTC(2026, 0, 5, 9, 3, 7), 'Mon Jan  5 09:03:07 2026', 'Mon, 05 Jan 2026 09:03:07 GMT', '05/Jan/2026:09:03:07 +0000'],
  ];
  for (const [ms, c, http, clf] of cases) {
    it(c, () => {
      assert.equal(ctime(ms), c);
      assert.equal(httpDate(ms), http);
      assert.equal(clfTime(ms), clf);
    });
  }

  it('httpDate and utcParts agree with the platform for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800000 }), (ms) => {
        assert.equal(httpDate(ms), new Date(ms).toUTCString());
        assert.equal(utcParts(ms).iso, new Date(ms).toISOString());
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
