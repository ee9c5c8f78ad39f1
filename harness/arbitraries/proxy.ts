// fast-check arbitraries for proxy configuration: proxy URIs and rule strings
// in Chromium's grammar (valid and not), bypass rules of every family, URLs
// whose hosts those rules can match, and small PAC programs built from the PAC
// function library. Hosts come from shared pools so that generated rules and
// URLs meet often. Everything here avoids DNS: answers must not depend on the
// machine's resolver.

import fc from 'fast-check';

/** Host names and IP literals URLs are made of (canonical, as a browser writes them). */
// biome-ignore format: a word list, kept dense
export const URL_HOSTS = [
  'a.test',
  'b.a.test',
  'x.skip.test',
  'deep.b.a.test',
  'plain',
  'other',
  'localhost',
  'sub.localhost',
  'localhost.',
  '127.0.0.1',
  '127.1.2.3',
  '10.1.2.3',
  '10.200.0.1',
  '192.168.1.5',
  '169.254.3.4',
  '8.8.4.4',
  '[::1]',
  '[fe80::1]',
  '[::ffff:7f00:1]',
  '[::ffff:a01:101]',
  '[::ffff:a9fe:708]',
  '[2001:db8::1]',
  '[fefe:13::abc]',
  'xn--bcher-kva.test',
] as const;

/** Ports a browser will request (no "unsafe" ports), or none. */
const URL_PORTS = ['', ':80', ':443', ':8080', ':8443', ':3128'] as const;

export const urlArbitrary = fc
  .record({
    scheme: fc.constantFrom('http', 'https', 'ws', 'wss'),
    host: fc.constantFrom(...URL_HOSTS),
    port: fc.constantFrom(...URL_PORTS),
    path: fc.constantFrom('/', '/p', '/a/b.pac', '/x?q=1', '/?', '/p?a=b&c'),
  })
  .map(({ scheme, host, port, path }) => new URL(`${scheme}://${host}${port}${path}`).href);

