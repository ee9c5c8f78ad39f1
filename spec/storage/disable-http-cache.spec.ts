// The `disable-http-cache` switch, appended before the app is ready: no
// session has an HTTP cache unless it was made with `{ cache: true }`.
// Electron 1.x applied the switch to sessions on disk only, and there it
// won over `{ cache: true }`; in-memory partitions kept their memory cache.

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
  });

  t.itInEras('>=e9', 'counts 0 bytes for the default session', async () => {
    expect(await t.invoke<number>(t.session.defaultSession, 'ses.getCacheSize')).toBe(0);
  });

  t.itInEras('legacy', 'passes net::ERR_FAILED (-2) to getCacheSize of the default session', async () => {
    expect(await t.invoke<number>(t.session.defaultSession, 'ses.getCacheSize')).toBe(-2);
  });

  it('leaves persistent partitions made without options without a cache', async () => {
    expect(await twice(t.session.fromPartition('persist:switch-plain'), 'switch-plain')).toEqual([
      'switch-plain#1',
      'switch-plain#2',
    ]);
  });

  t.itInEras('>=e9', 'leaves in-memory partitions made without options without a cache', async () => {
    expect(await twice(t.session.fromPartition('switch-memory'), 'switch-memory')).toEqual([
      'switch-memory#1',
      'switch-memory#2',
    ]);
  });

  t.itInEras('legacy', 'leaves in-memory partitions their memory cache', async () => {
    expect(await twice(t.session.fromPartition('switch-memory-kept'), 'switch-memory-kept')).toEqual([
      'switch-memory-kept#1',
      'switch-memory-kept#1',
    ]);
  });

  it('gives a cache to an in-memory partition made with { cache: true }', async () => {
    expect(await twice(t.session.fromPartition('switch-opt-in', { cache: true }), 'switch-opt-in')).toEqual([
      'switch-opt-in#1',
      'switch-opt-in#1',
    ]);
  });

  t.itInEras('>=e9', 'gives a cache to a persistent partition made with { cache: true }', async () => {
    expect(await twice(t.session.fromPartition('persist:switch-opt-in', { cache: true }), 'switch-opt-in-disk')).toEqual([
      'switch-opt-in-disk#1',
      'switch-opt-in-disk#1',
    ]);
  });

  t.itInEras('legacy', 'keeps a persistent partition made with { cache: true } without a cache', async () => {
    expect(await twice(t.session.fromPartition('persist:switch-opt-in', { cache: true }), 'switch-opt-in-disk')).toEqual([
      'switch-opt-in-disk#1',
      'switch-opt-in-disk#2',
    ]);
  });
});
