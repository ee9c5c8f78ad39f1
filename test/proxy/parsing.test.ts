// The reference's Chromium grammars, checked at the level of parsed values
// (what Chromium's NetLog shows): proxy URIs and PAC elements, host
// canonicalization, proxy rules, bypass rule texts in both grammars,
// base::MatchPattern, IP literals and CIDR blocks. The expected values are
// the ones real Chromium printed for the same input (see
// harness/chromium/proxy-oracle.ts), or read from its sources.

import { describe, expect, it } from 'vitest';
import { canonicalizeHost, parseAuthority, parseHostAndPort, parsePort } from '../../reference/net/authority.ts';
import { BypassRules } from '../../reference/proxy/bypass-rules.ts';
import { chromiumBehaviour } from '../../reference/proxy/chromium-behaviour.ts';
import { matchPattern } from '../../reference/net/match-pattern.ts';
import { formatIp, matchesPrefix, parseCidrBlock, parseIPLiteral } from '../../reference/net/ip-address.ts';
import { describeNetConfig } from '../../reference/proxy/net-config.ts';
import { ProxyList } from '../../reference/proxy/proxy-list.ts';
import { applyProxyRules, parseProxyRules } from '../../reference/proxy/proxy-rules.ts';
import { formatPacElement, parsePacElement, parseProxyUri } from '../../reference/proxy/proxy-server.ts';
import { parseRequestUrl } from '../../reference/proxy/request-url.ts';

const current = chromiumBehaviour('current');
const e17 = chromiumBehaviour('e17');
const uri = (text: string, b = current) => {
  const server = parseProxyUri(text, 'http', b);
  return server ? formatPacElement(server) : null;
};

describe('proxy URIs (ProxyUriToProxyChain)', () => {
  it('reads schemes, default ports and canonical hosts', () => {
    expect(
      ['p', 'http://p:81', 'https://s', 'socks4://f', 'socks5://v', 'socks://v', 'SOCKS5://V', 'direct://', ' \tp:1 '].map((t) =>
        uri(t),
      ),
    ).toEqual([
      'PROXY p:80',
      'PROXY p:81',
      'HTTPS s:443',
      'SOCKS f:1080',
      'SOCKS5 v:1080',
      'SOCKS5 v:1080',
      'SOCKS5 v:1080',
      'DIRECT',
      'PROXY p:1',
    ]);
  });

  it('refuses what Chromium refuses', () => {
    for (const bad of [
      '',
      'p:',
      'u@p',
      'u:pw@p:1',
      'bogus://p',
      'direct://x',
      'p:99999',
      'p:abc',
      '::1',
      '[::1',
      'a]b:1',
      '&[:1',
      'x/y:1',
      'a%zzb',
    ]) {
      expect(uri(bad), bad).toBeNull();
    }
  });

  it('accepts quic:// only where the era did', () => {
    expect(uri('quic://q')).toBeNull();
    expect(uri('quic://q', e17)).toBe('QUIC q:443');
  });

  it('canonicalizes hosts as GURL does (escapes, IDN, IPv4 forms)', () => {
    expect(
      ['bad host:1', '*:2', 'a%41b:3', '\u00e9.test:4', '0x7f.1:5', 'A"B:6', '[2001:DB8:0::1]:7', 'a.1:8'].map((t) => uri(t)),
    ).toEqual([
      'PROXY bad%20host:1',
      'PROXY %2A:2',
      'PROXY aab:3',
      'PROXY xn--9ca.test:4',
      'PROXY 127.0.0.1:5',
      'PROXY a"b:6',
      'PROXY [2001:db8::1]:7',
      null,
    ]);
    expect(canonicalizeHost('')).toBeNull();
    expect(canonicalizeHost('a%2fb')).toBeNull();
    expect(canonicalizeHost('1.2.3.4.5')).toBeNull();
  });
});

