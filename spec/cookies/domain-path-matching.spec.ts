// Properties of cookie domain and path matching, checked against an oracle
// written here from RFC 6265 (5.1.3 domain-match, 5.1.4 paths and
// path-match, 5.3 storage model), the rules tough-cookie documents: which
// domain attributes a URL may set, and which cookies a URL receives. A
// second property pins Electron's own `domain` filter of cookies.get per era.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, getCookies, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.set', 'cookies.get'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary:
    'Domain attributes are accepted and cookies are selected for a URL exactly as RFC 6265 domain-match and path-match say.',
});

const t = useTarget(meta);

// --- the oracle (RFC 6265) ---

/** 5.1.3: `host` domain-matches `domain`. Hosts here are names, never IP addresses. */
function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

/** 5.1.4: the default path of a request path. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const slash = requestPath.lastIndexOf('/');
  return slash === 0 ? '/' : requestPath.slice(0, slash);
}

/** 5.1.4: `requestPath` path-matches `cookiePath`. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** 5.3 step 5-6: whether a Domain attribute is accepted for a host ('com' and 'co.uk' are public suffixes). */
function domainAccepted(host: string, attribute: string): boolean {
  if (attribute === '') return true;
  const domain = attribute.replace(/^\./, '').toLowerCase();
  if (['com', 'org', 'uk', 'co.uk'].includes(domain)) return false;
  return domainMatches(host, domain);
}

// --- generated hosts and paths, in two sites and a public suffix ---

const label = fc.constantFrom('a', 'b', 'www', 'x-y');
const site = fc.constantFrom('example.com', 'example.org', 'example.co.uk');
const host = fc.tuple(fc.array(label, { maxLength: 2 }), site).map(([labels, s]) => [...labels, s].join('.'));
const pathSegment = fc.constantFrom('a', 'b', 'ab', 'A');
const path = fc
  .array(pathSegment, { maxLength: 3 })
  .chain((segments) => fc.constantFrom(`/${segments.join('/')}`, `/${segments.join('/')}/`.replace('//', '/')));

/** Domain attributes around a host: its own suffixes (with or without a dot, odd case), other sites, public suffixes, none. */
function domainAttribute(forHost: string) {
  const labels = forHost.split('.');
  const suffixes = labels.map((_, i) => labels.slice(i).join('.'));
  return fc.oneof(
    fc.constant(''),
    fc.constantFrom(...suffixes).chain((s) => fc.constantFrom(s, `.${s}`, s.toUpperCase())),
    fc.constantFrom('example.org', 'xample.com', 'ample.com', 'b.example.com', 'other.example.co.uk'),
  );
}

const cookieCase = host.chain((setHost) =>
  fc.record({
    setHost: fc.constant(setHost),
    setPath: path,
    attribute: domainAttribute(setHost),
    cookiePath: fc.oneof(fc.constant(''), path),
    requestHost: fc.oneof(fc.constant(setHost), host),
    requestPath: path,
  }),
);

describe('domain and path matching', () => {
  it('accepts a Domain attribute exactly when the URL host domain-matches it and it is no public suffix', async () => {
    await fc.assert(
      fc.asyncProperty(cookieCase, async (c) => {
        const { cookies } = freshSession(t, 'accept');
        const details = { url: `https://${c.setHost}${c.setPath}`, name: 'n', value: 'v', domain: c.attribute, secure: true };
        const accepted = await setCookie(t, cookies, details).then(
          () => true,
          () => false,
        );
        expect(accepted).toBe(domainAccepted(c.setHost, c.attribute));
      }),
      { numRuns: 100 },
    );
  });

  it('gives a URL exactly the cookies whose domain and path it matches', async () => {
    await fc.assert(
      fc.asyncProperty(
        cookieCase.filter((c) => domainAccepted(c.setHost, c.attribute)),
        async (c) => {
          const { cookies } = freshSession(t, 'match');
          await setCookie(t, cookies, {
            url: `https://${c.setHost}${c.setPath}`,
            name: 'n',
            value: 'v',
            domain: c.attribute,
            path: c.cookiePath,
            secure: true,
          });
          const hostOnly = c.attribute === '';
          const cookieDomain = hostOnly ? c.setHost : c.attribute.replace(/^\./, '').toLowerCase();
          const cookiePath = c.cookiePath === '' ? defaultPath(c.setPath) : c.cookiePath;
          const [stored] = await getCookies(t, cookies, {});
          expect(stored).toMatchObject({ domain: hostOnly ? cookieDomain : `.${cookieDomain}`, hostOnly, path: cookiePath });
          const expected =
            (hostOnly ? c.requestHost === cookieDomain : domainMatches(c.requestHost, cookieDomain)) &&
            pathMatches(c.requestPath, cookiePath);
          const got = await getCookies(t, cookies, { url: `https://${c.requestHost}${c.requestPath}` });
          expect(got.length).toBe(expected ? 1 : 0);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("selects cookies by the filter's domain the way the era does", async () => {
    const filterDomain = fc.tuple(host, fc.boolean()).map(([h, dot]) => (dot ? `.${h}` : h));
    await fc.assert(
      fc.asyncProperty(
        cookieCase.filter((c) => domainAccepted(c.setHost, c.attribute)),
        filterDomain,
        async (c, filter) => {
          const { cookies } = freshSession(t, 'filter');
          await setCookie(t, cookies, { url: `https://${c.setHost}/`, name: 'n', value: 'v', domain: c.attribute, secure: true });
          const [stored] = await getCookies(t, cookies, {});
          const bare = stored!.domain!.replace(/^\./, '');
          const filterBare = filter.replace(/^\./, '');
          // Up to Electron 36: cookies whose domain is the filter's or below it. Later: cookies sent to the filter as a host.
          const expected =
            t.era === 'current'
              ? stored!.hostOnly
                ? filter === bare
                : filter === stored!.domain || domainMatches(filter, bare)
              : domainMatches(bare, filterBare);
          const got = await getCookies(t, cookies, { domain: filter });
          expect(got.length).toBe(expected ? 1 : 0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
