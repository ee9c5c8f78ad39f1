// Dictionary downloads use the session's own network stack: the app's host
// resolver rules, the session's proxy, and no credentials (Chromium's
// dictionary loader sends no cookies). They go through the storage
// partition's browser-process loader factory, which Electron does not wrap,
// so the session's webRequest listeners never see them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpProxy, type HttpProxyFixture } from '../../fixtures/proxies/http-proxy.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { pageFetch } from '../support/requests.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  clearDictionaries,
  dictionaryFileName,
  freshSession,
  pointAt,
  recordDictionaryEvents,
  until,
  useDictionaryServer,
} from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.setSpellCheckerDictionaryDownloadURL', "ses.on('spellcheck-dictionary-download-success')"],
  eras: '>=e9',
  requires: ['network', 'dns'],
  level: 'should',
  basis: 'chromium',
  summary:
    "A session downloads dictionaries through its own network stack: host resolver rules and the session's proxy apply, no cookies are sent, and webRequest listeners do not see the request.",
});

const HOST = 'dictionaries.fixture.test';
const t = useTarget(meta, { switches: { lang: 'ja', 'host-resolver-rules': `MAP ${HOST} 127.0.0.1` } });
const server = useDictionaryServer(t, meta);
let proxy: HttpProxyFixture;

beforeAll(async () => {
  proxy = await startHttpProxy({ hosts: { [HOST]: '127.0.0.1' } });
});
afterAll(async () => {
  await proxy?.close();
});

const base = () => `http://${HOST}:${new URL(server.url).port}/`;
const fileName = () => dictionaryFileName(t.era, 'en-US').toLowerCase();

async function download(ses: ReturnType<typeof freshSession>): Promise<string[]> {
  const events = recordDictionaryEvents(ses);
  ses.setSpellCheckerLanguages(['en-US']);
  await until(() => events.includes('initialized:en-US') || events.includes('download-failure:en-US'), 'the download');
  return events;
}

describe('the dictionary download', () => {
  it("resolves the URL's host with the app's host resolver rules", async () => {
    await clearDictionaries(t);
    pointAt(t, base());
    const events = await download(freshSession(t, 'rules'));
    expect(events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
    expect(server.requests.at(-1)?.headers.host).toBe(`${HOST}:${new URL(server.url).port}`);
  });

  it("goes through the session's proxy", async () => {
    await clearDictionaries(t);
    pointAt(t, base());
    const ses = freshSession(t, 'proxied');
    await t.invoke(ses, 'ses.setProxy', { proxyRules: `http=127.0.0.1:${proxy.port}` });
    const events = await download(ses);
    expect(events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
    expect(proxy.records.map((r) => [r.kind, r.target])).toContainEqual(['forward', `${base()}${fileName()}`]);
  });

  it("sends none of the session's cookies", async () => {
    await clearDictionaries(t);
    pointAt(t, base());
    const ses = freshSession(t, 'cookies');
    const cookies = (ses as unknown as { cookies: object }).cookies;
    await t.invoke(cookies, 'cookies.set', {
      url: base(),
      name: 'session',
      value: 'secret',
      expirationDate: Date.now() / 1000 + 3600,
    });
    await download(ses);
    const request = server.requests.filter((r) => r.path === `/${fileName()}`).at(-1);
    expect(request).toBeDefined();
    expect(request!.headers.cookie).toBeUndefined();
  });

  it("is not seen by the session's webRequest listeners, which cannot cancel it", async () => {
    await clearDictionaries(t);
    pointAt(t, base());
    const ses = freshSession(t, 'web-request');
    const seen: string[] = [];
    const webRequest = (ses as unknown as { webRequest: { onBeforeRequest(listener: unknown): void } }).webRequest;
    webRequest.onBeforeRequest((details: { url: string }, callback: (response: { cancel: boolean }) => void) => {
      seen.push(details.url);
      callback({ cancel: details.url.endsWith('.bdic') });
    });
    const events = await download(ses);
    expect(events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
    expect(seen.filter((url) => url.endsWith(fileName()))).toEqual([]);
    // The same listener does see a page's request to that server, and cancels it.
    const probe = `${base()}probe.bdic`;
    await expect(pageFetch(t, ses, probe)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
    expect(seen).toContain(probe);
  });
});
