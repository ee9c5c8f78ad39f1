// Plausible arguments for members whose first type check would stop
// everything else: a proxy config, a cookie, a filter and a listener, a
// scheme and a handler, a verify proc. Built from the same hostile values, so
// a hint reaches the deep paths and still carries garbage. Members without a
// hint get generic arguments; a hint is optional, never required.

import fc from 'fast-check';
import { callbackArb, KEYS, valueArb, WORDS, type Desc } from './values.ts';

export interface HintWorld {
  urls: number;
  pacScripts: number;
}

const str = (...values: string[]) => fc.constantFrom(...values).map((v): Desc => ({ k: 'string', v }));

function dict(entries: Record<string, fc.Arbitrary<Desc>>): fc.Arbitrary<Desc> {
  return fc
    .record(entries, { requiredKeys: [] })
    .map((r): Desc => ({ k: 'dict', entries: Object.entries(r) as [string, Desc][] }));
}

function list(item: fc.Arbitrary<Desc>): fc.Arbitrary<Desc> {
  return fc.array(item, { maxLength: 3 }).map((items): Desc => ({ k: 'array', items }));
}

/** Argument lists for the members that have a hint, by member-name pattern. */
export function hintsFor(world: HintWorld): [RegExp, fc.Arbitrary<Desc[]>][] {
  const any = valueArb(world, 1);
  const url = fc.oneof(
    fc.nat(world.urls - 1).map((i): Desc => ({ k: 'url', i })),
    any,
  );
  const pac = fc.nat(world.pacScripts - 1).map((i): Desc => ({ k: 'pac', i }));
  const path = fc.string({ maxLength: 10 }).map((v): Desc => ({ k: 'path', v }));
  const word = fc.constantFrom(...WORDS).map((v): Desc => ({ k: 'string', v }));
  const pattern = fc.oneof(
    str('<all_urls>', 'http://*/*', '*://*/*', 'http://127.0.0.1/*', 'fz-scheme://*/*', 'bad pattern'),
    any,
  );
  const answer = fc.oneof(
    dict({
      cancel: fc.oneof(
        fc.boolean().map((v): Desc => ({ k: 'prim', v })),
        any,
      ),
      redirectURL: url,
    }),
    dict({ requestHeaders: dict({ 'X-Fuzz': any, 'bad header': any, Cookie: any }) }),
    dict({
      responseHeaders: dict({ 'X-Fuzz': fc.oneof(any, list(any)), 'Set-Cookie': list(any), 'content-type': any }),
      statusLine: fc.oneof(word, any),
    }),
    dict({
      data: any,
      mimeType: word,
      statusCode: any,
      headers: dict({ 'x-a': any, location: url }),
      error: any,
      url,
      path,
      method: word,
    }),
    fc.constantFrom<Desc>(
      { k: 'special', name: 'response' },
      { k: 'special', name: 'endless-stream' },
      { k: 'special', name: 'silent-stream' },
    ),
    fc.constantFrom(0, -2, -3, -202, -15, 5, 1.5, 1e20, -1e300, true).map((v): Desc => ({ k: 'prim', v })),
    any,
  );
  const callback = callbackArb(answer);
  const scheme = fc.oneof(
    { weight: 4, arbitrary: str('fz-scheme') },
    { weight: 2, arbitrary: str('http', 'https', 'file', 'about', '') },
    { weight: 1, arbitrary: any },
  );
  return [
    [/^session\.fromPartition$/, fc.tuple(fc.oneof(word, any), fc.oneof(dict({ cache: any }), any))],
    [/^session\.fromPath$/, fc.tuple(fc.oneof(path, any), fc.oneof(dict({ cache: any }), any))],
    [
      /^ses\.setProxy$/,
      fc.tuple(
        dict({
          mode: fc.oneof(word, any),
          proxyRules: fc.oneof(word, any),
          pacScript: fc.oneof(pac, url),
          proxyBypassRules: fc.oneof(word, any),
        }),
      ),
    ],
    [/^ses\.(resolveProxy|preconnect|downloadURL)$/, fc.tuple(fc.oneof(url, dict({ url, numSockets: any })), any)],
    [
      /^ses\.resolveHost$/,
      fc.tuple(fc.oneof(word, url, any), dict({ queryType: word, source: word, cacheUsage: word, secureDnsPolicy: word })),
    ],
    [
      /^(ses|net)\.fetch$/,
      fc.tuple(url, dict({ method: word, headers: dict({ 'x-fuzz': any }), body: any, redirect: word, credentials: word })),
    ],
    [/^ses\.set\w*(Proc|Handler)$/, fc.tuple(fc.oneof(callback, any))],
    [
      /^ses\.setSSLConfig$/,
      fc.tuple(dict({ minVersion: word, maxVersion: word, disabledCipherSuites: fc.oneof(list(any), any) })),
    ],
    [
      /^ses\.enableNetworkEmulation$/,
      fc.tuple(dict({ offline: any, latency: any, downloadThroughput: any, uploadThroughput: any })),
    ],
    [/^ses\.setPreloads$/, fc.tuple(fc.oneof(list(fc.oneof(path, any)), any))],
    [/^ses\.clearStorageData$/, fc.tuple(dict({ origin: url, storages: list(word), quotas: list(word) }))],
    [
      /^cookies\.set$/,
      fc.tuple(
        dict({
          url,
          name: fc.oneof(word, any),
          value: fc.oneof(word, any),
          domain: word,
          path: word,
          secure: any,
          httpOnly: any,
          expirationDate: any,
          sameSite: word,
        }),
      ),
    ],
    [/^cookies\.get$/, fc.tuple(dict({ url, name: word, domain: word, path: word, secure: any, session: any }))],
    [/^cookies\.remove$/, fc.tuple(url, fc.oneof(word, any))],
    [
      /^webRequest\.on\w+$/,
      fc.oneof(
        fc.tuple(
          dict({ urls: fc.oneof(list(pattern), any), types: fc.oneof(list(word), any), excludeUrls: list(pattern) }),
          callback,
        ),
        fc.tuple(callback),
      ),
    ],
    [/^protocol\.(register|intercept)\w*Protocol$/, fc.tuple(scheme, callback, any)],
    [/^protocol\.handle$/, fc.tuple(scheme, callback)],
    [/^protocol\.\w+$/, fc.tuple(scheme, any)],
    [/^netLog\.startLogging$/, fc.tuple(fc.oneof(path, any), dict({ captureMode: word, maxFileSize: any }))],
    [/^ses\.(setSpellCheckerLanguages|setPreloads)$/, fc.tuple(list(fc.oneof(word, any)))],
    [/^ses\.\w*Word\w*$/, fc.tuple(fc.oneof(word, any))],
    [/^ses\.(loadExtension|setDownloadPath|setCodeCachePath|createInterruptedDownload)$/, fc.tuple(fc.oneof(path, any), any)],
  ];
}

/** Generic arguments: up to four hostile values, a callback among them now and then. */
export function genericArgs(world: HintWorld): fc.Arbitrary<Desc[]> {
  return fc.array(valueArb(world, 2), { maxLength: 4 });
}

export { KEYS };