describe('PAC result elements (PacResultElementToProxyChain)', () => {
  it('reads the PAC types case-insensitively, SOCKS meaning version 4', () => {
    const parse = (t: string) => {
      const server = parsePacElement(t, current);
      return server ? formatPacElement(server) : null;
    };
    expect(
      [
        'PROXY p',
        'proxy P:1',
        'SOCKS s',
        'socks4 s:2',
        'SOCKS5 s',
        'HTTPS h',
        'DIRECT',
        ' direct ',
        'DIRECT x',
        'QUIC q',
        'BOGUS b',
        'PROXY',
      ].map(parse),
    ).toEqual([
      'PROXY p:80',
      'PROXY p:1',
      'SOCKS s:1080',
      'SOCKS s:2',
      'SOCKS5 s:1080',
      'HTTPS h:443',
      'DIRECT',
      'DIRECT',
      null,
      null,
      null,
      null,
    ]);
  });

  it('parses a PAC answer, dropping invalid elements, DIRECT when nothing is left', () => {
    expect(ProxyList.fromPacString('PROXY a:1;;BOGUS;SOCKS5 b', current).toPacString()).toBe('PROXY a:1;SOCKS5 b:1080');
    expect(ProxyList.fromPacString('nonsense', current).toPacString()).toBe('DIRECT');
    expect(ProxyList.fromPacString('', current).toPacString()).toBe('DIRECT');
  });
});

describe('proxy rules (ProxyRules::ParseFromString)', () => {
  const describeRules = (text: string, bypass = '') =>
    describeNetConfig({ kind: 'rules', rules: parseProxyRules(text, current, BypassRules.parse(bypass)) });

  it('prints as the NetLog prints it', () => {
    expect(describeRules('http=foo:80;https=bar,socks5://s', '*.skip.test')).toEqual({
      proxy_per_scheme: { http: ['[foo:80]'], https: ['[bar:80]', '[socks5://s:1080]'] },
      bypass_list: ['*.skip.test'],
    });
    expect(describeRules('socks=s1;ftp=f', '<-loopback>')).toEqual({
      proxy_per_scheme: { fallback: ['[socks4://s1:1080]'], ftp: ['[f:80]'] },
      bypass_list: ['<-loopback>'],
    });
    expect(describeRules('=foo')).toEqual({ single_proxy: ['[foo:80]'] });
    expect(describeRules('foo:80,direct://,https://h', '<local>')).toEqual({
      single_proxy: ['[foo:80]', 'direct://', '[https://h:443]'],
      bypass_list: ['<local>'],
    });
    expect(describeRules('')).toEqual({});
  });

  it('answers an empty single list with an empty list, and an empty per-scheme list with DIRECT', () => {
    const http = parseRequestUrl('http://example.com/');
    expect(applyProxyRules(parseProxyRules('bad:port', current), http).toPacString()).toBe('');
    expect(applyProxyRules(parseProxyRules('http=bad:port', current), http).toPacString()).toBe('DIRECT');
  });
});

describe('bypass rules', () => {
  it('print like Chromium: lower case, .x as *.x, IP literals canonical, CIDR without its scheme', () => {
    expect(
      BypassRules.parse('HTTP://*A.test:0, .Dot.Test, 127.1, [0:0::1]:99, HTTP://10.1.2.0/24, <LOCAL>, <-loopback>, a.test:99999')
        .ruleTexts,
    ).toEqual(['http://*a.test:0', '*.dot.test', '127.0.0.1', '[::1]:99', '10.1.2.0/24', '<local>', '<-loopback>']);
  });

  it('turns hostname rules into suffix rules for no_proxy', () => {
    expect(BypassRules.parse('a.test,.b.test,*c.test,10.0.0.0/8', { grammar: 'modern', suffixMatching: true }).ruleTexts).toEqual(
      ['*a.test', '*.b.test', '*c.test', '10.0.0.0/8'],
    );
  });

  it('keeps the pre-M72 grammar for Electron 1.x', () => {
    const legacy = BypassRules.parse('<local>,<-loopback>', { grammar: 'legacy' });
    expect(legacy.ruleTexts).toEqual(['<local>', '<-loopback>']);
    expect(legacy.matches(parseRequestUrl('http://127.0.0.1/'))).toBe(true);
    expect(legacy.matches(parseRequestUrl('http://localhost.test/'))).toBe(false);
  });

  it('reports the deciding rule', () => {
    const rules = BypassRules.parse('*.a.test,<-loopback>,localhost');
    expect(rules.decidingRule(parseRequestUrl('http://x.a.test/'))).toEqual({ rule: '*.a.test', bypass: true });
    expect(rules.decidingRule(parseRequestUrl('http://127.0.0.1/'))).toEqual({ rule: '<-loopback>', bypass: false });
    expect(rules.decidingRule(parseRequestUrl('http://localhost/'))).toEqual({ rule: 'localhost', bypass: true });
    expect(BypassRules.parse('').decidingRule(parseRequestUrl('http://[fe80::1]/'))?.bypass).toBe(true);
  });
});

