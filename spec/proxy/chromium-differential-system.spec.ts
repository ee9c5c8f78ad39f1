// Differential check of `system` mode: the target and a real Chromium are
// both started with the same proxy environment variables, and generated URLs
// must resolve identically through the default session.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { urlArbitrary } from '../../harness/arbitraries/proxy.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import { resolveSystemWithChromium } from '../../harness/chromium/proxy-oracle.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy'],
  eras: 'current',
  requires: ['chromium', 'proxy.system'],
  level: 'must',
  basis: 'chromium',
  summary: 'With the same proxy environment variables, the default session resolves generated URLs exactly as Chromium does.',
});

const ENV = {
  http_proxy: 'http://user:secret@env-proxy.test:3128/',
  HTTPS_PROXY: 'socks5://secure-env.test:1080',
  ftp_proxy: 'ftp-env.test',
  no_proxy: 'a.test, .skip.test,10.0.0.0/8,*.localhost,192.168.1.5,[::1]:8080,b.a.test:443,<local>,xn--bcher-kva.test',
};

const t = useTarget(meta, { env: ENV });
const SEED = Number(process.env.PROXY_DIFFERENTIAL_SEED ?? 1123);

describe('differential check of system mode against Chromium', () => {
  it('resolves generated URLs under the same environment as Chromium does', async () => {
    const executable = findChromium();
    if (!executable) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
    // http(s) only: Chromium serialises WebSocket handshakes to one address, so
    // many of them in one page would not all start in time.
    const httpUrls = urlArbitrary.filter((u) => u.startsWith('http'));
    const urls = fc.sample(fc.uniqueArray(httpUrls, { minLength: 60, maxLength: 60 }), { seed: SEED, numRuns: 1 })[0]!;
    const chromium = await resolveSystemWithChromium(ENV, urls, { executable });
    const mismatches = [];
    let compared = 0;
    for (const [i, url] of urls.entries()) {
      if (chromium[i] === undefined) continue;
      compared++;
      const answer = await t.invoke<string>(t.session.defaultSession, 'ses.resolveProxy', url);
      if (answer !== chromium[i]) mismatches.push({ url, target: answer, chromium: chromium[i] });
    }
    expect(mismatches, `seed ${SEED}`).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(Math.floor(0.9 * urls.length));
  }, 120_000);
});
