// ses.forceReloadProxyConfig (Electron 12+): resets the session's proxy
// resolution and applies the configuration again, fetching a PAC script
// anew. setProxy with an unchanged configuration does not re-fetch; this is
// how an app picks up a changed script.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startPacHost, type PacHostFixture } from '../../fixtures/proxies/pac-host.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.forceReloadProxyConfig'],
  eras: '>=e12',
  requires: ['proxy.pac'],
  level: 'must',
  basis: 'electron',
  summary:
    'forceReloadProxyConfig re-fetches the PAC script and applies the latest configuration; setProxy with the same configuration does not.',
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'force-reload');
let host: PacHostFixture;

beforeAll(async () => {
  host = await startPacHost();
});
afterAll(async () => {
  await host?.close();
});

const script = (port: number) => `function FindProxyForURL(url, host) { return "PROXY myproxy:${port}"; }`;

describe('ses.forceReloadProxyConfig', () => {
  it('re-fetches the PAC script and uses its new answer', async () => {
    host.serve('/reload.pac', script(8132));
    const ses = p.fresh();
    await p.set(ses, { mode: 'pac_script', pacScript: host.url('/reload.pac') });
    expect(await p.resolve(ses, 'https://google.com')).toBe('PROXY myproxy:8132');
    host.serve('/reload.pac', script(8133));
    expect(await p.reload(ses)).toBeUndefined();
    expect(await p.resolve(ses, 'https://google.com')).toBe('PROXY myproxy:8133');
    expect(host.fetchCount('/reload.pac')).toBe(2);
  });

  it('is needed: setProxy with the same configuration keeps the loaded script', async () => {
    host.serve('/same.pac', script(1));
    const ses = p.fresh();
    const config = { pacScript: host.url('/same.pac') };
    await p.set(ses, config);
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY myproxy:1');
    host.serve('/same.pac', script(2));
    await p.set(ses, { ...config });
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY myproxy:1');
    expect(host.fetchCount('/same.pac')).toBe(1);
    await p.reload(ses);
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY myproxy:2');
  });

  it('recovers a session whose PAC script could not be fetched', async () => {
    host.serve('/late.pac', { body: 'not yet', status: 503 });
    const ses = p.fresh();
    await p.set(ses, { pacScript: host.url('/late.pac') });
    expect(await p.resolve(ses, 'http://example.com/')).toBe('');
    host.serve('/late.pac', script(3));
    await p.reload(ses);
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY myproxy:3');
  });

  it('keeps fixed rules as they are', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'http=fixed:1' });
    await p.reload(ses);
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY fixed:1');
  });

  it('applies to its own session only', async () => {
    host.serve('/mine.pac', script(10));
    const mine = p.fresh();
    const other = p.fresh();
    await p.set(mine, { pacScript: host.url('/mine.pac') });
    await p.set(other, { pacScript: host.url('/mine.pac') });
    expect([await p.resolve(mine, 'http://a.test/'), await p.resolve(other, 'http://a.test/')]).toEqual([
      'PROXY myproxy:10',
      'PROXY myproxy:10',
    ]);
    host.serve('/mine.pac', script(11));
    await p.reload(mine);
    expect([await p.resolve(mine, 'http://a.test/'), await p.resolve(other, 'http://a.test/')]).toEqual([
      'PROXY myproxy:11',
      'PROXY myproxy:10',
    ]);
  });
});
