// The `disable-http-cache` switch, appended before the app is ready: no
// session has an HTTP cache unless it was made with `{ cache: true }`.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch } from '../support/requests.ts';
import { cachedUrl, cacheRoutes } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['session.fromPartition', 'session.defaultSession', 'ses.getCacheSize'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'With the disable-http-cache switch, sessions have no HTTP cache unless fromPartition asks for one with { cache: true }.',
});

const t = useTarget(meta, { switches: { 'disable-http-cache': '' } });
const server = useHttpServer({ routes: cacheRoutes() });

async function twice(session: unknown, id: string): Promise<string[]> {
  const url = cachedUrl(server, id, { cc: 'max-age=600' });
  return [(await pageFetch(t, session, url)).body, (await pageFetch(t, session, url)).body];
}

describe('the disable-http-cache switch', () => {
  it('leaves the default session without a cache', async () => {
    expect(await twice(t.session.defaultSession, 'switch-default')).toEqual(['switch-default#1', 'switch-default#2']);
    expect(await t.invoke<number>(t.session.defaultSession, 'ses.getCacheSize')).toBe(0);
  });

  it('leaves partitions made without options without a cache', async () => {
    expect(await twice(t.session.fromPartition('persist:switch-plain'), 'switch-plain')).toEqual([
      'switch-plain#1',
      'switch-plain#2',
    ]);
    expect(await twice(t.session.fromPartition('switch-memory'), 'switch-memory')).toEqual([
      'switch-memory#1',
      'switch-memory#2',
    ]);
  });

  it('gives a cache to a partition made with { cache: true }', async () => {
    expect(await twice(t.session.fromPartition('switch-opt-in', { cache: true }), 'switch-opt-in')).toEqual([
      'switch-opt-in#1',
      'switch-opt-in#1',
    ]);
  });
});
