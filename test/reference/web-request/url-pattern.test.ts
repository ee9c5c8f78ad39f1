import { describe, expect, it } from 'vitest';
import { PARSE_ERRORS, UrlPattern } from '../../../reference/web-request/url-pattern.ts';
import { filterMatches, readListenerArguments } from '../../../reference/web-request/listener-arguments.ts';
import { noPrivileges, UrlSchemes } from '../../../reference/app/url-schemes.ts';

function pattern(text: string): UrlPattern {
  const parsed = UrlPattern.parse(text);
  if (!(parsed instanceof UrlPattern)) throw new Error(`${text}: ${parsed.error}`);
  return parsed;
}

const matches = (p: string, url: string) => pattern(p).matches(new URL(url));

describe('UrlPattern (Chromium match patterns, SCHEME_ALL)', () => {
  it('gives Chromium’s reason for patterns that do not parse', () => {
    const cases: [string, string][] = [
      ['nothing', PARSE_ERRORS.missingSchemeSeparator],
      ['app://host/*', PARSE_ERRORS.wrongSchemeType],
      ['http:host/*', PARSE_ERRORS.wrongSchemeType],
      ['http://', PARSE_ERRORS.emptyHost],
      ['http://:80/', PARSE_ERRORS.emptyHost],
      ['http://[]/', PARSE_ERRORS.emptyHost],
      ['http://host', PARSE_ERRORS.emptyPath],
      ['http://a*b/', PARSE_ERRORS.invalidHostWildcard],
      ['http://host:-1/', PARSE_ERRORS.invalidPort],
      ['*://host:80/', PARSE_ERRORS.invalidPort],
      ['app:*', ''],
      ['http://[::1]x/', PARSE_ERRORS.invalidHost],
      ['http://exa mple/', PARSE_ERRORS.invalidHost],
    ];
    for (const [text, reason] of cases) {
      const parsed = UrlPattern.parse(text);
      if (reason) expect(parsed, text).toEqual({ error: reason });
      else expect(parsed, text).toBeInstanceOf(UrlPattern);
    }
  });

  it('matches schemes: * is http or https, <all_urls> is anything', () => {
    expect(matches('*://a.test/*', 'https://a.test/')).toBe(true);
    expect(matches('*://a.test/*', 'ws://a.test/')).toBe(false);
    expect(matches('<all_urls>', 'app://x/y')).toBe(true);
    expect(matches('<all_urls>', 'file:///etc/hosts')).toBe(true);
    expect(matches('ws://a.test/*', 'ws://a.test/socket')).toBe(true);
  });

  it('matches hosts, subdomains (not of IP addresses) and ports', () => {
    expect(matches('http://*/*', 'http://anything.test:8080/x')).toBe(true);
    expect(matches('http://*.a.test/*', 'http://a.test/')).toBe(true);
    expect(matches('http://*.a.test/*', 'http://x.y.a.test/')).toBe(true);
    expect(matches('http://*.a.test/*', 'http://xa.test/')).toBe(false);
    expect(matches('http://*.0.0.1/*', 'http://127.0.0.1/')).toBe(false);
    expect(matches('http://[::1]/*', 'http://[::1]:81/')).toBe(true);
    expect(matches('http://[::1]:81/*', 'http://[::1]:81/')).toBe(true);
    expect(matches('http://a.test:8080/*', 'http://a.test/')).toBe(false);
    expect(matches('https://a.test:443/*', 'https://a.test/')).toBe(true);
    expect(matches('http://A.Test/*', 'http://a.test/')).toBe(true);
  });

  it('matches paths with * only, query included, and the path before a trailing /*', () => {
    expect(matches('http://a.test/a*c', 'http://a.test/abbbc')).toBe(true);
    expect(matches('http://a.test/a?c', 'http://a.test/abc')).toBe(false);
    expect(matches('http://a.test/x?q=*', 'http://a.test/x?q=1')).toBe(true);
    expect(matches('http://a.test/x', 'http://a.test/x#frag')).toBe(true);
    expect(matches('http://a.test/dir/*', 'http://a.test/dir')).toBe(true);
    expect(matches('http://a.test/d.r', 'http://a.test/dxr')).toBe(false);
  });

  it('ignores the host of file patterns and reads non-standard URLs as a path', () => {
    expect(matches('file:///tmp/*', 'file:///tmp/a.txt')).toBe(true);
    expect(matches('file://ignored/tmp/*', 'file:///tmp/a.txt')).toBe(true);
    expect(matches('app:*', 'app://host/x')).toBe(true);
    expect(matches('app:host*', 'app://host/x')).toBe(false);
    expect(matches('app:/*', 'app://host/x')).toBe(true);
  });
});

