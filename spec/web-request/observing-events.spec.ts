// The webRequest events that only observe: onSendHeaders, onResponseStarted,
// onBeforeRedirect, onCompleted and onErrorOccurred, their details, and the
// order of all eight events for one request, redirects included (the same
// id throughout, a new round of events for each hop).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { closedPort } from '../../fixtures/servers/index.ts';
import { failureOf, freshSession, pageFetch, recordAll, until, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: [
    'webRequest.onSendHeaders',
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
    'Observing listeners get the details Electron passes at each stage, in the order Electron runs them, redirects included.',
});

const t = useTarget(meta);

const server = useHttpServer();

const names = (seen: [string, Details][]) => seen.map(([event]) => event);

describe('webRequest.onSendHeaders', () => {
  it('sees the headers onBeforeSendHeaders decided on', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeSendHeaders((_d: Details, callback: Callback) => callback({ requestHeaders: { Test: 'header' } }));
    webRequest.onSendHeaders((details: Details) => seen.push(details));
    await pageFetch(t, session, `${server.url}echo?send-headers`);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.requestHeaders).toEqual({ Test: 'header' });
    expect(seen[0]).toMatchObject({ url: `${server.url}echo?send-headers`, method: 'GET' });
  });
});

describe('webRequest.onResponseStarted', () => {
  it('passes the status and the headers of the response', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onResponseStarted((details: Details) => seen.push(details));
    const res = await pageFetch(t, session, `${server.url}headers?Custom=Header`);
    expect(res.headers['custom']).toBe('Header');
    expect(seen[0]).toMatchObject({ statusLine: 'HTTP/1.1 200 OK', statusCode: 200, fromCache: false });
    expect((seen[0]!.responseHeaders as Record<string, string[]>)['Custom']).toEqual(['Header']);
  });
});

describe('webRequest.onBeforeRedirect', () => {
  it("passes a server's redirect with its status and target", async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeRedirect((details: Details) => seen.push(details));
    const res = await pageFetch(t, session, `${server.url}redirect?to=/echo%3Fafter&code=301`);
    expect(JSON.parse(res.body)).toMatchObject({ url: '/echo?after' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      url: `${server.url}redirect?to=/echo%3Fafter&code=301`,
      redirectURL: `${server.url}echo?after`,
      statusCode: 301,
      statusLine: 'HTTP/1.1 301 Moved Permanently',
      fromCache: false,
    });
  });

  it("passes onBeforeRequest's redirect as Chromium's internal 307", async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    const target = `${server.url}echo?internal-target`;
    webRequest.onBeforeRequest((details: Details, callback: Callback) =>
      callback(details.url === target ? {} : { redirectURL: target }),
    );
    webRequest.onBeforeRedirect((details: Details) => seen.push(details));
    await pageFetch(t, session, `${server.url}echo?internal-source`);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      url: `${server.url}echo?internal-source`,
      redirectURL: target,
      statusCode: 307,
      statusLine: 'HTTP/1.1 307 Internal Redirect',
    });
  });
});

describe('webRequest.onCompleted', () => {
  it('reports a request completed once its body has been read', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onCompleted((details: Details) => seen.push(details));
    const res = await pageFetch(t, session, `${server.url}bytes?n=70000`);
    expect(res.body).toHaveLength(70000);
    await until(() => seen.length === 1, 'onCompleted');
    expect(seen[0]).toMatchObject({
      url: `${server.url}bytes?n=70000`,
      statusCode: 200,
      statusLine: 'HTTP/1.1 200 OK',
      fromCache: false,
    });
  });

  t.itInEras('>=e9', "reports the completion's net error, net::OK", async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onCompleted((details: Details) => seen.push(details));
    await pageFetch(t, session, `${server.url}echo?completed-ok`);
    await until(() => seen.length === 1, 'onCompleted');
    expect(seen[0]!.error).toBe('net::OK');
  });
});

