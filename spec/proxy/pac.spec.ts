// PAC scripts (pacScript): fetched over http(s) (status 200 only, redirects
// followed) or from a data: URL, run with the PAC function library, answers
// re-serialised as Chromium does, the URL stripped before the script sees it,
// and Electron's failure behaviour: from Electron 9 the script is mandatory,
// so a script that cannot be fetched, does not load, throws or answers
// nonsense makes resolveProxy answer '' (requests fail); Electron 1.x fell
// back to DIRECT. file: URLs worked only before Chromium's network service.
// The script is untrusted: it cannot reach the host process.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startPacHost, type PacHostFixture } from '../../fixtures/proxies/pac-host.ts';
import { pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: ['proxy.pac'],
  level: 'must',
  basis: 'chromium',
  summary:
    "PAC scripts from http(s)/data: (file: only in 1.x), Chromium's PAC library and result format, URL stripping, mandatory-PAC failures ('' from Electron 9), sandboxing.",
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'pac');
let host: PacHostFixture;

beforeAll(async () => {
  host = await startPacHost();
});
afterAll(async () => {
  await host?.close();
});

let scriptCounter = 0;
/** Serves a script on the PAC host and returns its URL. */
function served(script: string, options: { status?: number; contentType?: string } = {}): string {
  const path_ = `/script-${++scriptCounter}.pac`;
  host.serve(path_, { body: script, ...options });
  return host.url(path_);
}

const fn = (body: string) => `function FindProxyForURL(url, host) {\n${body}\n}`;

