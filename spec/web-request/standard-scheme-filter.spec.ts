// webRequest filters for a scheme the app registered as standard before
// ready: Chromium's match patterns ask url::IsStandard, which knows the
// registered schemes, so `app://host/path*` is a pattern with a host that
// selects a page's `app:` requests by host (wildcards included) and path,
// and the host-less `app:path` form is refused. Such a scheme has no port, so
// a pattern naming one is refused too. (ses.fetch hands `app:` URLs straight
// to their handler, past webRequest: request-scope.spec.ts.)

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { mustChange, protocolOf, type ProtocolCallback, type ProtocolRequest } from '../protocol/protocol-support.ts';
import { freshSession, pageFetch, thrown, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeRequest'],
  eras: '*',
  requires: ['network'],
  level: 'should',
  basis: 'electron',
  summary:
    'A filter for a scheme registered as standard is a host pattern (app://host/path*) selecting page requests by canonical host and path; app:path and ports are refused.',
});

const t = useTarget(meta, { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true } }] });

const cancel = (_d: Details, callback: Callback) => callback({ cancel: true });

/** A fresh session whose `app:` handler answers 'served', with `urls` cancelling what it selects. */
async function filtered(urls: string[]) {
  const { session, webRequest } = freshSession(t, 'standard-filter');
  await mustChange(t, protocolOf(session), 'registerStringProtocol', 'app', (_r: ProtocolRequest, cb: ProtocolCallback) =>
    cb('served'),
  );
  webRequest.onBeforeRequest({ urls }, cancel);
  /** 'cancelled' when the filter selected the page's request for `url`, else the body (or error) it got. */
  return async (url: string): Promise<string> => {
    try {
      return (await pageFetch(t, session, url)).body;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return message === 'net::ERR_BLOCKED_BY_CLIENT' ? 'cancelled' : message;
    }
  };
}

describe('webRequest filters on a standard custom scheme', () => {
  it('select requests by host and path, the host compared in canonical form', async () => {
    const outcome = await filtered(['app://foo.test/a/*']);
    expect(await outcome('app://foo.test/a/x')).toBe('cancelled');
    expect(await outcome('app://FOO.test/a/y?q=1')).toBe('cancelled');
    expect(await outcome('app://foo.test/b')).toBe('served');
    expect(await outcome('app://other.test/a/x')).toBe('served');
  });

  it('match subdomains with *. and every host with *, but never another scheme', async () => {
    const sub = await filtered(['app://*.foo.test/*']);
    expect(await sub('app://foo.test/')).toBe('cancelled');
    expect(await sub('app://deep.sub.foo.test/x')).toBe('cancelled');
    expect(await sub('app://barfoo.test/')).toBe('served');
    const any = await filtered(['app://*/*']);
    expect(await any('app://anything.test/x')).toBe('cancelled');
    const http = await filtered(['*://*/*']);
    expect(await http('app://anything.test/x')).toBe('served');
  });

  t.itInEras('>=e9', 'refuse the host-less form and a port, with the pattern and the reason', async () => {
    const { webRequest } = freshSession(t, 'standard-filter-bad');
    const listener = () => undefined;
    const opaque = thrown(() => webRequest.onBeforeRequest({ urls: ['app:foo.test/*'] }, listener));
    expect(opaque).toBeInstanceOf(TypeError);
    expect((opaque as Error).message).toBe('Invalid url pattern app:foo.test/*: Wrong scheme type.');
    const port = thrown(() => webRequest.onBeforeRequest({ urls: ['app://foo.test:8080/*'] }, listener));
    expect(port).toBeInstanceOf(TypeError);
    expect((port as Error).message).toBe('Invalid url pattern app://foo.test:8080/*: Invalid port.');
  });
});
