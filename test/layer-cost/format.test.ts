import * as assert from 'assert';
import { formatCount } from '../../shared-rules/layer-cost/format';

describe('formatCount', () => {
  // The same text toLocaleString('en-US') prints, without loading ICU in the server.
  const cases = [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1, -1234, -999999, 45.4, 45.6];
  for (const n of cases) {
    it(`${n} → ${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`, () => {
      assert.strictEqual(formatCount(n), Math.round(n).toLocaleString('en-US'));
    });
  }
});
