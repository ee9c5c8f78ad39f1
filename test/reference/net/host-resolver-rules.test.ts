import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostResolverRules, parseHostResolverRules } from '../../../reference/net/dns/host-resolver-rules.ts';

describe('host resolver rules', () => {
  it('parses MAP and EXCLUDE rules with ports, IPv6 and ~NOTFOUND, skipping malformed ones', () => {
    const rules = parseHostResolverRules(
      'MAP *.a.test 10.0.0.1, map B.test:80 [::1]:8080, EXCLUDE c.a.test, MAP d.test ~NOTFOUND, BOGUS x, MAP onlyone',
    );
    expect(rules).toEqual([
      { kind: 'map', pattern: '*.a.test', replacementHost: '10.0.0.1', replacementPort: null },
      { kind: 'map', pattern: 'b.test:80', replacementHost: '::1', replacementPort: 8080 },
      { kind: 'exclude', pattern: 'c.a.test' },
      { kind: 'map', pattern: 'd.test', replacementHost: '~NOTFOUND', replacementPort: null },
    ]);
  });

  it('skips the rules Chromium cannot parse: doubled spaces, tabs, user info, empty or bad ports, bad IPv6', () => {
    for (const text of [
      'MAP  a.test 10.0.0.1',
      'MAP\ta.test 10.0.0.1',
      'MAP a.test u@10.0.0.1',
      'MAP a.test 10.0.0.1:',
      'MAP a.test :80',
      'MAP a.test 10.0.0.1:65536',
      'MAP a.test 10.0.0.1:8x',
      'MAP a.test [::1',
      'MAP a.test [nothex]:80',
      'EXCLUDE',
      'MAP a.test',
    ]) {
      expect(parseHostResolverRules(text), text).toEqual([]);
    }
    expect(parseHostResolverRules(' map a.test 10.0.0.1:00080 , exclude b.test ')).toEqual([
      { kind: 'map', pattern: 'a.test', replacementHost: '10.0.0.1', replacementPort: 80 },
      { kind: 'exclude', pattern: 'b.test' },
    ]);
    // The last colon outside brackets starts the port; the host is kept as written.
    expect(parseHostResolverRules('MAP a.test X:Y:81')).toEqual([
      { kind: 'map', pattern: 'a.test', replacementHost: 'X:Y', replacementPort: 81 },
    ]);
  });

  it('applies the first matching MAP, lets EXCLUDE win, and keeps the port unless told otherwise', () => {
    const rules = new HostResolverRules(
      'MAP *.a.test 10.0.0.1, MAP x.a.test 10.0.0.2, EXCLUDE skip.a.test, MAP b.test:80 127.0.0.1:9000',
    );
    expect(rules.rewrite('X.A.test', 443)).toEqual({ host: '10.0.0.1', port: 443 });
    expect(rules.rewrite('skip.a.test', 443)).toBeNull();
    expect(rules.rewrite('b.test', 80)).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(rules.rewrite('b.test', 81)).toBeNull();
    expect(rules.rewrite('a.test', 80)).toBeNull();
  });

  it('globs the pattern over the host and then over host:port, with ? as zero or one character', () => {
    const rules = new HostResolverRules(
      'MAP *:8080 10.0.0.1, MAP a.test:8* 10.0.0.2, MAP b?.test 10.0.0.3, MAP [::1]:* 10.0.0.4',
    );
    expect(rules.rewrite('any.test', 8080)?.host).toBe('10.0.0.1');
    expect(rules.rewrite('a.test', 81)?.host).toBe('10.0.0.2');
    expect(rules.rewrite('a.test', 90)).toBeNull();
    expect(rules.rewrite('b.test', 80)?.host).toBe('10.0.0.3');
    expect(rules.rewrite('bb.test', 80)?.host).toBe('10.0.0.3');
    expect(rules.rewrite('bbb.test', 80)).toBeNull();
    expect(rules.rewrite('[::1]', 80)?.host).toBe('10.0.0.4');
    expect(rules.rewrite('::1', 80)?.host).toBe('10.0.0.4');
  });

  it('consults EXCLUDE only against the host, so an EXCLUDE with a port never matches', () => {
    const rules = new HostResolverRules('MAP * 10.0.0.1, EXCLUDE a.test:80, EXCLUDE b.*');
    expect(rules.rewrite('a.test', 80)?.host).toBe('10.0.0.1');
    expect(rules.rewrite('b.test', 80)).toBeNull();
  });

  it('matches an exact name case-insensitively and nothing else', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    fc.assert(
      fc.property(label, label, fc.boolean(), (name, other, upper) => {
        const rules = new HostResolverRules(`MAP ${name}.test 127.0.0.9`);
        expect(rules.rewrite(upper ? `${name.toUpperCase()}.TEST` : `${name}.test`, 1)?.host).toBe('127.0.0.9');
        if (other !== name) expect(rules.rewrite(`${other}.test`, 1)).toBeNull();
      }),
    );
  });
});