/** URLs for the generic properties: the pool above plus arbitrary strings and odd schemes. */
export const anyUrlArbitrary = fc.oneof(
  { weight: 6, arbitrary: urlArbitrary },
  {
    weight: 1,
    arbitrary: fc.constantFrom('ftp://f.test/', 'file:///etc/hosts', 'foo://bar/', 'data:,x', '', 'not a url', 'http://'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

// biome-ignore format: a word list, kept dense
const PROXY_HOSTS = ['p1', 'proxy.test', 'P2.Test', '10.0.0.9', '[::1]', '[2001:DB8::2]', '::1', 'bad host', 'x/y', '', 'u:pw@p3', '127.1', 'xn--bcher-kva.test', '*', 'a%41b', '\u00e9.test', '-a', 'a]b', '0x7f.1', 'a.1'];
// biome-ignore format: a word list, kept dense
const PROXY_PORTS = ['', ':80', ':8080', ':1080', ':0', ':65535', ':65536', ':', ':abc', ':00081', ':443'];
// biome-ignore format: a word list, kept dense
const PROXY_SCHEMES = ['', '', '', 'http://', 'https://', 'socks://', 'socks4://', 'socks5://', 'SOCKS5://', 'HTTPS://', 'quic://', 'ftp://', 'bogus://'];

/** One proxy URI: `[scheme://]host[:port]`, `direct://`, padded with spaces or tabs sometimes. */
export const proxyUriArbitrary = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...PROXY_SCHEMES), fc.constantFrom(...PROXY_HOSTS), fc.constantFrom(...PROXY_PORTS))
      .map(([s, h, p]) => `${s}${h}${p}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('direct://', 'DIRECT://', 'direct://x') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(' ', '\t', ''), fc.constantFrom('p1:81', 'socks5://s:5'), fc.constantFrom(' ', '\t', ''))
      .map((p) => p.join('')),
  },
);

/** A comma-separated fallback list, sometimes with empty entries. */
export const proxyUriListArbitrary = fc
  .array(fc.oneof({ weight: 6, arbitrary: proxyUriArbitrary }, { weight: 1, arbitrary: fc.constant('') }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((uris) => uris.join(','));

// biome-ignore format: a word list, kept dense
const RULE_SCHEMES = ['http', 'https', 'ftp', 'socks', 'HTTP', ' https ', 'ws', 'foo', ''];

/** A per-scheme entry `scheme=list`, or (rarely) a bare list. */
const ruleEntryArbitrary = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...RULE_SCHEMES), proxyUriListArbitrary).map(([s, l]) => `${s}=${l}`) },
  { weight: 1, arbitrary: proxyUriListArbitrary },
  { weight: 1, arbitrary: fc.constantFrom('', 'http=a=b', '=p9', 'https=') },
);

/** A proxyRules string: a single list, or `;`-separated entries. */
export const proxyRulesArbitrary = fc.oneof(
  { weight: 2, arbitrary: proxyUriListArbitrary },
  { weight: 3, arbitrary: fc.array(ruleEntryArbitrary, { minLength: 1, maxLength: 4 }).map((e) => e.join(';')) },
);

// biome-ignore format: a word list, kept dense
const BYPASS_HOST_PATTERNS = ['a.test', '*.a.test', '.a.test', '*a.test', '*.test', 'plain', 'pl?in', 'b.*.test', '*', 'A.TEST', 'localhost', '*localhost', 'xn--bcher-kva.test', '\\*.test'];
// biome-ignore format: a word list, kept dense
const BYPASS_SCHEMES = ['', '', '', 'http://', 'https://', 'HTTP://', 'ws://', '://'];
// biome-ignore format: a word list, kept dense
const BYPASS_PORTS = ['', '', ':80', ':443', ':8080', ':0', ':99999', ':x'];
const BYPASS_IPS = [
  '127.0.0.1',
  '127.1',
  '10.1.2.3',
  '0x0a.1.2.3',
  '[::1]',
  '[0:0::1]',
  '::1',
  '[fe80::1]',
  '192.168.1.5',
  '[2001:db8::1]',
];
const BYPASS_CIDRS = [
  '10.0.0.0/8',
  '10.1.2.0/24',
  '192.168.1.1/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fefe:13::abc/33',
  '::ffff:127.0.0.1/104',
  '::/0',
  '0.0.0.0/0',
  '2001:db8::/32',
  '10.0.0.0/33',
  '[::1]/128',
  '10.0.0.0/ 8',
  'a.test/8',
];

/** One bypass rule of any family (some invalid, to be dropped). */
export const bypassRuleArbitrary = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...BYPASS_SCHEMES), fc.constantFrom(...BYPASS_HOST_PATTERNS), fc.constantFrom(...BYPASS_PORTS))
      .map((p) => p.join('')),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...BYPASS_SCHEMES), fc.constantFrom(...BYPASS_IPS), fc.constantFrom(...BYPASS_PORTS))
      .map((p) => p.join('')),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('', '', 'http://', 'HTTP://'), fc.constantFrom(...BYPASS_CIDRS)).map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.constantFrom('<local>', '<-loopback>', '<LOCAL>', ' <local> ', '<-LOOPBACK>') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'http://', '@x', 'a b') },
);

/** A bypass list, `,` or `;` separated. */
export const bypassRulesArbitrary = fc
  .array(fc.tuple(bypassRuleArbitrary, fc.constantFrom(',', ';', ', ', ' ;')), { maxLength: 5 })
  .map((rules) => rules.map(([r, sep], i) => (i === 0 ? r : `${sep}${r}`)).join(''));

/** A PAC program: ordered (condition -> answer) clauses and a default answer. */
const PAC_CONDITIONS = [
  'shExpMatch(host, "*.a.test")',
  'shExpMatch(host, "?.test")',
  'shExpMatch(url, "https:*")',
  'shExpMatch(url, "*/p*")',
  'shExpMatch(url, "*q=1*")',
  'dnsDomainIs(host, ".a.test")',
  'dnsDomainIs(host, "test")',
  'isPlainHostName(host)',
  'localHostOrDomainIs(host, "plain.test")',
  'dnsDomainLevels(host) == 2',
  'dnsDomainLevels(host) == 0',
  '(/^\\d+\\.\\d+\\.\\d+\\.\\d+$/.test(host) && isInNet(host, "10.0.0.0", "255.0.0.0"))',
  '(/^\\d+\\.\\d+\\.\\d+\\.\\d+$/.test(host) && isInNet(host, "192.168.0.0", "255.255.0.0"))',
  'isInNetEx(host, "10.0.0.0/8")',
  'isInNetEx(host, "::/0")',
  'isInNetEx(host, "2001:db8::/32")',
  'url.substring(0, 3) == "ws:"',
  'url.indexOf("?") >= 0',
  'host.indexOf(":") >= 0',
  'weekdayRange("SUN", "SAT")',
  'timeRange(0, 23)',
  'sortIpAddressList("10.0.0.1;::1") == "::1;10.0.0.1"',
  'typeof alert == "function"',
];

const PAC_ANSWERS = [
  '"DIRECT"',
  '"PROXY p:80"',
  '"PROXY p"',
  '"SOCKS s:1080; DIRECT"',
  '"SOCKS5 [::1]:9"',
  '"HTTPS h"',
  '"proxy lower:1"',
  '"  PROXY  spaced:2 ; "',
  '"QUIC q:443"',
  '"BOGUS x:1"',
  '""',
  '"PROXY a:1;;PROXY b:2;DIRECT x"',
  '"PROXY bad host:1"',
  '"PROXY u@h:1"',
  '"PROXY h:99999"',
  '"SOCKS4 s4:1;socks5 s5"',
  '"PROXY " + host + ":1"',
  '"PROXY x" + dnsDomainLevels(host) + ":8"',
  '"PROXY " + sortIpAddressList("10.0.0.2;10.0.0.1") + ":3"',
  'null',
  '42',
  'undefined',
  '(function () { throw new Error("boom"); })()',
];

export interface PacProgram {
  clauses: { condition: string; answer: string }[];
  fallback: string;
}

export const pacProgramArbitrary: fc.Arbitrary<PacProgram> = fc.record({
  clauses: fc.array(fc.record({ condition: fc.constantFrom(...PAC_CONDITIONS), answer: fc.constantFrom(...PAC_ANSWERS) }), {
    minLength: 1,
    maxLength: 12,
  }),
  fallback: fc.constantFrom('"DIRECT"', '"PROXY fallback:8080; DIRECT"', '"SOCKS5 last:1"'),
});

/** The PAC script text of a program. */
export function pacScriptOf(program: PacProgram): string {
  const lines = program.clauses.map((c) => `  if (${c.condition}) return ${c.answer};`);
  return `function FindProxyForURL(url, host) {\n${lines.join('\n')}\n  return ${program.fallback};\n}\n`;
}
