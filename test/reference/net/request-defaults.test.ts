import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptLanguageHeader, isPortAllowed } from '../../../reference/net/http/request-defaults.ts';

describe('request defaults', () => {
  it("expands accept languages with Chromium's q-values", () => {
    expect(acceptLanguageHeader('en-US,fr,de')).toBe('en-US,fr;q=0.9,de;q=0.8');
    expect(acceptLanguageHeader('nl')).toBe('nl');
  });

  it('never goes below q=0.1 and keeps every language in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{2}(-[A-Z]{2})?$/), { minLength: 1, maxLength: 15 }), (languages) => {
        const parts = acceptLanguageHeader(languages.join(',')).split(',');
        expect(parts.map((p) => p.split(';')[0])).toEqual(languages);
        const q = parts.map((p) => Number(p.split(';q=')[1] ?? '1'));
        for (let i = 1; i < q.length; i++) {
          expect(q[i]).toBeLessThanOrEqual(q[i - 1]!);
          expect(q[i]).toBeGreaterThanOrEqual(0.1);
        }
      }),
    );
  });

  it('refuses the ports Chromium restricts and allows default ones', () => {
    expect(isPortAllowed(new URL('http://h:6000/'))).toBe(false);
    expect(isPortAllowed(new URL('http://h:25/'))).toBe(false);
    expect(isPortAllowed(new URL('http://h/'))).toBe(true);
    expect(isPortAllowed(new URL('https://h:8443/'))).toBe(true);
  });
});
