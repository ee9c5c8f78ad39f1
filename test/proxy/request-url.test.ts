// The URL reading behind every decision: the fast scanner must agree with
// the WHATWG parser on host, port and spec for every URL it accepts, and the
// PAC sanitizing must equal clearing credentials, fragment (and for https
// and wss path and query) with the URL parser.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearRequestUrlCache, INVALID_URL, parseRequestUrl, sanitizedSpecForPac } from '../../reference/proxy/request-url.ts';
import { noPrivileges, UrlSchemes } from '../../reference/app/url-schemes.ts';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21 };

const segment = fc.constantFrom(
  'a',
  'B',
  '.',
  '..',
  '%2e',
  '%2E.',
  'x y',
  "q'",
  '~',
  '%41',
  '',
  'é',
  '\\',
  '"',
  '<',
  '{',
  '|',
  '`',
  '^',
  '[',
  ']',
  '#',
);
const url = fc
  .record({
    scheme: fc.constantFrom('http', 'https', 'ws', 'wss', 'HTTP', 'ftp', 'foo'),
    userinfo: fc.constantFrom('', '', 'u:p@', 'u@'),
    host: fc.constantFrom('a.test', 'b', 'x-y.z', 'A.test', 'a.1', 'xn--a.b', '127.1', '[::1]', 'a..b', 'a.', 'localhost'),
    port: fc.constantFrom('', ':80', ':443', ':8080', ':0', ':99999', ':'),
    path: fc.array(segment, { maxLength: 4 }).map((p) => (p.length ? `/${p.join('/')}` : '')),
    query: fc.option(fc.array(segment, { maxLength: 3 }).map((p) => `?${p.join('&')}`)),
    fragment: fc.option(fc.constantFrom('#f', '#', '#a b')),
  })
  .map((r) => `${r.scheme}://${r.userinfo}${r.host}${r.port}${r.path}${r.query ?? ''}${r.fragment ?? ''}`);

function whatwg(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

describe('parseRequestUrl', () => {
  it('agrees with the URL parser on scheme, host, port and spec', () => {
    fc.assert(
      fc.property(url, fc.boolean(), (text, cold) => {
        if (cold) clearRequestUrlCache();
        const ours = parseRequestUrl(text);
        const reference = whatwg(text);
        if (!reference) {
          expect(ours).toBe(INVALID_URL);
          return;
        }
        expect(ours.valid).toBe(true);
        expect(ours.scheme).toBe(reference.protocol.slice(0, -1));
        expect(ours.spec).toBe(reference.href);
        if (reference.protocol in DEFAULT_PORTS) {
          expect(ours.host).toBe(reference.hostname);
          expect(ours.effectivePort).toBe(reference.port ? Number(reference.port) : DEFAULT_PORTS[reference.protocol]);
        } else {
          // GURL gives non-standard schemes no host.
          expect(ours.host).toBe('');
        }
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("strips what a PAC script must not see, as Chromium's SanitizeUrl does", () => {
    fc.assert(
      fc.property(url, (text) => {
        const reference = whatwg(text);
        fc.pre(reference !== null && reference.protocol in DEFAULT_PORTS);
        const expected = new URL(reference!.href);
        expected.username = '';
        expected.password = '';
        expected.hash = '';
        if (expected.protocol === 'https:' || expected.protocol === 'wss:') {
          expected.pathname = '/';
          expected.search = '';
        }
        expect(sanitizedSpecForPac(parseRequestUrl(text))).toBe(expected.href.replace(/#$/, ''));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('reads hosts of IP literals as IPs', () => {
    expect(parseRequestUrl('http://0x7f.1:8080/').ip?.bytes).toEqual([127, 0, 0, 1]);
    expect(parseRequestUrl('http://[::1]/').hostNoBrackets).toBe('::1');
    expect(parseRequestUrl('http://a.test/').ip).toBeNull();
  });
});

describe('parseRequestUrl with registered standard schemes', () => {
  const schemes = new UrlSchemes();
  schemes.addPrivileged('app', { ...noPrivileges(), standard: true });

  it('reads such a URL with its canonical host and no port; others stay host-less', () => {
    const url = parseRequestUrl('APP://User:pw@Foo.TEST:99/a/./b/../c?q=1#f', schemes);
    expect(url).toMatchObject({
      valid: true,
      scheme: 'app',
      host: 'foo.test',
      hostNoBrackets: 'foo.test',
      effectivePort: -1,
      ip: null,
    });
    expect(sanitizedSpecForPac(url)).toBe('app://foo.test/a/c?q=1');
    expect(parseRequestUrl('app://0x7f.1/', schemes).ip?.bytes).toEqual([127, 0, 0, 1]);
    expect(parseRequestUrl('app://[::1]/', schemes)).toMatchObject({ host: '[::1]', hostNoBrackets: '::1' });
    expect(parseRequestUrl('app://', schemes)).toBe(INVALID_URL);
    expect(parseRequestUrl('app://foo.test/x')).toMatchObject({ valid: true, host: '' });
    expect(parseRequestUrl('other://foo.test/x', schemes)).toMatchObject({ valid: true, host: '' });
  });

  it('leaves the cached answers for unregistered readers alone', () => {
    clearRequestUrlCache();
    expect(parseRequestUrl('app://foo.test/y', schemes).host).toBe('foo.test');
    expect(parseRequestUrl('app://foo.test/y').host).toBe('');
    expect(parseRequestUrl('app://foo.test/y', schemes).host).toBe('foo.test');
  });
});