describe("UrlPattern with the app's registered standard schemes", () => {
  const schemes = new UrlSchemes();
  schemes.addPrivileged('app', { ...noPrivileges(), standard: true });
  schemes.addPrivileged('plain', noPrivileges());
  const registered = (text: string): UrlPattern => {
    const parsed = UrlPattern.parse(text, schemes);
    if (!(parsed instanceof UrlPattern)) throw new Error(`${text}: ${parsed.error}`);
    return parsed;
  };

  it('parses a standard scheme with a host and refuses its host-less form and any port', () => {
    expect(UrlPattern.parse('app://host/*', schemes)).toBeInstanceOf(UrlPattern);
    expect(UrlPattern.parse('APP://host/*', schemes)).toBeInstanceOf(UrlPattern);
    expect(UrlPattern.parse('app:*', schemes)).toEqual({ error: PARSE_ERRORS.wrongSchemeType });
    expect(UrlPattern.parse('app://host:80/*', schemes)).toEqual({ error: PARSE_ERRORS.invalidPort });
    expect(UrlPattern.parse('app://host', schemes)).toEqual({ error: PARSE_ERRORS.emptyPath });
    // A scheme registered without `standard` stays host-less.
    expect(UrlPattern.parse('plain:*', schemes)).toBeInstanceOf(UrlPattern);
    expect(UrlPattern.parse('plain://host/*', schemes)).toEqual({ error: PARSE_ERRORS.wrongSchemeType });
  });

  it('matches its URLs by host, subdomain and path like http', () => {
    expect(registered('app://a.test/x*').matches(new URL('app://a.test/xy?q'))).toBe(true);
    expect(registered('app://a.test/x*').matches(new URL('app://b.test/xy'))).toBe(false);
    expect(registered('app://*.a.test/*').matches(new URL('app://c.a.test/'))).toBe(true);
    expect(registered('app://*/*').matches(new URL('app://any.test/p'))).toBe(true);
    expect(registered('*://*/*').matches(new URL('app://any.test/p'))).toBe(false);
    expect(registered('<all_urls>').matches(new URL('app://any.test/p'))).toBe(true);
  });

  it('passes the registrations through the listener arguments', () => {
    const listener = () => undefined;
    const { filter } = readListenerArguments('e12', [{ urls: ['app://a.test/*'] }, listener], schemes);
    expect(filterMatches(filter, new URL('app://a.test/x'), 'xhr')).toBe(true);
    expect(filterMatches(filter, new URL('app://b.test/x'), 'xhr')).toBe(false);
    // 1.x leaves a filter that does not parse unread; with the registration it parses.
    expect(readListenerArguments('legacy', [{ urls: ['app://a.test/*'] }, listener], schemes).filter.include).toHaveLength(1);
    expect(readListenerArguments('legacy', [{ urls: ['app://a.test/*'] }, listener]).filter.include).toEqual([]);
  });
});

describe('listener arguments', () => {
  const listener = () => undefined;

  it('reads the filter and the listener per era', () => {
    const current = readListenerArguments('current', [
      { urls: ['http://a.test/*'], excludeUrls: ['http://a.test/no*'], types: ['xhr'] },
      listener,
    ]);
    expect(current.listener).toBe(listener);
    expect(filterMatches(current.filter, new URL('http://a.test/yes'), 'xhr')).toBe(true);
    expect(filterMatches(current.filter, new URL('http://a.test/nope'), 'xhr')).toBe(false);
    expect(filterMatches(current.filter, new URL('http://a.test/yes'), 'other')).toBe(false);
    // Before the current era, excludeUrls and types are not read.
    const e17 = readListenerArguments('e17', [
      { urls: ['http://a.test/*'], excludeUrls: ['http://a.test/no*'], types: ['xhr'] },
      listener,
    ]);
    expect(filterMatches(e17.filter, new URL('http://a.test/nope'), 'other')).toBe(true);
    expect(readListenerArguments('e9', [null]).listener).toBeNull();
    expect(readListenerArguments('legacy', [{ urls: ['bad'] }, listener]).filter.include).toEqual([]);
  });

  it('throws what each era throws', () => {
    expect(() => readListenerArguments('legacy', [])).toThrow(new Error('Must pass null or a Function'));
    expect(() => readListenerArguments('e12', [{ urls: ['bad'] }, listener])).toThrow(
      new TypeError('Invalid url pattern bad: Missing scheme separator.'),
    );
    expect(() => readListenerArguments('current', [{ urls: [], types: ['other'] }, listener])).toThrow(
      new TypeError('Invalid type other'),
    );
  });
});
