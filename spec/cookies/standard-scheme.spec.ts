// cookies.set / cookies.get for a URL of a scheme the app registered as
// standard before ready (protocol.registerSchemesAsPrivileged; 1.x:
// protocol.registerStandardSchemes). Electron 1.x let such schemes carry
// cookies; since the network service (Electron 7) only http, https, ws and
// wss do, so the cookie is refused with the era's message and nothing is
// stored (Electron's own test of this has been skipped since then).

import { describe, expect } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, getCookies, secondsFromNow, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.set', 'cookies.get'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'A URL of a scheme registered as standard carries cookies in Electron 1.x, with its host as domain; later eras refuse the cookie and store nothing.',
});

const t = useTarget(meta, { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });

const URL = 'app://fake-host';

describe('cookies on a standard scheme', () => {
  t.itInEras(
    'legacy',
    'stores a cookie for a URL of the scheme and returns it for that URL, with the host as domain',
    async () => {
      const { cookies } = freshSession(t, 'standard-scheme');
      await setCookie(t, cookies, { url: URL, name: 'custom', value: '1', expirationDate: secondsFromNow(120) });
      const list = await getCookies(t, cookies, { url: URL });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ name: 'custom', value: '1', domain: 'fake-host' });
    },
  );

  t.itInEras('>=e9', 'refuses a cookie for a URL of the scheme with the era message, and stores nothing', async () => {
    const { cookies } = freshSession(t, 'standard-scheme');
    const error = await setCookie(t, cookies, { url: URL, name: 'custom', value: '1', expirationDate: secondsFromNow(120) }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const expected = {
      legacy: /^$/,
      e9: /^Cannot set cookie for current scheme$/,
      e12: /^Cannot set cookie for current scheme$/,
      e17: /^Cannot set cookie for current scheme$/,
      current: /^Failed to set cookie - Attempted to set a cookie from a scheme that does not support cookies\./,
    }[t.era];
    expect((error as Error).message).toMatch(expected);
    expect(await getCookies(t, cookies, { url: URL })).toEqual([]);
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });
});
