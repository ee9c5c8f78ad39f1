// Cookies on the wire: Set-Cookie from responses lands in ses.cookies (with
// a 'changed' event), the Cookie header goes out on later requests of that
// session only, and cookies set through the API are sent too.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';

export const meta = defineSpec({
  members: ['ses.cookies'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary: 'Response cookies are stored in the session and sent back on its later requests; other sessions see none of them.',
});

const t = useTarget(meta);

interface CookieLike {
  name: string;
  value: string;
}
interface Cookies {
  on(event: 'changed', listener: (event: unknown, cookie: CookieLike, cause: string, removed: boolean) => void): void;
}

const server = useHttpServer();

const cookiesOf = (partition: string) => (t.session.fromPartition(partition) as unknown as { cookies: Cookies }).cookies;

async function pageFetch(partition: string, path: string) {
  return t.driver.page.fetch({ session: t.session.fromPartition(partition), url: new URL(path, server.url).href });
}

function cookieHeaderOf(path: string): string | undefined {
  const seen = server.log.requests.filter((r) => r.url === path);
  const header = seen.at(-1)?.headers.cookie;
  return Array.isArray(header) ? header.join('; ') : header;
}

describe('cookies on traffic', () => {
  it('stores a Set-Cookie header and emits changed', async () => {
    const events: [string, string, boolean][] = [];
    cookiesOf('traffic-a').on('changed', (_e, cookie, cause, removed) => events.push([cookie.name, cause, removed]));
    await pageFetch('traffic-a', '/set-cookie?c=flavour%3Doat');
    const stored = await t.invoke<CookieLike[]>(cookiesOf('traffic-a'), 'cookies.get', { name: 'flavour' });
    expect(stored.map((c) => [c.name, c.value])).toEqual([['flavour', 'oat']]);
    expect(events).toContainEqual(['flavour', 'explicit', false]);
  });

  it('sends the stored cookie on the next request of the same session', async () => {
    await pageFetch('traffic-b', '/set-cookie?c=ticket%3D42');
    await pageFetch('traffic-b', '/echo?next');
    expect(cookieHeaderOf('/echo?next')).toBe('ticket=42');
  });

  it('sends cookies set through the API', async () => {
    await t.invoke(cookiesOf('traffic-c'), 'cookies.set', { url: server.url, name: 'api', value: 'yes' });
    await pageFetch('traffic-c', '/echo?api');
    expect(cookieHeaderOf('/echo?api')).toBe('api=yes');
  });

  it('keeps the cookies of one session away from another', async () => {
    await pageFetch('traffic-d', '/set-cookie?c=private%3D1');
    await pageFetch('traffic-e', '/echo?other-session');
    expect(cookieHeaderOf('/echo?other-session')).toBeUndefined();
    await expect(t.invoke<CookieLike[]>(cookiesOf('traffic-e'), 'cookies.get', {})).resolves.toEqual([]);
  });
});