describe('PAC scripts', () => {
  it('uses a script fetched over http', async () => {
    const url = served(fn('return "PROXY myproxy:8132";'));
    expect(await p.resolveWith({ pacScript: url }, 'https://google.com', 'http://example.com/x')).toEqual([
      'PROXY myproxy:8132',
      'PROXY myproxy:8132',
    ]);
  });

  it('uses a script from a data: URL', async () => {
    expect(await p.resolveWith({ pacScript: pacDataUrl(fn('return "SOCKS5 s:1";')) }, 'http://example.com/')).toEqual([
      'SOCKS5 s:1',
    ]);
  });

  it('follows redirects to the script', async () => {
    const target = served(fn('return "PROXY redirected:1";'));
    host.serve('/moved.pac', { body: '', redirectTo: target });
    expect(await p.resolveWith({ pacScript: host.url('/moved.pac') }, 'http://example.com/')).toEqual(['PROXY redirected:1']);
  });

  it("re-serialises the script's answer: types upper-cased, default ports, canonical hosts", async () => {
    const script = fn('return " proxy A.Example ; socks b; SOCKS4 c:2; socks5 [::1]:9;https h; DIRECT ";');
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://example.com/')).toEqual([
      'PROXY a.example:80;SOCKS b:1080;SOCKS c:2;SOCKS5 [::1]:9;HTTPS h:443;DIRECT',
    ]);
  });

  it('drops invalid elements of the answer, and reads an answer with none valid as DIRECT', async () => {
    const script = fn(
      'if (host == "none.test") return "BOGUS x; PROXY; DIRECT now"; return "PROXY u@h:1;QUICK q:1;;PROXY ok:2";',
    );
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://some.test/', 'http://none.test/')).toEqual([
      'PROXY ok:2',
      'DIRECT',
    ]);
  });

  it('passes http URLs without credentials or fragment, and https URLs without path and query', async () => {
    const script = fn(`
      if (url == "http://plain.test/path?q=1") return "PROXY kept-path:1";
      if (url == "https://secure.test/") return "PROXY stripped:1";
      return "PROXY unexpected-" + url.length + ":1";`);
    expect(
      await p.resolveWith(
        { pacScript: pacDataUrl(script) },
        'http://user:pw@plain.test/path?q=1#frag',
        'https://user:pw@secure.test/secret/path?token=1#f',
      ),
    ).toEqual(['PROXY kept-path:1', 'PROXY stripped:1']);
  });

  it('passes the host without IPv6 brackets', async () => {
    const script = fn('return host == "2001:db8::1" ? "PROXY unbracketed:1" : "PROXY other:1";');
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://[2001:db8::1]:8080/')).toEqual(['PROXY unbracketed:1']);
  });

  it('provides the PAC function library, Microsoft IPv6 extensions included', async () => {
    const script = fn(`
      var parts = [
        isPlainHostName("a"), isPlainHostName("a.b"), isPlainHostName("10.1.1.1"),
        dnsDomainIs("www.a.test", ".a.test"), localHostOrDomainIs("www", "www.x.test"),
        dnsDomainLevels("a.b.c"), shExpMatch("abc.def", "*.d?f"), shExpMatch("abc", "a.c"),
        isInNet("10.1.2.3", "10.0.0.0", "255.0.0.0"), isInNet("11.1.2.3", "10.0.0.0", "255.0.0.0"),
        isInNetEx("10.1.2.3", "10.0.0.0/8"), isInNetEx("2001:db8::1", "2001:db8::/32"), isInNetEx("bad", "10.0.0.0/8"),
        sortIpAddressList("10.2.2.2;::1;10.1.1.1"), sortIpAddressList("nonsense"),
        dnsResolve("10.9.8.7"), dnsResolveEx("1.2.3.4"), isResolvable("10.0.0.1"), isResolvableEx("10.0.0.1"),
        dnsResolve(42), typeof dnsResolveEx(42),
        weekdayRange("SUN", "SAT"), timeRange(0, 23), dateRange(1, 31),
        typeof myIpAddress(), typeof myIpAddressEx(), typeof alert
      ];
      return "PROXY " + parts.join("-").replace(/[^a-z0-9.-]/gi, "x") + ":1";`);
    const expected = [
      'true',
      'false',
      'false',
      'true',
      'true',
      '2',
      'true',
      'false',
      'true',
      'false',
      'true',
      'true',
      'false',
      'xx1x10.1.1.1x10.2.2.2',
      'false',
      '10.9.8.7',
      '1.2.3.4',
      'true',
      'true',
      '',
      'undefined',
      'true',
      'true',
      'true',
      'string',
      'string',
      'function',
    ].join('-');
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://example.com/')).toEqual([`PROXY ${expected}:1`]);
  });

  it("answers host-name questions through the session's resolver", async () => {
    const script = fn('return "PROXY " + (dnsResolve("localhost") || "none") + ":1";');
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://example.com/')).toEqual(['PROXY 127.0.0.1:1']);
  });

  it('keeps the script loaded between lookups (global state persists)', async () => {
    const script = 'var calls = 0;\n' + fn('calls++; return "PROXY call-" + calls + ":1";');
    const ses = p.fresh();
    await p.set(ses, { pacScript: pacDataUrl(script) });
    expect([await p.resolve(ses, 'http://a.test/'), await p.resolve(ses, 'http://b.test/')]).toEqual([
      'PROXY call-1:1',
      'PROXY call-2:1',
    ]);
  });

  it('denies a hostile script the host process, modules and file system', async () => {
    const script = fn(`
      var reached = [];
      function probe(name, f) { try { if (f()) reached.push(name); } catch (e) {} }
      probe("process", function () { return typeof process != "undefined"; });
      probe("require", function () { return typeof require != "undefined"; });
      probe("module", function () { return typeof module != "undefined"; });
      probe("global", function () { var g = Function("return this")(); return g.process || g.require || g.Buffer; });
      probe("ctor", function () { return ({}).constructor.constructor("return typeof process")() != "undefined"; });
      probe("std", function () { return typeof std != "undefined" || typeof os != "undefined"; });
      probe("fetch", function () { return typeof fetch != "undefined" || typeof XMLHttpRequest != "undefined"; });
      probe("timers", function () { return typeof setTimeout != "undefined"; });
      return reached.length ? "PROXY reached-" + reached.join("-") + ":1" : "PROXY sandboxed:1";`);
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://example.com/')).toEqual(['PROXY sandboxed:1']);
  });

  t.itInEras(
    '>=e9',
    'stops a script that runs too long, and keeps answering afterwards',
    async () => {
      const script = fn('if (host == "loop.test") { while (true) {} } return "PROXY alive:1";');
      const ses = p.fresh();
      await p.set(ses, { pacScript: pacDataUrl(script) });
      expect(await p.resolve(ses, 'http://loop.test/')).toBe('');
      expect(await p.resolve(ses, 'http://other.test/')).toBe('PROXY alive:1');
    },
    30_000,
  );

  t.itInEras(
    '>=e9',
    'fails a lookup whose script recurses without end, and keeps answering afterwards',
    async () => {
      const script = `function deeper(n) { return deeper(n + 1) + 1; }\n${fn('if (host == "deep.test") return deeper(0); return "PROXY alive:1";')}`;
      const ses = p.fresh();
      await p.set(ses, { pacScript: pacDataUrl(script) });
      expect(await p.resolve(ses, 'http://deep.test/')).toBe('');
      expect(await p.resolve(ses, 'http://other.test/')).toBe('PROXY alive:1');
    },
    30_000,
  );

  t.itInEras('>=e9', 'skips the script for localhost, loopback and link-local destinations', async () => {
    const script = fn('return "PROXY everything:1";');
    expect(
      await p.resolveWith(
        { pacScript: pacDataUrl(script) },
        'http://localhost/',
        'http://127.0.0.1/',
        'http://[::1]/',
        'http://169.254.0.1/',
      ),
    ).toEqual(['DIRECT', 'DIRECT', 'DIRECT', 'DIRECT']);
  });

  t.itInEras('legacy', 'Electron 1.x ran the script for local destinations too', async () => {
    const script = fn('return "PROXY everything:1";');
    expect(await p.resolveWith({ pacScript: pacDataUrl(script) }, 'http://localhost/', 'http://127.0.0.1/')).toEqual([
      'PROXY everything:1',
      'PROXY everything:1',
    ]);
  });

  it('treats a pacScript that is not a URL as no PAC script: direct', async () => {
    expect(await p.resolveWith({ pacScript: 'not a url' }, 'http://example.com/')).toEqual(['DIRECT']);
  });
});

