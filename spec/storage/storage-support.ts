// Helpers of the storage specs: seeding every storage a page of a session
// can write (cookies through ses.cookies, the rest through the driver) and
// reading back which of them still hold the data.

import type { SpecHandle } from '../../harness/api/spec-runtime.ts';

export type StorageName = 'cookies' | 'localstorage' | 'indexdb' | 'cachestorage';

export const ALL: readonly StorageName[] = ['cookies', 'localstorage', 'indexdb', 'cachestorage'];

const cookiesOf = (session: unknown) => (session as { cookies: object }).cookies;

/** Writes one item of each storage for `origin` (an http origin on a host of its own). */
export async function seed(t: SpecHandle, session: unknown, origin: string): Promise<void> {
  const expirationDate = Math.floor(Date.now() / 1000) + 3600;
  await t.invoke(cookiesOf(session), 'cookies.set', { url: `${origin}/`, name: 'seeded', value: origin, expirationDate });
  await t.driver.storage.setLocalStorage({ session, origin, key: 'seeded', value: origin });
  await t.driver.storage.indexedDBPut({ session, origin, database: 'db', store: 'store', key: 'seeded', value: origin });
  await t.driver.storage.cachePut({ session, origin, cacheName: 'cache', url: `${origin}/seeded`, body: origin });
}

/** Which storages of `origin` still hold what seed() wrote. */
export async function remaining(t: SpecHandle, session: unknown, origin: string): Promise<StorageName[]> {
  const out: StorageName[] = [];
  const cookies = await t.invoke<{ name: string; value: string }[]>(cookiesOf(session), 'cookies.get', {
    url: `${origin}/`,
    name: 'seeded',
  });
  if (cookies.some((c) => c.value === origin)) out.push('cookies');
  if ((await t.driver.storage.getLocalStorage({ session, origin, key: 'seeded' })) === origin) out.push('localstorage');
  if ((await t.driver.storage.indexedDBGet({ session, origin, database: 'db', store: 'store', key: 'seeded' })) === origin)
    out.push('indexdb');
  if ((await t.driver.storage.cacheMatch({ session, origin, cacheName: 'cache', url: `${origin}/seeded` })) === origin)
    out.push('cachestorage');
  return out;
}
