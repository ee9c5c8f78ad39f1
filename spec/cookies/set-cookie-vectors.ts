// Set-Cookie header values and the cookie Chromium stores for each (none,
// or the fields given), one response per vector in a fresh jar. Each agrees
// with headless Chromium 150 (the one installed here) through the cookie
// differential's oracle (harness/chromium/cookie-oracle.ts); Electron 39's
// Chromium 142 reads these lines the same way.

export interface SetCookieVector {
  title: string;
  host: string;
  path: string;
  line: string;
  /** The stored cookie's fields, or null when nothing is stored. */
  stored: {
    name: string;
    value: string;
    domain?: string;
    path?: string;
    session?: boolean;
    secure?: boolean;
    sameSite?: string;
  } | null;
  /** For a persistent cookie: seconds from now its expiry lies within (±5 s). */
  expiresIn?: number;
}

const DAYS_400 = 400 * 86_400;

export const SET_COOKIE_VECTORS: SetCookieVector[] = [
  // Repeated attributes: the last occurrence wins, even empty or invalid.
  {
    title: 'a later unparsable Max-Age makes a session cookie',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Max-Age=3600; Max-Age=60.5',
    stored: { name: 'a', value: '1', session: true },
  },
  {
    title: 'a later empty Domain makes a host-only cookie',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Domain=example.com; Domain=',
    stored: { name: 'a', value: '1', domain: 'a.example.com' },
  },
  {
    title: 'the last Path wins',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Path=/x; Path=/y',
    stored: { name: 'a', value: '1', path: '/y' },
  },
  {
    title: 'the last SameSite wins',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; SameSite=Strict; SameSite=Lax',
    stored: { name: 'a', value: '1', sameSite: 'lax' },
  },
  // Max-Age forms.
  {
    title: 'Max-Age with a plus sign',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Max-Age=+60',
    stored: { name: 'a', value: '1', session: false },
    expiresIn: 60,
  },
  {
    title: 'Max-Age wins over Expires',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=120',
    stored: { name: 'a', value: '1', session: false },
    expiresIn: 120,
  },
  {
    title: 'an unparsable Max-Age falls back to Expires (capped at 400 days)',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Max-Age=abc; Expires=Fri, 31 Dec 9999 23:59:59 GMT',
    stored: { name: 'a', value: '1', session: false },
    expiresIn: DAYS_400,
  },
  {
    title: 'a later empty Max-Age after a negative one makes a session cookie',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Max-Age=-5; Max-Age=',
    stored: { name: 'a', value: '1', session: true },
  },
  { title: 'Max-Age=0 stores nothing', host: 'a.example.com', path: '/', line: 'a=1; Max-Age=0', stored: null },
  // Name prefixes, in any case.
  { title: '__secure- from an insecure URL is refused', host: 'a.example.com', path: '/', line: '__secure-x=1', stored: null },
  {
    title: '__HOST- with Domain is refused',
    host: 'localhost',
    path: '/',
    line: '__HOST-x=1; Secure; Path=/; Domain=localhost',
    stored: null,
  },
  {
    title: '__HOST- done right from a loopback URL is stored',
    host: 'localhost',
    path: '/',
    line: '__HOST-x=1; Secure; Path=/',
    stored: { name: '__HOST-x', value: '1', secure: true },
  },
  {
    title: 'a nameless cookie hiding a prefix is refused',
    host: 'localhost',
    path: '/',
    line: '__Host-x; Secure; Path=/',
    stored: null,
  },
  {
    title: 'a nameless cookie is stored with an empty name',
    host: 'a.example.com',
    path: '/',
    line: 'justvalue',
    stored: { name: '', value: 'justvalue' },
  },
  { title: 'a nameless cookie holding = is refused', host: 'a.example.com', path: '/', line: '=x=y', stored: null },
  { title: 'an empty name and value are refused', host: 'a.example.com', path: '/', line: '=; Path=/', stored: null },
  // Sizes.
  {
    title: 'name and value of 4096 bytes are stored',
    host: 'a.example.com',
    path: '/',
    line: `n=${'v'.repeat(4095)}`,
    stored: { name: 'n', value: 'v'.repeat(4095) },
  },
  {
    title: 'name and value over 4096 bytes are refused',
    host: 'a.example.com',
    path: '/',
    line: `n=${'v'.repeat(4096)}`,
    stored: null,
  },
  {
    title: 'an attribute value over 1024 bytes is ignored',
    host: 'a.example.com',
    path: '/',
    line: `a=1; Path=/x; Path=/${'p'.repeat(1100)}`,
    stored: { name: 'a', value: '1', path: '/x' },
  },
  // Domains.
  {
    title: 'Domain= a host without a registrable domain, equal to the URL host, is host-only',
    host: 'intranet',
    path: '/',
    line: 'a=1; Domain=intranet',
    stored: { name: 'a', value: '1', domain: 'intranet' },
  },
  { title: 'Domain= a public suffix is refused', host: 'foo.co.uk', path: '/', line: 'a=1; Domain=co.uk', stored: null },
  {
    title: 'Domain=localhost from localhost is host-only',
    host: 'localhost',
    path: '/',
    line: 'a=1; Domain=localhost',
    stored: { name: 'a', value: '1', domain: 'localhost' },
  },
  {
    title: 'Domain= a public suffix that is the URL host itself (co.uk) is host-only',
    host: 'co.uk',
    path: '/',
    line: 'a=1; Domain=.co.uk',
    stored: { name: 'a', value: '1', domain: 'co.uk' },
  },
  {
    title: 'Domain= with a leading dot and no registrable domain is host-only',
    host: 'intranet',
    path: '/',
    line: 'a=1; Domain=.intranet',
    stored: { name: 'a', value: '1', domain: 'intranet' },
  },
  {
    title: 'Domain= the IP literal of the URL is host-only',
    host: '127.0.0.1',
    path: '/',
    line: 'a=1; Domain=127.0.0.1',
    stored: { name: 'a', value: '1', domain: '127.0.0.1' },
  },
  {
    title: 'Domain= with a %-escape is refused',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Domain=%65xample.com',
    stored: null,
  },
  {
    title: 'Domain= the URL host as a domain cookie',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Domain=.EXAMPLE.com',
    stored: { name: 'a', value: '1', domain: '.example.com' },
  },
  {
    title: 'a UTF-8 Domain is stored in punycode',
    host: 'xn--bcher-kva.example',
    path: '/',
    line: 'a=1; Domain=bücher.example',
    stored: { name: 'a', value: '1', domain: '.xn--bcher-kva.example' },
  },
  {
    title: 'Domain= with two leading dots is refused',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Domain=..example.com',
    stored: null,
  },
  {
    title: 'Domain= with a trailing dot is refused',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; Domain=example.com.',
    stored: null,
  },
  // Characters.
  {
    title: 'a control character in the value refuses that cookie only',
    host: 'a.example.com',
    path: '/',
    line: 'a=x\x01y',
    stored: null,
  },
  { title: 'a tab inside the value refuses the cookie', host: 'a.example.com', path: '/', line: 'a=x\ty', stored: null },
  {
    title: 'tabs around name and value are trimmed',
    host: 'a.example.com',
    path: '/',
    line: '\ta\t=\t1\t',
    stored: { name: 'a', value: '1' },
  },
  // Bytes, paths, Partitioned, SameSite=None.
  { title: 'UTF-8 names and values are kept', host: 'a.example.com', path: '/', line: 'ü=ü', stored: { name: 'ü', value: 'ü' } },
  {
    title: 'the default path is the request path as sent',
    host: 'a.example.com',
    path: '/dir%20x/page',
    line: 'a=1',
    stored: { name: 'a', value: '1', path: '/dir%20x' },
  },
  {
    title: 'a relative Path means the default path',
    host: 'a.example.com',
    path: '/a/%7Eb/c',
    line: 'a=1; Path=relative',
    stored: { name: 'a', value: '1', path: '/a/%7Eb' },
  },
  { title: 'Partitioned without Secure is refused', host: 'localhost', path: '/', line: 'a=1; Partitioned', stored: null },
  {
    title: 'SameSite=None without Secure is refused',
    host: 'a.example.com',
    path: '/',
    line: 'a=1; SameSite=None',
    stored: null,
  },
];