/** Scripts and URLs that fail, each a separate case. */
function failingScripts(): Record<string, () => Promise<string> | string> {
  return {
    'a script answered with 404': () => served(fn('return "PROXY x:1";'), { status: 404 }),
    'a script answered with 500': () => served(fn('return "PROXY x:1";'), { status: 500 }),
    'an unreachable PAC host': async () => {
      const gone = await startPacHost();
      const url = gone.url('/gone.pac');
      await gone.close();
      return url;
    },
    'an empty script': () => served(''),
    'a script with a syntax error': () => served('function FindProxyForURL(url, host) { return "PROXY x:1"'),
    'a script without FindProxyForURL': () => served('function findProxyForUrl() { return "PROXY x:1"; }'),
    'a script that throws while loading': () => served(`throw new Error("load");\n${fn('return "PROXY x:1";')}`),
    'a script that throws': () => served(fn('throw new Error("boom");')),
    'a script that answers a number': () => served(fn('return 42;')),
    'a script that recurses without end': () =>
      served(`function deeper(n) { return deeper(n + 1) + 1; }\n${fn('return deeper(0);')}`),
    'a script that answers non-ASCII text': () => served(fn('return "PROXY h\\u00e9:1";')),
  };
}

describe('PAC failures from Electron 9: mandatory script, requests fail', () => {
  for (const [name, make] of Object.entries(failingScripts())) {
    t.itInEras('>=e9', `answers '' for ${name}`, async () => {
      expect(await p.resolveWith({ pacScript: await make() }, 'http://example.com/')).toEqual(['']);
    });
  }

  t.itInEras('>=e9', 'still sends local destinations direct when the script failed', async () => {
    const url = served(fn('return "PROXY x:1";'), { status: 404 });
    expect(await p.resolveWith({ pacScript: url }, 'http://localhost/', 'http://example.com/')).toEqual(['DIRECT', '']);
  });

  t.itInEras('>=e9', "refuses file: URLs (Chromium's network service fetches only http, https and data:)", async () => {
    const file = path.join(await t.tempDir(), 'proxy.pac');
    await writeFile(file, fn('return "PROXY from-file:1";'));
    expect(await p.resolveWith({ pacScript: pathToFileURL(file).href }, 'http://example.com/')).toEqual(['']);
  });
});

describe('PAC failures in Electron 1.x: DIRECT', () => {
  for (const [name, make] of Object.entries(failingScripts())) {
    t.itInEras('legacy', `answers DIRECT for ${name}`, async () => {
      expect(await p.resolveWith({ pacScript: await make() }, 'http://example.com/')).toEqual(['DIRECT']);
    });
  }

  t.itInEras('legacy', 'reads PAC scripts from file: URLs', async () => {
    const file = path.join(await t.tempDir(), 'proxy.pac');
    await writeFile(file, fn('return "PROXY from-file:1";'));
    expect(await p.resolveWith({ pacScript: pathToFileURL(file).href }, 'http://example.com/')).toEqual(['PROXY from-file:1']);
  });
});
