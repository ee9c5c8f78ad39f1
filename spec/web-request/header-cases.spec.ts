// webRequest header listeners in particular cases: the Origin header a
// listener sets is the one sent; a registered scheme's own redirect is a new
// hop whose headers the listener changes again; a page's file: request goes
// through onBeforeSendHeaders and onSendHeaders; response headers of the
// network and of a registered scheme can be replaced (CORS ones included);
// a listener that hands the headers back on a redirect does not stop it
// being followed; and a Content-Disposition with raw UTF-8 bytes reaches
// the page as sent while the listener sees it as each era's binding
// decodes it.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { mustChange, protocolOf, type ProtocolCallback, type ProtocolRequest } from '../protocol/protocol-support.ts';
import { freshSession, headerOf, pageFetch, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeSendHeaders', 'webRequest.onSendHeaders', 'webRequest.onHeadersReceived'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    "Header listeners change Origin, the hops of a scheme's own redirect, file: requests and CORS responses; redirects still follow; Content-Disposition is decoded for listeners only.",
});

const t = useTarget(meta);

const DISPOSITION = Buffer.from('attachment; filename=aa中aa.txt').toString('binary');
const server = useHttpServer({
  routes: {
    // Written as bytes: the file name's UTF-8 bytes raw in the header.
    '/disposition': (req) => {
      const head = 'HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\nContent-Disposition: ';
      (req as { socket: import('node:net').Socket }).socket.end(
        Buffer.concat([Buffer.from(head), Buffer.from(DISPOSITION, 'latin1'), Buffer.from('\r\n\r\n/disposition')]),
      );
    },
    '/moved': (req, res) => {
      res.writeHead(301, { location: `http://${req.headers.host}/landing`, 'content-length': '0' });
      res.end();
    },
    '/landing': (_req, res) => {
      res.writeHead(200, { custom: 'Header', 'content-length': '7' });
      res.end('landing');
    },
  },
});

let file: string;
beforeAll(async () => {
  file = path.join(await t.tempDir(), 'blank.html');
  await writeFile(file, '<html></html>');
});

const lastSeen = (pathAndQuery: string) => server.log.requests.filter((r) => r.url === pathAndQuery).at(-1);

/** onBeforeSendHeaders that sets `name` to `value` and lets the request go. */
const setting = (name: string, value: string) => (details: Details, callback: Callback) => {
  const requestHeaders = { ...(details.requestHeaders as Record<string, string>), [name]: value };
  callback({ requestHeaders });
};

describe('header listeners in particular cases', () => {
  it('sends the Origin header a listener sets', async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    webRequest.onBeforeSendHeaders(setting('Origin', 'http://new-origin'));
    await pageFetch(t, session, `${server.url}echo?origin`);
    expect(lastSeen('/echo?origin')?.headers.origin).toBe('http://new-origin');
  });

  // 1.x string handlers answer data only (no status, no redirect).
  t.itInEras('>=e9', "changes the headers of each hop of a registered scheme's own redirect", async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    const seen: string[] = [];
    await mustChange(
      t,
      protocolOf(session),
      'registerStringProtocol',
      'no-cors',
      (request: ProtocolRequest, cb: ProtocolCallback) => {
        const accept = headerOf(request.headers, 'accept') ?? '';
        seen.push(`${request.url} ${accept}`);
        if (request.url === 'no-cors://fake-host/redirect')
          cb({ statusCode: 302, headers: { Location: 'no-cors://fake-host/' } });
        else cb(accept === '*/*;test/header' ? 'header-received' : 'no header');
      },
    );
    webRequest.onBeforeSendHeaders(setting('Accept', '*/*;test/header'));
    const res = await pageFetch(t, session, 'no-cors://fake-host/redirect');
    expect(res.body).toBe('header-received');
    expect(seen.at(-1)).toBe('no-cors://fake-host/ */*;test/header');
  });

  it("passes a page's file: request through onBeforeSendHeaders and onSendHeaders with the headers a listener set", async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    const replaced = { Test: 'header' };
    const sent: Details[] = [];
    webRequest.onBeforeSendHeaders((_details: Details, callback: Callback) => callback({ requestHeaders: replaced }));
    webRequest.onSendHeaders((details: Details) => sent.push(details));
    const res = await pageFetch(t, session, pathToFileURL(file).href);
    expect(res.body).toBe('<html></html>');
    expect(sent.map((d) => d.requestHeaders)).toEqual([replaced]);
  });

  it('replaces access-control-allow-origin on a network response', async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      const responseHeaders = {
        ...(details.responseHeaders as Record<string, string[]>),
        'access-control-allow-origin': ['http://new-origin'],
      };
      callback({ responseHeaders });
    });
    const res = await pageFetch(t, session, `${server.url}echo?acao`);
    expect(res.headers['access-control-allow-origin']).toBe('http://new-origin');
  });

  it('replaces the headers of a response a registered scheme gives', async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    await mustChange(t, protocolOf(session), 'registerStringProtocol', 'cors', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(''),
    );
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      callback({ responseHeaders: { ...(details.responseHeaders as Record<string, string[]>), Custom: ['Changed'] } });
    });
    const res = await pageFetch(t, session, 'cors://host/');
    expect(res.headers.custom).toBe('Changed');
  });

  it('follows a redirect whose headers a listener handed back unchanged', async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    webRequest.onHeadersReceived((details: Details, callback: Callback) =>
      callback({ responseHeaders: details.responseHeaders }),
    );
    const res = await pageFetch(t, session, `${server.url}moved`);
    expect(res).toMatchObject({ status: 200, body: 'landing' });
    expect(res.headers.custom).toBe('Header');
  });

  it('leaves a Content-Disposition with raw UTF-8 bytes as sent, and shows the listener the value its era decodes', async () => {
    const { session, webRequest } = freshSession(t, 'header-cases');
    const seen: string[][] = [];
    webRequest.onHeadersReceived((details: Details, callback: Callback) => {
      // Names keep the case the server sent.
      seen.push(headerOf(details.responseHeaders as Record<string, string[]>, 'content-disposition')!);
      callback({});
    });
    const res = await pageFetch(t, session, `${server.url}disposition`);
    expect(res.body).toBe('/disposition');
    expect(res.headers['content-disposition']).toBe(DISPOSITION);
    const forEra: Record<string, string> = {
      legacy: 'attachment; filename=aa中aa.txt',
      e9: 'attachment; filename=aa中aa.txt',
      e12: ' attachement; filename=aa中aa.txt',
      e17: ' attachment; filename="aa中aa.txt"',
      current: ' attachment; filename="aa中aa.txt"',
    };
    expect(seen).toEqual([[forEra[t.era]]]);
  });
});
