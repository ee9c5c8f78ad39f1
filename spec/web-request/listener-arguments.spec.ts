// webRequest.onXxx([filter, ]listener): how each era reads its arguments.
// A listener is a function or null (null removes it); a new one replaces
// the old; a filter needs `urls`, and each era treats a bad match pattern
// its own way (1.x ignores the whole filter, later eras throw a TypeError
// naming the pattern and Chromium's reason); the current era also checks
// `types`.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { ALL_EVENTS, freshSession, pageFetch, thrown, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: [
    'webRequest.onBeforeRequest',
    'webRequest.onBeforeSendHeaders',
    'webRequest.onSendHeaders',
    'webRequest.onHeadersReceived',
    'webRequest.onResponseStarted',
    'webRequest.onBeforeRedirect',
    'webRequest.onCompleted',
    'webRequest.onErrorOccurred',
  ],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'Each event takes an optional filter and one listener or null; bad listeners and filters fail with the error their era throws.',
});

const t = useTarget(meta);

const server = useHttpServer();

const cancel = (_details: Details, callback: Callback) => callback({ cancel: true });

describe('webRequest listener arguments', () => {
  t.itInEras('legacy', 'needs a function or null, else throws an Error', () => {
    const { webRequest } = freshSession(t);
    for (const event of ALL_EVENTS) {
      for (const args of [[], ['listener'], [{ urls: ['<all_urls>'] }], [{ urls: ['<all_urls>'] }, 42]]) {
        const error = thrown(() => webRequest[event](...args));
        expect(error, `${event}(${JSON.stringify(args)})`).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(TypeError);
        expect(error!.message).toBe('Must pass null or a Function');
      }
    }
  });

  t.itInEras('>=e9', 'needs a function or null, else throws a TypeError', () => {
    const { webRequest } = freshSession(t);
    for (const event of ALL_EVENTS) {
      for (const args of [[], ['listener'], [{ urls: ['<all_urls>'] }], [{ urls: ['<all_urls>'] }, 42]]) {
        const error = thrown(() => webRequest[event](...args));
        expect(error, `${event}(${JSON.stringify(args)})`).toBeInstanceOf(TypeError);
        expect(error!.message).toBe('Must pass null or a Function');
      }
    }
  });

  t.itInEras('>=e9', "throws a TypeError for a filter without 'urls'", () => {
    const { webRequest } = freshSession(t);
    for (const event of ALL_EVENTS) {
      for (const filter of [{}, { urls: 'http://example.com/*' }, { urls: [1] }, []]) {
        const error = thrown(() => webRequest[event](filter, () => undefined));
        expect(error, `${event}(${JSON.stringify(filter)})`).toBeInstanceOf(TypeError);
        expect(error!.message).toBe("Parameter 'filter' must have property 'urls'.");
      }
    }
  });

  t.itInEras('>=e9', "throws a TypeError naming a pattern that does not parse and Chromium's reason", () => {
    const { webRequest } = freshSession(t);
    const cases: [string, string][] = [
      ['example.com', 'Missing scheme separator.'],
      ['custom://host/*', 'Wrong scheme type.'],
      ['http:/host/*', 'Wrong scheme type.'],
      ['http://', 'Host can not be empty.'],
      ['http:///path', 'Host can not be empty.'],
      ['http://*./*', 'Host can not be empty.'],
      ['http://host', 'Empty path.'],
      ['http://ho*st/*', 'Invalid host wildcard.'],
      ['http://host:port/*', 'Invalid port.'],
      ['http://host:65536/*', 'Invalid port.'],
      ['http://[::1/*', 'Invalid host.'],
    ];
    for (const event of ALL_EVENTS) {
      for (const [pattern, reason] of cases) {
        const error = thrown(() => webRequest[event]({ urls: ['http://fine.example/*', pattern] }, () => undefined));
        expect(error, `${event}: ${pattern}`).toBeInstanceOf(TypeError);
        expect(error!.message).toBe(`Invalid url pattern ${pattern}: ${reason}`);
      }
    }
  });

  t.itInEras('>=e9', 'accepts the patterns the documentation lists', () => {
    const { webRequest } = freshSession(t);
    const documented = [
      '<all_urls>',
      'http://foo:1234/',
      'http://foo.com/',
      'http://foo:1234/bar',
      '*://*/*',
      '*://example.com/*',
      '*://example.com/foo/*',
      'http://*.foo:1234/',
      'file://foo:1234/bar',
      'http://foo:*/',
      '*://www.foo.com/',
    ];
    expect(thrown(() => webRequest.onBeforeRequest({ urls: documented }, cancel))).toBeUndefined();
  });

  // gin converts `urls` as a vector, index by index: a hole fails it at once,
  // however long the array claims to be.
  t.itInEras('>=e9', "throws the same TypeError for a 'urls' array with holes", () => {
    const { webRequest } = freshSession(t);
    const huge: string[] = ['<all_urls>'];
    huge.length = 2 ** 32 - 1;
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    for (const urls of [[, '<all_urls>'], ['<all_urls>', , '*://*/*'], huge]) {
      const error = thrown(() => webRequest.onBeforeRequest({ urls }, () => undefined));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toBe("Parameter 'filter' must have property 'urls'.");
    }
  });

  t.itInEras('current', "ignores 'types' and 'excludeUrls' arrays that do not convert, holes included", async () => {
    const { session, webRequest } = freshSession(t);
    const huge: string[] = ['xhr'];
    huge.length = 2 ** 32 - 1;
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    webRequest.onBeforeRequest({ urls: ['<all_urls>'], types: huge, excludeUrls: [, `${server.url}*`] }, cancel);
    await expect(pageFetch(t, session, `${server.url}echo?holes`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
  });

  t.itInEras('legacy', 'ignores a filter whose urls array has a hole: the listener sees every request', async () => {
    const { session, webRequest } = freshSession(t);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    webRequest.onBeforeRequest({ urls: [, `${server.url}only-this`] }, cancel);
    await expect(pageFetch(t, session, `${server.url}echo?legacy-holes`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
  });

  t.itInEras('legacy', 'ignores a filter with a pattern that does not parse: the listener sees every request', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeRequest({ urls: ['not a pattern', `${server.url}only-this`] }, cancel);
    await expect(pageFetch(t, session, `${server.url}echo?legacy-bad-filter`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
  });

  t.itInEras('current', 'throws a TypeError for a type it does not know', () => {
    const { webRequest } = freshSession(t);
    for (const event of ALL_EVENTS) {
      for (const type of ['other', 'document', 'XHR']) {
        const error = thrown(() => webRequest[event]({ urls: ['<all_urls>'], types: ['xhr', type] }, () => undefined));
        expect(error, `${event}: ${type}`).toBeInstanceOf(TypeError);
        expect(error!.message).toBe(`Invalid type ${type}`);
      }
    }
  });

  it('sees every request when no filter is given', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeRequest(cancel);
    await expect(pageFetch(t, session, `${server.url}echo?no-filter-1`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
    await expect(pageFetch(t, session, `${server.url}other/path`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
  });

  it('keeps one listener per event: a new one replaces the old', async () => {
    const { session, webRequest } = freshSession(t);
    const first: string[] = [];
    const second: string[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      first.push(details.url);
      callback({ cancel: true });
    });
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      second.push(details.url);
      callback({});
    });
    const res = await pageFetch(t, session, `${server.url}echo?replaced`);
    expect(res.status).toBe(200);
    expect(first).toEqual([]);
    expect(second).toEqual([`${server.url}echo?replaced`]);
  });

  it('removes the listener when given null', async () => {
    const { session, webRequest } = freshSession(t);
    const calls: string[] = [];
    for (const event of ALL_EVENTS) {
      webRequest[event]((_details: Details, callback?: Callback) => {
        calls.push(event);
        callback?.({ cancel: true });
      });
      webRequest[event](null);
    }
    const res = await pageFetch(t, session, `${server.url}echo?removed`);
    expect(res.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('removes the listener when given a filter and null', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, cancel);
    webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, null);
    expect((await pageFetch(t, session, `${server.url}echo?filter-null`)).status).toBe(200);
  });

  it('accepts null when no listener is set', () => {
    const { webRequest } = freshSession(t);
    for (const event of ALL_EVENTS) expect(thrown(() => webRequest[event](null))).toBeUndefined();
  });
});
