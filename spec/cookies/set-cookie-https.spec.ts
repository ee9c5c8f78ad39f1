// Set-Cookie over https: a secure origin may set Secure cookies and the
// `__Secure-` and `__Host-` prefixes (in any case), a `__Host-` cookie only
// with a Path attribute of `/` (a default path of `/` is not enough) and no
// Domain; the same lines over http set none of them. Secure cookies an https
// response set can be replaced from https but neither overwritten nor
// shadowed from http. The expected jars were read from headless Chromium
// with the cookie differential's oracle in the same traffic.

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { testPki } from '../../fixtures/servers/test-ca.ts';
import { cookiesOf, getCookies } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'chromium',
  summary: 'Set-Cookie over https sets Secure and prefixed cookies by Chromium rules; http cannot replace them.',
});

const PREFIXED = [
  '__Host-ok=1; Secure; Path=/',
  '__Host-nopath=1; Secure',
  '__Host-dom=1; Secure; Path=/; Domain=a.example.com',
  '__Secure-ok=1; Secure; Domain=example.com',
  '__Secure-plain=1',
  '__HOST-case=1; Secure',
  '__HOST-Case=1; Secure; Path=/',
];

let server: SetCookieServer | undefined;

const t = useTarget(meta, {
  trustFixtureCa: true,
  prepare: async () => {
    server = await startSetCookieServer({ tls: await (await testPki()).leaf('valid', { extraNames: ['a.example.com'] }) });
    server.define('prefixed', PREFIXED);
    server.define('secure', ['s=secure; Secure; Path=/', 'd=secure; Secure; Domain=example.com; Path=/a']);
    server.define('insecure', ['s=insecure', 'd=insecure; Path=/a/b', 'd=ok; Path=/b', 't=new']);
    server.define('replace', ['s=replaced; Secure; Path=/']);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

type FetchSession = { fetch(url: string): Promise<Response> };

async function visit(ses: FetchSession, scheme: 'http' | 'https', path: string, key: string): Promise<void> {
  const port = scheme === 'https' ? server!.httpsPort : server!.port;
  const response = await ses.fetch(`${scheme}://a.example.com:${port}${path}?__c=${key}`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

async function jar(ses: unknown): Promise<unknown[][]> {
  const cookies = await getCookies(t, cookiesOf(ses), {});
  return cookies.map((c) => [c.name, c.value, c.domain, c.path, c.secure]).sort();
}

describe('Set-Cookie over https', () => {
  afterAll(() => server?.close());

  it('stores __Secure- and __Host- cookies from https, a __Host- one only with Path=/', async () => {
    const ses = t.session.fromPartition('set-cookie-https-prefixes') as unknown as FetchSession;
    await visit(ses, 'https', '/', 'prefixed');
    expect(await jar(ses)).toEqual(
      [
        ['__Host-ok', '1', 'a.example.com', '/', true],
        ['__Secure-ok', '1', '.example.com', '/', true],
        ['__HOST-Case', '1', 'a.example.com', '/', true],
      ].sort(),
    );
  });

  it('stores none of them from http', async () => {
    const ses = t.session.fromPartition('set-cookie-https-insecure-prefixes') as unknown as FetchSession;
    await visit(ses, 'http', '/', 'prefixed');
    expect(await jar(ses)).toEqual([]);
  });

  it('lets https replace a Secure cookie it set, and http neither overwrite nor shadow it', async () => {
    const ses = t.session.fromPartition('set-cookie-https-secure') as unknown as FetchSession;
    await visit(ses, 'https', '/', 'secure');
    await visit(ses, 'http', '/a/b', 'insecure');
    await visit(ses, 'https', '/', 'replace');
    expect(await jar(ses)).toEqual(
      [
        ['s', 'replaced', 'a.example.com', '/', true],
        ['d', 'secure', '.example.com', '/a', true],
        ['d', 'ok', 'a.example.com', '/b', false],
        ['t', 'new', 'a.example.com', '/a', false],
      ].sort(),
    );
  });
});
