// Which requests a webRequest filter selects, checked with generated match
// patterns and URLs against an oracle written here from the match-pattern
// rules Electron documents (Chromium's extension match patterns): a scheme
// of `*` means http or https, a host of `*` any host and `*.name` that name
// and its subdomains (never for IP addresses), a port `*` or one number,
// and in the path `*` matches any run of characters, query included. The
// current era adds excludeUrls and types.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { failureOf, freshSession, pageFetch, type Callback, type Details, type WebRequestLike } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeRequest', 'webRequest.onBeforeSendHeaders'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary: "A filter's urls select requests exactly as match patterns say; excludeUrls and types narrow them in the current era.",
});

const t = useTarget(meta);

// --- the oracle ---

interface Pattern {
  scheme: '*' | 'http' | 'https';
  /** '*', '*.name' or a name. */
  host: string;
  /** undefined: none given. */
  port?: string;
  path: string;
}

function patternText(p: Pattern): string {
  return `${p.scheme}://${p.host}${p.port === undefined ? '' : `:${p.port}`}${p.path}`;
}

const isIp = (host: string) => /^\d+(\.\d+){3}$/.test(host);
const bare = (host: string) => host.replace(/\.$/, '');

function globMatches(glob: string, text: string): boolean {
  // Only '*' is special: split on it and find the pieces in order.
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  if (!text.startsWith(pieces[0]!) || !text.endsWith(pieces[pieces.length - 1]!)) return false;
  let at = pieces[0]!.length;
  const end = text.length - pieces[pieces.length - 1]!.length;
  if (end < at) return false;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

function oracle(p: Pattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== p.scheme) return false;
  const host = bare(url.hostname);
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const base = bare(p.host.slice(2));
      if (host !== base && (isIp(host) || !host.endsWith(`.${base}`))) return false;
    } else if (host !== bare(p.host)) {
      return false;
    }
  }
  const port = url.port || (scheme === 'https' ? '443' : '80');
  if (p.port !== undefined && p.port !== '*' && p.port !== port) return false;
  const path = `${url.pathname}${url.search}`;
  // A pattern ending in '/*' also matches the path without that slash.
  return p.path === `${path}/*` || globMatches(p.path, path);
}

// --- generators over a small world, so that matches are common ---

const name = fc.constantFrom('a.test', 'b.a.test', 'c.b.a.test', 'other.test', 'test', '127.0.0.1', '10.0.0.1');
const segment = fc.constantFrom('a', 'b', 'ab', 'x', '');
const pathText = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);
const query = fc.constantFrom('', '?q=1', '?a');

const urlArb = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host: fc.tuple(name, fc.boolean()).map(([n, dot]) => (dot && !isIp(n) ? `${n}.` : n)),
    port: fc.constantFrom('', '80', '443', '8080'),
    path: pathText,
    query,
  })
  .map(({ scheme, host, port, path, query: q }) => new URL(`${scheme}://${host}${port ? `:${port}` : ''}${path}${q}`));

const globPiece = fc.constantFrom('a', 'b', 'ab', 'x', '*', '/', '?q=1');
const patternArb: fc.Arbitrary<Pattern> = fc
  .record({
    scheme: fc.constantFrom('*', 'http', 'https'),
    host: fc.oneof(
      fc.constant('*'),
      name,
      name.filter((n) => !isIp(n)).map((n) => `*.${n}`),
      fc.constant('*.0.0.1'),
    ),
    port: fc.constantFrom(undefined, '*', '80', '443', '8080'),
    path: fc.array(globPiece, { maxLength: 4 }).map((pieces) => `/${pieces.join('')}`),
  })
  // A number as the port needs a scheme that has ports.
  .filter((p) => p.scheme !== '*' || p.port === undefined || p.port === '*');

/**
 * Whether the onBeforeRequest listener registered with `filter` sees a page
 * request to `url`. onBeforeSendHeaders (no filter) cancels every request,
 * so nothing reaches the network.
 */
