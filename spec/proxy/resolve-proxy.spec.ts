// ses.resolveProxy: the answer is Chromium's PAC-style string (ToPacString):
// `PROXY h:p`, `HTTPS h:p`, `SOCKS h:p` (SOCKS v4), `SOCKS5 h:p`, `DIRECT`,
// joined by `;` without spaces, default ports filled in, hosts canonical,
// IPv6 in brackets, and '' when the rules left no proxy at all. Lookups are
// answered in call order. Argument handling per era.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'chromium',
  summary:
    "resolveProxy answers in Chromium's PAC-string format (default ports, canonical hosts, IPv6 brackets, '' for an empty list), in call order.",
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'resolve-proxy');
const URL_ = 'http://example.com/';

describe('ses.resolveProxy', () => {
  it('names each kind of proxy as a PAC result does, joined by ";" with no space', async () => {
    expect(await p.resolveWith({ proxyRules: 'p1:81,https://p2:444,socks4://p3:1081,socks5://p4:1082,direct://' }, URL_)).toEqual(
      ['PROXY p1:81;HTTPS p2:444;SOCKS p3:1081;SOCKS5 p4:1082;DIRECT'],
    );
  });

  it("fills in each scheme's default port", async () => {
    expect(
      await p.resolveWith({ proxyRules: 'plain,http://h,https://s,socks4://four,socks5://five,socks://bare' }, URL_),
    ).toEqual(['PROXY plain:80;PROXY h:80;HTTPS s:443;SOCKS four:1080;SOCKS5 five:1080;SOCKS5 bare:1080']);
  });

  it('writes hosts in canonical form: lower case, IPv4 dotted, IPv6 compressed in brackets', async () => {
    expect(await p.resolveWith({ proxyRules: 'P.Example.COM:8080,[2001:DB8:0:0::1]:3128,0x7f.1:9,[::1]' }, URL_)).toEqual([
      'PROXY p.example.com:8080;PROXY [2001:db8::1]:3128;PROXY 127.0.0.1:9;PROXY [::1]:80',
    ]);
  });

  it('answers DIRECT when no proxy applies', async () => {
    expect(await p.resolveWith({ proxyRules: 'https=secure:443' }, URL_)).toEqual(['DIRECT']);
  });

  it("answers '' when a single list holds no valid proxy", async () => {
    expect(await p.resolveWith({ proxyRules: 'bad:port,u@x:1' }, URL_, 'https://example.com/')).toEqual(['', '']);
    expect(await p.resolveWith({ proxyRules: 'host:99999' }, URL_)).toEqual(['']);
  });

  it('answers DIRECT when the per-scheme list that applies is empty', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=bad:port,u@x:1' }, URL_)).toEqual(['DIRECT']);
  });

  it('answers concurrent lookups, each for its own URL', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'http=h:1;https=s:2;ftp=f:3' });
    const answers = await Promise.all(
      ['http://a.test/', 'https://a.test/', 'ftp://a.test/', 'ws://a.test/'].map((u) => p.resolve(ses, u)),
    );
    expect(answers).toEqual(['PROXY h:1', 'PROXY s:2', 'PROXY f:3', 'PROXY s:2']);
  });

  it('calls back in the order the lookups were made', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'http=h:1;https=s:2' });
    const order: string[] = [];
    await Promise.all(
      ['https://1.test/', 'http://2.test/', 'https://3.test/'].map((u) =>
        p.resolve(ses, u).then((answer) => order.push(`${u} ${answer}`)),
      ),
    );
    expect(order).toEqual(['https://1.test/ PROXY s:2', 'http://2.test/ PROXY h:1', 'https://3.test/ PROXY s:2']);
  });

  t.itInEras('>=e9', 'takes a URL that does not parse, or is not a string, as the empty URL', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'every:1' });
    expect(await p.resolve(ses, 'not a url')).toBe('PROXY every:1');
    expect(await (ses as { resolveProxy(u?: unknown): Promise<string> }).resolveProxy(42)).toBe('PROXY every:1');
    expect(await (ses as { resolveProxy(u?: unknown): Promise<string> }).resolveProxy()).toBe('PROXY every:1');
  });

  t.itInEras('legacy', 'Electron 1.x throws a TypeError for a URL that is not a string', () => {
    const ses = p.fresh() as { resolveProxy(...args: unknown[]): void };
    expect(() => ses.resolveProxy(42, () => {})).toThrow('Error processing argument at index 0, conversion failure from 42');
    expect(() => ses.resolveProxy('http://example.com/')).toThrow('Insufficient number of arguments.');
    // Arguments are converted in order before the callback is looked for: a bad URL is reported first.
    expect(() => ses.resolveProxy(42)).toThrow('Error processing argument at index 0, conversion failure from 42');
    expect(() => ses.resolveProxy(42, 'not a function')).toThrow(
      'Error processing argument at index 0, conversion failure from 42',
    );
  });

  t.itInEras('current', 'drops quic:// proxies, which Chromium no longer accepts', async () => {
    expect(await p.resolveWith({ proxyRules: 'quic://q,p' }, URL_)).toEqual(['PROXY p:80']);
  });

  t.itInEras('e9..e17', 'names quic:// proxies QUIC, as Chromium 83-98 did', async () => {
    expect(await p.resolveWith({ proxyRules: 'quic://q,p' }, URL_)).toEqual(['QUIC q:443;PROXY p:80']);
  });
});
