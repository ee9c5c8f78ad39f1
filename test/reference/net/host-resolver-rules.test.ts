import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostResolverRules, parseHostResolverRules } from '../../../reference/net/dns/host-resolver-rules.ts';

describe('host resolver rules', () => {
  it('parses MAP and EXCLUDE rules with ports, IPv6 and ~NOTFOUND, skipping malformed ones', () => {
    const rules = parseHostResolverRules(
      'MAP *.a.test 10.0.0.1, map b.test:80 [::1]:8080, EXCLUDE c.a.test, MAP d.test ~NOTFOUND, BOGUS x, MAP onlyone',
    );
    expect(rules).toEqual([
      { kind: 'map', hostPattern: '*.a.test', port: null, replacementHost: '10.0.0.1', replacementPort: null },
      { kind: 'map', hostPattern: 'b.test', port: 80, replacementHost: '::1', replacementPort: 8080 },
      { kind: 'exclude', hostPattern: 'c.a.test', port: null },
      { kind: 'map', hostPattern: 'd.test', port: null, replacementHost: '~NOTFOUND', replacementPort: null },
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