async function seenWith(
  session: unknown,
  webRequest: WebRequestLike,
  filter: Record<string, unknown>,
  url: URL,
): Promise<boolean> {
  let seen = false;
  webRequest.onBeforeRequest(filter, (_details: Details, callback: Callback) => {
    seen = true;
    callback({});
  });
  expect(await failureOf(pageFetch(t, session, url.href))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  return seen;
}

function blockingSession() {
  const { session, webRequest } = freshSession(t, 'url-filter');
  webRequest.onBeforeSendHeaders((_details: Details, callback: Callback) => callback({ cancel: true }));
  return { session, webRequest };
}

describe('webRequest url filters', () => {
  it('select a request exactly when one of the match patterns matches its URL', async () => {
    const { session, webRequest } = blockingSession();
    await fc.assert(
      fc.asyncProperty(fc.array(patternArb, { minLength: 1, maxLength: 2 }), urlArb, async (patterns, url) => {
        const expected = patterns.some((p) => oracle(p, url));
        expect(await seenWith(session, webRequest, { urls: patterns.map(patternText) }, url)).toBe(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('match every URL with <all_urls>', async () => {
    const { session, webRequest } = blockingSession();
    await fc.assert(
      fc.asyncProperty(urlArb, async (url) => {
        expect(await seenWith(session, webRequest, { urls: ['<all_urls>'] }, url)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('treat host and path examples the way match patterns do', async () => {
    const { session, webRequest } = blockingSession();
    const cases: [string, string, boolean][] = [
      ['http://*.a.test/*', 'http://a.test/', true],
      ['http://*.a.test/*', 'http://b.a.test/x', true],
      ['http://*.a.test/*', 'http://ba.test/x', false],
      ['http://*.0.0.1/*', 'http://127.0.0.1/', false],
      ['http://a.test/x*', 'http://a.test/x?q=1', true],
      ['http://a.test/x', 'http://a.test/x?q=1', false],
      ['http://a.test/x/*', 'http://a.test/x', true],
      ['http://a.test:8080/*', 'http://a.test/', false],
      ['http://a.test:80/*', 'http://a.test/', true],
      ['https://a.test/*', 'http://a.test/', false],
      ['*://a.test/*', 'https://a.test/', true],
      ['http://A.TEST/*', 'http://a.test/', true],
      ['http://a.test/*', 'http://a.test./', true],
    ];
    for (const [pattern, url, expected] of cases) {
      expect(await seenWith(session, webRequest, { urls: [pattern] }, new URL(url)), `${pattern} ${url}`).toBe(expected);
    }
  });

  t.itInEras('current', 'leave out what excludeUrls match, even when urls match it too', async () => {
    const { session, webRequest } = blockingSession();
    await fc.assert(
      fc.asyncProperty(patternArb, patternArb, urlArb, async (include, exclude, url) => {
        const expected = oracle(include, url) && !oracle(exclude, url);
        const filter = { urls: [patternText(include)], excludeUrls: [patternText(exclude)] };
        expect(await seenWith(session, webRequest, filter, url)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  t.itInEras('current', 'select by resource type: a page fetch is xhr, ses.fetch matches no type', async () => {
    const { session, webRequest } = blockingSession();
    const url = new URL('http://a.test/typed');
    expect(await seenWith(session, webRequest, { urls: ['<all_urls>'], types: ['xhr'] }, url)).toBe(true);
    expect(await seenWith(session, webRequest, { urls: ['<all_urls>'], types: ['script', 'image'] }, url)).toBe(false);
    expect(await seenWith(session, webRequest, { urls: ['<all_urls>'], types: [] }, url)).toBe(true);
    let seen = false;
    webRequest.onBeforeRequest({ urls: ['<all_urls>'], types: ['xhr'] }, (_d: Details, callback: Callback) => {
      seen = true;
      callback({});
    });
    const fetchSession = session as { fetch(url: string): Promise<Response> };
    expect(await failureOf(fetchSession.fetch('http://a.test/net-module'))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(seen).toBe(false);
  });

  it('select every request with an empty urls list', async () => {
    const { session, webRequest } = blockingSession();
    expect(await seenWith(session, webRequest, { urls: [] }, new URL('http://a.test/empty'))).toBe(true);
  });
});
