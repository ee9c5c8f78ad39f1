// The three webRequest events that hold a request until the listener calls
// back: onBeforeRequest (cancel or redirect before anything is sent),
// onBeforeSendHeaders (cancel, or replace the request headers) and
// onHeadersReceived (cancel, or replace the response headers and status
// line). What the listener answers is applied to the real request: the
// fixture server sees it, and so does the page or ses.fetch.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, freshSession, pageFetch, until, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeRequest', 'webRequest.onBeforeSendHeaders', 'webRequest.onHeadersReceived'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    'Blocking listeners hold the request until they call back, and their answer (cancel, redirect, new headers, new status line) is applied to the real request.',
});

const t = useTarget(meta);

const server = useHttpServer();

const seenPaths = () => server.log.requests.map((r) => r.url);
const seenRequest = (path: string) => server.log.requests.find((r) => r.url === path);

describe('webRequest.onBeforeRequest', () => {
  it('cancels the request with net::ERR_BLOCKED_BY_CLIENT before anything is sent', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeRequest((_d: Details, callback: Callback) => callback({ cancel: true }));
    expect(await failureOf(pageFetch(t, session, `${server.url}echo?cancelled`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(seenPaths()).not.toContain('/echo?cancelled');
  });

  it('redirects the request to redirectURL', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      callback(details.url.endsWith('/echo?original') ? { redirectURL: `${server.url}echo?redirected` } : {});
    });
    const res = await pageFetch(t, session, `${server.url}echo?original`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ url: '/echo?redirected' });
    expect(seenPaths()).not.toContain('/echo?original');
  });

  it('describes the request: id, url, method, resource type and time', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      seen.push(details);
      callback({});
    });
    const before = Date.now();
    await pageFetch(t, session, `${server.url}echo?details`);
    const [details] = seen;
    expect(Number.isInteger(details!.id)).toBe(true);
    expect(details).toMatchObject({ url: `${server.url}echo?details`, method: 'GET', resourceType: 'xhr' });
    expect(details!.timestamp).toBeGreaterThanOrEqual(before - 1000);
    expect(details!.timestamp).toBeLessThanOrEqual(Date.now() + 1000);
    expect(details!.uploadData).toBeUndefined();
  });

  it('passes the body of a POST as uploadData', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      seen.push(details);
      callback({ cancel: true });
    });
    await failureOf(pageFetch(t, session, `${server.url}echo?post`, { method: 'POST', body: 'name=post+test&type=string' }));
    expect(seen[0]!.method).toBe('POST');
    const uploadData = seen[0]!.uploadData as { bytes: Buffer }[];
    expect(uploadData).toHaveLength(1);
    expect(Buffer.isBuffer(uploadData[0]!.bytes)).toBe(true);
    expect(uploadData[0]!.bytes.toString()).toBe('name=post+test&type=string');
  });

  it('holds the request until the callback is called, and only the first answer counts', async () => {
    const { session, webRequest } = freshSession(t);
    let answer: Callback | undefined;
    webRequest.onBeforeRequest((_d: Details, callback: Callback) => {
      answer = callback;
    });
    const pending = pageFetch(t, session, `${server.url}echo?held`);
    await until(() => answer !== undefined, 'the listener');
    // Nothing has gone out while the listener holds the request.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seenPaths()).not.toContain('/echo?held');
    answer!({});
    answer!({ cancel: true });
    expect((await pending).status).toBe(200);
    expect(seenPaths()).toContain('/echo?held');
  });

  t.itInEras('current', 'applies to ses.fetch as well', async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      seen.push(details);
      callback({ cancel: true });
    });
    const fetchSession = session as { fetch(url: string): Promise<Response> };
    expect(await failureOf(fetchSession.fetch(`${server.url}echo?ses-fetch`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(seen.map((d) => [d.url, d.resourceType])).toEqual([[`${server.url}echo?ses-fetch`, 'other']]);
    expect(seenPaths()).not.toContain('/echo?ses-fetch');
  });
});

