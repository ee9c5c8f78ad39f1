// Set-Cookie from the network follows the rules Chromium's ParsedCookie and
// CanonicalCookie::Create apply, the same ones cookies.set applies: last
// attribute occurrence wins, Max-Age forms, prefixes in any case, nameless
// cookies, size limits, domains without a registrable domain, IDN domains,
// UTF-8 bytes, the default path as sent, Partitioned and SameSite=None
// needing Secure. Each response comes from a raw loopback server (so header
// bytes are exactly the vector's) through ses.fetch in a fresh session.

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { cookiesOf, getCookies } from './cookie-support.ts';
import { SET_COOKIE_VECTORS } from './set-cookie-vectors.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary:
    'Cookies from Set-Cookie headers are created by the same rules as Chromium: attributes, prefixes, sizes, domains, bytes and paths.',
});

let server: SetCookieServer | undefined;

const t = useTarget(meta, {
  prepare: async () => {
    server = await startSetCookieServer();
    for (const [i, vector] of SET_COOKIE_VECTORS.entries()) server.define(`rule${i}`, [vector.line]);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

describe('Set-Cookie creation rules', () => {
  afterAll(() => server?.close());

  for (const [i, vector] of SET_COOKIE_VECTORS.entries()) {
    it(vector.title, async () => {
      const ses = t.session.fromPartition(`set-cookie-rules-${i}`) as { fetch(url: string): Promise<Response> };
      const started = Date.now() / 1000;
      const response = await ses.fetch(`http://${vector.host}:${server!.port}${vector.path}?__c=rule${i}`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const cookies = await getCookies(t, cookiesOf(ses), {});
      if (vector.stored === null) {
        expect(cookies).toEqual([]);
        return;
      }
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatchObject(vector.stored);
      if (vector.expiresIn !== undefined)
        expect(Math.abs(cookies[0]!.expirationDate! - started - vector.expiresIn)).toBeLessThan(5);
    });
  }
});