describe('webRequest.onErrorOccurred', () => {
  it('reports a cancelled request with net::ERR_BLOCKED_BY_CLIENT', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeRequest((_d: Details, callback: Callback) => callback({ cancel: true }));
    webRequest.onErrorOccurred((details: Details) => seen.push(details));
    await failureOf(pageFetch(t, session, `${server.url}echo?error-cancelled`));
    await until(() => seen.length === 1, 'onErrorOccurred');
    expect(seen[0]).toMatchObject({
      url: `${server.url}echo?error-cancelled`,
      method: 'GET',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    });
  });

  it('reports a request that could not connect with its net error', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onErrorOccurred((details: Details) => seen.push(details));
    const url = `http://127.0.0.1:${await closedPort()}/refused`;
    expect(await failureOf(pageFetch(t, session, url))).toBe('net::ERR_CONNECTION_REFUSED');
    await until(() => seen.length === 1, 'onErrorOccurred');
    expect(seen[0]).toMatchObject({ url, error: 'net::ERR_CONNECTION_REFUSED' });
  });
});

describe('webRequest event order', () => {
  it('runs the stages of one request in order, with one id', async () => {
    const { session, webRequest } = freshSession(t);
    const seen = recordAll(webRequest);
    await pageFetch(t, session, `${server.url}echo?order`);
    await until(() => names(seen).includes('onCompleted'), 'onCompleted');
    expect(names(seen)).toEqual([
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onResponseStarted',
      'onCompleted',
    ]);
    expect(new Set(seen.map(([, d]) => d.id)).size).toBe(1);
  });

  it('starts the stages again after a server redirect, keeping the id', async () => {
    const { session, webRequest } = freshSession(t);
    const seen = recordAll(webRequest);
    await pageFetch(t, session, `${server.url}redirect?to=/echo%3Fredirected-order`);
    await until(() => names(seen).includes('onCompleted'), 'onCompleted');
    expect(names(seen)).toEqual([
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onBeforeRedirect',
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onResponseStarted',
      'onCompleted',
    ]);
    expect(new Set(seen.map(([, d]) => d.id)).size).toBe(1);
    const urls = seen.map(([, d]) => d.url);
    expect(urls.slice(0, 5).every((u) => u.includes('/redirect?'))).toBe(true);
    expect(urls.slice(5).every((u) => u === `${server.url}echo?redirected-order`)).toBe(true);
  });

  it('gives different requests different ids', async () => {
    const { session, webRequest } = freshSession(t);
    const seen = recordAll(webRequest);
    await pageFetch(t, session, `${server.url}echo?id-1`);
    await pageFetch(t, session, `${server.url}echo?id-2`);
    await until(() => names(seen).filter((n) => n === 'onCompleted').length === 2, 'both completions');
    const ids = new Map(seen.map(([, d]) => [d.url, d.id]));
    expect(ids.get(`${server.url}echo?id-1`)).not.toBe(ids.get(`${server.url}echo?id-2`));
  });

  it('ends a cancelled request with onErrorOccurred and nothing after it', async () => {
    const { session, webRequest } = freshSession(t);
    const seen = recordAll(webRequest);
    webRequest.onBeforeSendHeaders((details: Details, callback: Callback) => {
      seen.push(['onBeforeSendHeaders', details]);
      callback({ cancel: true });
    });
    await failureOf(pageFetch(t, session, `${server.url}echo?order-cancelled`));
    await until(() => names(seen).includes('onErrorOccurred'), 'onErrorOccurred');
    expect(names(seen)).toEqual(['onBeforeRequest', 'onBeforeSendHeaders', 'onErrorOccurred']);
  });

  t.itInEras('current', 'is the same for ses.fetch', async () => {
    const { session, webRequest } = freshSession(t);
    const seen = recordAll(webRequest);
    const res = await (session as { fetch(url: string): Promise<Response> }).fetch(`${server.url}redirect?to=/echo%3Fnet-order`);
    await res.text();
    await until(() => names(seen).includes('onCompleted'), 'onCompleted');
    expect(names(seen)).toEqual([
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onBeforeRedirect',
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onResponseStarted',
      'onCompleted',
    ]);
    expect(seen.every(([, d]) => d.resourceType === 'other')).toBe(true);
  });
});