describe('base::MatchPattern', () => {
  it('matches * as any run and ? as zero or one character, with \\ escapes', () => {
    expect(matchPattern('abc', 'a?c')).toBe(true);
    expect(matchPattern('ac', 'a?c')).toBe(true);
    expect(matchPattern('abbc', 'a?c')).toBe(false);
    expect(matchPattern('a.test', '*test')).toBe(true);
    expect(matchPattern('*.test', '\\*.test')).toBe(true);
    expect(matchPattern('x.test', '\\*.test')).toBe(false);
    expect(matchPattern('', '**')).toBe(true);
  });

  it('has no depth limit, takes each piece where it first fits, and ignores a trailing escape', () => {
    expect(matchPattern('a'.repeat(17), '?'.repeat(17))).toBe(true);
    expect(matchPattern('a'.repeat(40), '*?'.repeat(20))).toBe(true);
    expect(matchPattern('aab', '*a?')).toBe(false);
    expect(matchPattern('abxbc', '*b*c')).toBe(true);
    expect(matchPattern('a.test', 'a.test\\')).toBe(true);
    expect(matchPattern('a.test', '\\a.test')).toBe(true);
    expect(matchPattern('a?', 'a\\?')).toBe(true);
    expect(matchPattern('ab', 'a\\?')).toBe(false);
  });
});

describe('IP literals and blocks', () => {
  it('reads IPv4 in every form the URL parser does and writes IPv6 compressed', () => {
    expect(
      ['127.1', '0x7f.0.0.1', '017700000001', '1.2.3', '::ffff:1.2.3.4', '0:0:0:0:0:0:0:1', '2001:db8:0:0:1:0:0:1'].map((t) =>
        formatIp(parseIPLiteral(t)!),
      ),
    ).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '1.2.0.3', '::ffff:102:304', '::1', '2001:db8::1:0:0:1']);
    expect(parseIPLiteral('08.1.1.1')).toBeNull();
    expect(parseIPLiteral('[::1]')).toBeNull();
  });

  it('parses CIDR blocks and compares across families as IPv4-mapped', () => {
    const block = parseCidrBlock(' 10.0.0.0 / 8 ')!;
    expect(block.bits).toBe(8);
    expect(matchesPrefix(parseIPLiteral('10.9.9.9')!, block.prefix, block.bits)).toBe(true);
    expect(matchesPrefix(parseIPLiteral('::ffff:10.9.9.9')!, block.prefix, block.bits)).toBe(true);
    for (const bad of ['10.0.0.0/33', '[::1]/128', '10.0.0.0/+8', '10.0.0.0', 'a/8', '10.0.0.0/8/8'])
      expect(parseCidrBlock(bad), bad).toBeNull();
  });

  it('splits authorities and ports as url::ParseAuthority and ParseHostAndPort do', () => {
    expect(parseAuthority('u:p@h:1')).toEqual({ username: 'u', password: 'p', hostname: 'h', port: '1' });
    expect(parseAuthority('[::1]:8')).toEqual({ hostname: '[::1]', port: '8' });
    expect(parsePort('00080')).toBe(80);
    expect(parsePort('65536')).toBe(-2);
    expect(parseHostAndPort('[::1]:99')).toEqual({ host: '::1', port: 99 });
    expect(parseHostAndPort('foo:')).toBeNull();
  });
});
