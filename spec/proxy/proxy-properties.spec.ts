// Properties of proxy resolution that hold in Chromium, over generated rule
// strings, bypass lists and URLs (harness/arbitraries/proxy.ts): parsing
// never throws and answers are always well-formed PAC strings; per-scheme
// entries apply only to their scheme; the first entry decides the form; the
// implicit loopback bypass and its removal; CIDR membership as an independent
// computation gives it; fallback order is kept. Runs use a fixed seed
// (PROXY_PROPERTY_SEED overrides it) and fast-check prints the seed and path
// to replay any failure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  anyUrlArbitrary,
  bypassRulesArbitrary,
  proxyRulesArbitrary,
  proxyUriListArbitrary,
  urlArbitrary,
} from '../../harness/arbitraries/proxy.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'chromium',
  summary:
    'Generated rules and URLs: never throws, well-formed answers, per-scheme isolation, first entry decides, implicit loopback bypass, CIDR arithmetic, fallback order.',
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'properties');
const SEED = Number(process.env.PROXY_PROPERTY_SEED ?? 20251123);
const runs = (n: number) => ({ numRuns: n, seed: SEED });

/** One element of a resolveProxy answer. */
const ELEMENT = /^(DIRECT|(PROXY|HTTPS|SOCKS|SOCKS5|QUIC) ([^\s;:[\]/?#@\\]+|\[[0-9a-f:.]+\]):\d{1,5})$/;

async function resolveWith(ses: object, config: unknown, url: string): Promise<string> {
  await p.set(ses, config);
  return p.resolve(ses, url);
}

describe('proxy resolution properties (generated)', () => {
  it("never throws on any rule or bypass string, and answers '' or well-formed PAC elements", async () => {
    const ses = p.fresh();
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(proxyRulesArbitrary, text),
        fc.oneof(bypassRulesArbitrary, text),
        anyUrlArbitrary,
        async (rules, bypass, url) => {
          const answer = await resolveWith(ses, { proxyRules: rules, proxyBypassRules: bypass }, url);
          expect(typeof answer).toBe('string');
          if (answer !== '') for (const element of answer.split(';')) expect(element).toMatch(ELEMENT);
        },
      ),
      runs(300),
    );
  });

  it('applies per-scheme entries only to their own scheme', async () => {
    const ses = p.fresh();
    // An empty list would turn `http=` into a bare list naming "http"; lists here are never empty.
    const entry = fc.tuple(
      fc.constantFrom('http', 'https', 'ftp'),
      proxyUriListArbitrary.filter((l) => l !== ''),
    );
    const url = fc
      .tuple(fc.constantFrom('http', 'https', 'ftp'), fc.constantFrom('a.test', 'b.example', '10.1.2.3'))
      .map(([s, h]) => `${s}://${h}/`);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 4 }), url, async (entries, target) => {
        const scheme = new URL(target).protocol.slice(0, -1);
        const own = entries.filter(([s]) => s === scheme);
        const all = await resolveWith(ses, { proxyRules: entries.map(([s, l]) => `${s}=${l}`).join(';') }, target);
        const expected = own.length
          ? await resolveWith(ses, { proxyRules: own.map(([s, l]) => `${s}=${l}`).join(';') }, target)
          : 'DIRECT';
        expect(all).toBe(expected);
      }),
      runs(120),
    );
  });

  it('lets a first entry without "=" decide: the rest of the rules is ignored', async () => {
    const ses = p.fresh();
    await fc.assert(
      fc.asyncProperty(proxyUriListArbitrary, proxyRulesArbitrary, urlArbitrary, async (first, rest, url) => {
        fc.pre(!first.includes('=') && first.split(',').some((u) => u.trim().length > 0));
        const whole = await resolveWith(ses, { proxyRules: `${first};${rest}` }, url);
        const alone = await resolveWith(ses, { proxyRules: first }, url);
        expect(whole).toBe(alone);
      }),
      runs(120),
    );
  });

  t.itInEras('>=e9', 'bypasses loopback destinations implicitly unless <-loopback> comes last', async () => {
    const ses = p.fresh();
    const loopback = fc.constantFrom(
      'http://localhost/',
      'https://localhost:8443/',
      'http://sub.localhost/',
      'http://127.0.0.1/',
      'http://127.9.8.7:81/',
      'http://[::1]/',
    );
    const bypass = bypassRulesArbitrary.filter((b) => !/loopback/i.test(b));
    const proxy = fc
      .tuple(fc.constantFrom('p', 'proxy.test', 'socks5://s', 'https://h'), fc.integer({ min: 1, max: 65535 }))
      .map(([h, port]) => `${h}:${port}`);
    await fc.assert(
      fc.asyncProperty(proxy, bypass, loopback, async (rules, rulesBypass, url) => {
        const plain = await resolveWith(ses, { proxyRules: rules, proxyBypassRules: rulesBypass }, url);
        expect(plain).toBe('DIRECT');
        const removed = await resolveWith(ses, { proxyRules: rules, proxyBypassRules: `${rulesBypass},<-loopback>` }, url);
        const elsewhere = await resolveWith(ses, { proxyRules: rules }, 'http://elsewhere.test/');
        expect(removed).toBe(elsewhere);
      }),
      runs(80),
    );
  });

  it('bypasses an IP exactly when it is in the CIDR block, by an independent computation', async () => {
    const ses = p.fresh();
    const ipv4 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
    const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
    const toBig = (parts: number[], width: number) => parts.reduce((acc, x) => (acc << BigInt(width)) | BigInt(x), 0n);
    const inBlock = (a: bigint, b: bigint, bits: number, total: number) =>
      bits === 0 || a >> BigInt(total - bits) === b >> BigInt(total - bits);
    const family = fc.oneof(
      fc.record({ v: fc.constant(4 as const), prefix: ipv4, address: ipv4, bits: fc.integer({ min: 0, max: 32 }) }),
      fc.record({ v: fc.constant(6 as const), prefix: ipv6, address: ipv6, bits: fc.integer({ min: 0, max: 128 }) }),
    );
    await fc.assert(
      fc.asyncProperty(family, fc.boolean(), async ({ v, prefix, address, bits }, sharePrefix) => {
        // Half of the cases share the first `bits` of the prefix, so both outcomes are common.
        const width = v === 4 ? 8 : 16;
        const total = v === 4 ? 32 : 128;
        let addr = toBig(address, width);
        const pre = toBig(prefix, width);
        if (sharePrefix && bits > 0) {
          const low = (1n << BigInt(total - bits)) - 1n;
          addr = (pre & ~low) | (addr & low);
        }
        const parts = (n: bigint) =>
          Array.from({ length: total / width }, (_, i) =>
            Number((n >> BigInt(total - width * (i + 1))) & ((1n << BigInt(width)) - 1n)),
          );
        const text = (n: bigint) =>
          v === 4
            ? parts(n).join('.')
            : parts(n)
                .map((x) => x.toString(16))
                .join(':');
        const host = v === 4 ? text(addr) : `[${text(addr)}]`;
        // <-loopback> keeps the implicit rules out of the way (it means nothing in Electron 1.x).
        const answer = await resolveWith(
          ses,
          { proxyRules: 'p:1', proxyBypassRules: `<-loopback>,${text(pre)}/${bits}` },
          `http://${host}/`,
        );
        expect(answer).toBe(inBlock(addr, pre, bits, total) ? 'DIRECT' : 'PROXY p:1');
      }),
      runs(200),
    );
  });

  it('keeps the order of a fallback list', async () => {
    const ses = p.fresh();
    const types = { 'http://': 'PROXY', 'https://': 'HTTPS', 'socks4://': 'SOCKS', 'socks5://': 'SOCKS5', '': 'PROXY' } as const;
    const proxy = fc.record({
      scheme: fc.constantFrom(...(Object.keys(types) as (keyof typeof types)[])),
      host: fc.stringMatching(/^[a-z][a-z0-9]{0,7}\.test$/),
      port: fc.integer({ min: 1, max: 65535 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(proxy, { minLength: 1, maxLength: 6, selector: (x) => `${types[x.scheme]} ${x.host}:${x.port}` }),
        async (list) => {
          const answer = await resolveWith(
            ses,
            { proxyRules: list.map((x) => `${x.scheme}${x.host}:${x.port}`).join(',') },
            'http://example.com/',
          );
          expect(answer).toBe(list.map((x) => `${types[x.scheme]} ${x.host}:${x.port}`).join(';'));
        },
      ),
      runs(120),
    );
  });
});
