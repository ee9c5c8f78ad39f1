// The proxyRules grammar as Chromium parses it (ProxyRules::ParseFromString):
// the documented examples, a single list versus per-scheme entries (the
// first entry decides), `socks=` as the list for every other scheme (SOCKS v4
// by default), WebSocket URLs, fallback lists with direct://, whitespace,
// and invalid proxies dropped one by one.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'chromium',
  summary:
    "proxyRules follow Chromium's grammar: the documented examples, first entry decides the form, socks= fallback, invalid proxies dropped.",
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'proxy-rules');
const HTTP = 'http://example.com/';
const HTTPS = 'https://example.com/';
const FTP = 'ftp://example.com/';

describe('proxyRules grammar', () => {
  it('http=foopy:80;ftp=foopy2 — foopy:80 for http://, foopy2:80 for ftp://, nothing else', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=foopy:80;ftp=foopy2' }, HTTP, FTP, HTTPS)).toEqual([
      'PROXY foopy:80',
      'PROXY foopy2:80',
      'DIRECT',
    ]);
  });

  it('foopy:80 — one proxy for every URL', async () => {
    expect(await p.resolveWith({ proxyRules: 'foopy:80' }, HTTP, HTTPS, FTP)).toEqual([
      'PROXY foopy:80',
      'PROXY foopy:80',
      'PROXY foopy:80',
    ]);
  });

  it('foopy:80,bar,direct:// — a fallback list kept in order', async () => {
    expect(await p.resolveWith({ proxyRules: 'foopy:80,bar,direct://' }, HTTP)).toEqual(['PROXY foopy:80;PROXY bar:80;DIRECT']);
  });

  it('socks4://foopy — SOCKS v4 on port 1080', async () => {
    expect(await p.resolveWith({ proxyRules: 'socks4://foopy' }, HTTP)).toEqual(['SOCKS foopy:1080']);
  });

  it('http=foopy,socks5://bar.com — a per-scheme list with a SOCKS5 fallback', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=foopy,socks5://bar.com' }, HTTP, HTTPS)).toEqual([
      'PROXY foopy:80;SOCKS5 bar.com:1080',
      'DIRECT',
    ]);
  });

  it('http=foopy,direct:// — direct after the proxy', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=foopy,direct://' }, HTTP)).toEqual(['PROXY foopy:80;DIRECT']);
  });

  it('http=foopy;socks=foopy2 — socks= serves every other scheme, as SOCKS v4', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=foopy;socks=foopy2' }, HTTP, HTTPS, FTP)).toEqual([
      'PROXY foopy:80',
      'SOCKS foopy2:1080',
      'SOCKS foopy2:1080',
    ]);
  });

  it('lets the first entry decide: a bare list first ignores everything after it', async () => {
    expect(await p.resolveWith({ proxyRules: 'first:1;http=second:2' }, HTTP, HTTPS)).toEqual(['PROXY first:1', 'PROXY first:1']);
  });

  it('skips bare lists after per-scheme entries', async () => {
    expect(await p.resolveWith({ proxyRules: 'https=s:1;bare:2;http=h:3' }, HTTP, HTTPS)).toEqual(['PROXY h:3', 'PROXY s:1']);
  });

  it('matches URL schemes exactly (lower case), and ignores unknown ones', async () => {
    expect(await p.resolveWith({ proxyRules: 'HTTP=upper:1;ws=w:2;http=lower:3' }, HTTP, 'ws://example.com/')).toEqual([
      'PROXY lower:3',
      'PROXY lower:3',
    ]);
  });

  it('sends WebSockets to socks=, else the https list, else the http list', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=h:1;https=s:2;socks=k:3' }, 'ws://e.test/', 'wss://e.test/')).toEqual([
      'SOCKS k:3',
      'SOCKS k:3',
    ]);
    expect(await p.resolveWith({ proxyRules: 'http=h:1;https=s:2' }, 'ws://e.test/', 'wss://e.test/')).toEqual([
      'PROXY s:2',
      'PROXY s:2',
    ]);
    expect(await p.resolveWith({ proxyRules: 'http=h:1' }, 'ws://e.test/', 'wss://e.test/')).toEqual(['PROXY h:1', 'PROXY h:1']);
  });

  it('trims spaces and tabs around proxies and around scheme names', async () => {
    expect(await p.resolveWith({ proxyRules: ' http = \tspaced:1 ,\t tabbed:2 ' }, HTTP)).toEqual([
      'PROXY spaced:1;PROXY tabbed:2',
    ]);
  });

  it('drops invalid proxies one by one and keeps the rest in order', async () => {
    expect(await p.resolveWith({ proxyRules: 'a:1,bogus://b:2,c:,user@d:4,e:99999,[::1,f:6' }, HTTP)).toEqual([
      'PROXY a:1;PROXY f:6',
    ]);
  });

  it('skips empty entries and empty list items', async () => {
    expect(await p.resolveWith({ proxyRules: ';;http=,,a:1,,;;' }, HTTP)).toEqual(['PROXY a:1']);
  });

  it('reads "=foo" and "foo=" as a single list naming foo', async () => {
    expect(await p.resolveWith({ proxyRules: '=foo' }, HTTP, HTTPS)).toEqual(['PROXY foo:80', 'PROXY foo:80']);
    expect(await p.resolveWith({ proxyRules: 'foo=' }, HTTPS)).toEqual(['PROXY foo:80']);
  });

  it('accepts scheme names in any case: SOCKS5://, HTTPS://, Socks://', async () => {
    expect(await p.resolveWith({ proxyRules: 'SOCKS5://a,HTTPS://b,Socks://c' }, HTTP)).toEqual([
      'SOCKS5 a:1080;HTTPS b:443;SOCKS5 c:1080',
    ]);
  });

  it('rejects direct:// with a host', async () => {
    expect(await p.resolveWith({ proxyRules: 'direct://x,p:1' }, HTTP)).toEqual(['PROXY p:1']);
  });
});
