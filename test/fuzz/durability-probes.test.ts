// The cookie probe of the durability suite keeps fewer live cookies than
// Chromium keeps for one registrable domain, so what the store evicts by
// design is never counted as lost.

import { describe, expect, it } from 'vitest';
import { COOKIES_KEPT, PROBES, type Acked } from '../../fuzz/durability-probes.ts';

const cookies = PROBES.find((p) => p.name === 'cookies')!;

describe('durability cookie probe', () => {
  it('removes rather than adds once it holds as many cookies as it keeps', () => {
    const acked: Acked[] = Array.from({ length: COOKIES_KEPT }, (_, i) => ({ probe: 'cookies', key: `c${i}`, value: `v${i}` }));
    const ctx = { origin: 'http://127.0.0.1', acked };
    for (let n = 1000; n < 1010; n++) expect(cookies.plan(ctx, n).removed).toBe(true);
    expect(COOKIES_KEPT).toBeLessThan(150);
  });

  it('adds three times in four while it holds fewer', () => {
    const ctx = { origin: 'http://127.0.0.1', acked: [{ probe: 'cookies', key: 'c0', value: 'v0' }] };
    expect([0, 1, 2, 3].map((n) => cookies.plan(ctx, n).removed === true)).toEqual([false, false, false, true]);
  });
});