describe('webRequest.onBeforeSendHeaders', () => {
  it("passes the request's headers", async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onBeforeSendHeaders((details: Details, callback: Callback) => {
      seen.push(details);
      callback({ requestHeaders: details.requestHeaders as Record<string, string> });
    });
    await pageFetch(t, session, `${server.url}echo?headers-in`, { headers: { 'Foo.Bar': 'baz' } });
    expect((seen[0]!.requestHeaders as Record<string, string>)['Foo.Bar']).toBe('baz');
    expect(seen[0]).toMatchObject({ url: `${server.url}echo?headers-in`, method: 'GET' });
  });

  it('sends the headers the listener answers with, and only those it chose to keep', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeSendHeaders((details: Details, callback: Callback) => {
      const requestHeaders = { ...(details.requestHeaders as Record<string, string>) };
      delete requestHeaders['X-Remove-Me'];
      requestHeaders['X-Added'] = 'by listener';
      requestHeaders['Accept'] = '*/*;test/header';
      callback({ requestHeaders });
    });
    await pageFetch(t, session, `${server.url}echo?headers-out`, { headers: { 'X-Remove-Me': 'please' } });
    const sent = seenRequest('/echo?headers-out')!.headers;
    expect(sent['x-added']).toBe('by listener');
    expect(sent['accept']).toBe('*/*;test/header');
    expect(sent['x-remove-me']).toBeUndefined();
  });

  t.itInEras('legacy,>=e12', 'leaves the headers as they were when the answer has no requestHeaders', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeSendHeaders((_d: Details, callback: Callback) => callback({}));
    await pageFetch(t, session, `${server.url}echo?headers-kept`, { headers: { 'X-Kept': 'yes' } });
    expect(seenRequest('/echo?headers-kept')!.headers['x-kept']).toBe('yes');
  });

  it('cancels the request with net::ERR_BLOCKED_BY_CLIENT before it is sent', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onBeforeSendHeaders((_d: Details, callback: Callback) => callback({ cancel: true }));
    expect(await failureOf(pageFetch(t, session, `${server.url}echo?send-cancelled`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(seenPaths()).not.toContain('/echo?send-cancelled');
  });
});

describe('webRequest.onHeadersReceived', () => {
  it("passes the status line, status code and the response's headers with the names the server sent", async () => {
    const { session, webRequest } = freshSession(t);
    const seen: Details[] = [];
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      seen.push(details);
      callback({});
    });
    const res = await pageFetch(t, session, `${server.url}headers?X-Custom=Header`);
    expect(res.status).toBe(200);
    expect(seen[0]).toMatchObject({
      statusLine: 'HTTP/1.1 200 OK',
      statusCode: 200,
      url: `${server.url}headers?X-Custom=Header`,
    });
    expect((seen[0]!.responseHeaders as Record<string, string[]>)['X-Custom']).toEqual(['Header']);
  });

  it('gives the page the response headers the listener answers with', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      const responseHeaders = { ...(details.responseHeaders as Record<string, string[]>) };
      responseHeaders['X-Custom'] = ['Changed'];
      delete responseHeaders['X-Gone'];
      responseHeaders['X-New'] = ['one', 'two'];
      callback({ responseHeaders });
    });
    const res = await pageFetch(t, session, `${server.url}headers?X-Custom=Header&X-Gone=1`);
    expect(res.headers['x-custom']).toBe('Changed');
    expect(res.headers['x-gone']).toBeUndefined();
    expect(res.headers['x-new']).toBe('one, two');
    expect(res.body).toBe('headers');
  });

  it('changes the status with a statusLine given along with responseHeaders', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      callback({ responseHeaders: details.responseHeaders as Record<string, string[]>, statusLine: 'HTTP/1.1 404 Not Found' });
    });
    const res = await pageFetch(t, session, `${server.url}headers?X-Custom=Header`);
    expect(res.status).toBe(404);
    expect(res.headers['x-custom']).toBe('Header');
  });

  it('ignores a statusLine given without responseHeaders', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onHeadersReceived((_d: Details, callback: Callback) => callback({ statusLine: 'HTTP/1.1 404 Not Found' }));
    expect((await pageFetch(t, session, `${server.url}echo?status-kept`)).status).toBe(200);
  });

  t.itInEras('current', 'takes a string as the value of a response header', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onHeadersReceived((_d: Details, callback: Callback) => callback({ responseHeaders: { 'X-Single': 'value' } }));
    const res = await pageFetch(t, session, `${server.url}echo?string-header`);
    expect(res.headers['x-single']).toBe('value');
  });

  it('cancels the request with net::ERR_BLOCKED_BY_CLIENT', async () => {
    const { session, webRequest } = freshSession(t);
    webRequest.onHeadersReceived((_d: Details, callback: Callback) => callback({ cancel: true }));
    expect(await failureOf(pageFetch(t, session, `${server.url}echo?received-cancelled`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    // The request itself went out; its answer was refused.
    expect(seenPaths()).toContain('/echo?received-cancelled');
  });
});
