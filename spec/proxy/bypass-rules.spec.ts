// proxyBypassRules as Chromium matches them: hostname patterns with `*`,
// `.suffix`, scheme and port restrictions, IP literals, CIDR blocks, later
// rules overriding earlier ones, invalid rules dropped one by one, and the
// implicit bypass of localhost, loopback and link-local destinations that
// `<-loopback>` removes (Chromium 72+, so Electron 9+).
//
// Where the documents and Chromium disagree this follows Chromium: `<local>`
// matches host names without a dot (what Windows calls local intranet
// names), not 127.0.0.1/::1/localhost as the documents say; in Electron 1.x
// (Chromium 59) it matched those loopback IPs too, and there was no implicit
// bypass.

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
    'Bypass rules follow Chromium (not the docs): <local> means dotless host names; localhost/loopback/link-local are bypassed implicitly unless <-loopback>.',
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'bypass');
const PROXY = 'PROXY p:1';

/** For each URL, 'bypass' or 'proxy' under rules `p:1` with the given bypass list. */
async function verdicts(bypass: string, ...urls: string[]): Promise<string[]> {
  const answers = await p.resolveWith({ proxyRules: 'p:1', proxyBypassRules: bypass }, ...urls);
  return answers.map((a) => (a === 'DIRECT' ? 'bypass' : a === PROXY ? 'proxy' : a));
}

describe('proxyBypassRules', () => {
  it('matches an exact host name, case-insensitively', async () => {
    expect(await verdicts('FooBar.com', 'http://foobar.com/', 'http://www.foobar.com/', 'https://FOOBAR.com:8443/')).toEqual([
      'bypass',
      'proxy',
      'bypass',
    ]);
  });

  it('matches * anywhere in a host name pattern', async () => {
    expect(
      await verdicts('*foobar.com', 'http://foobar.com/', 'http://xfoobar.com/', 'http://a.foobar.com/', 'http://foobar.org/'),
    ).toEqual(['bypass', 'bypass', 'bypass', 'proxy']);
    expect(await verdicts('*.foobar.com', 'http://foobar.com/', 'http://a.foobar.com/')).toEqual(['proxy', 'bypass']);
    expect(await verdicts('x.*.y.com', 'http://x.a.b.y.com/', 'http://x.y.com/')).toEqual(['bypass', 'proxy']);
  });

  it('reads a leading dot as a suffix: .google.com is *.google.com', async () => {
    expect(await verdicts('.google.com', 'http://maps.google.com/', 'http://google.com/', 'http://notgoogle.com/')).toEqual([
      'bypass',
      'proxy',
      'proxy',
    ]);
  });

  it('restricts a rule to a port, with scheme default ports counting', async () => {
    expect(await verdicts('*foobar.com:99', 'http://foobar.com:99/', 'http://foobar.com/', 'https://a.foobar.com:99/')).toEqual([
      'bypass',
      'proxy',
      'bypass',
    ]);
    expect(await verdicts('site.test:443', 'https://site.test/', 'http://site.test:443/', 'http://site.test/')).toEqual([
      'bypass',
      'bypass',
      'proxy',
    ]);
  });

  it('restricts a rule to a scheme', async () => {
    expect(await verdicts('https://x.*.y.com:99', 'https://x.a.y.com:99/', 'http://x.a.y.com:99/', 'https://x.a.y.com/')).toEqual(
      ['bypass', 'proxy', 'proxy'],
    );
    expect(await verdicts('HTTP://upper.test', 'http://upper.test/')).toEqual(['bypass']);
  });

  it('matches IP literals, written in any form the URL parser accepts', async () => {
    expect(await verdicts('10.0.1', 'http://10.0.0.1/', 'http://10.0.0.2/')).toEqual(['bypass', 'proxy']);
    expect(await verdicts('[0:0::2]', 'http://[::2]/', 'http://[::3]/')).toEqual(['bypass', 'proxy']);
    expect(await verdicts('http://[::2]:99', 'http://[::2]:99/', 'http://[::2]/')).toEqual(['bypass', 'proxy']);
  });

  it('matches CIDR blocks, IPv4 and IPv6, and never host names', async () => {
    expect(await verdicts('192.168.1.1/16', 'http://192.168.200.3/', 'http://192.169.0.1/', 'http://host.192.168.test/')).toEqual(
      ['bypass', 'proxy', 'proxy'],
    );
    expect(await verdicts('fefe:13::abc/33', 'http://[fefe:13:7fff::1]/', 'http://[fefe:13:8000::1]/')).toEqual([
      'bypass',
      'proxy',
    ]);
  });

  it('compares IPv4 and IPv6 as IPv4-mapped addresses', async () => {
    expect(await verdicts('10.0.0.0/8', 'http://[::ffff:10.1.2.3]/')).toEqual(['bypass']);
    expect(await verdicts('::ffff:10.0.0.0/104', 'http://10.1.2.3/')).toEqual(['bypass']);
  });

  it('accepts "," and ";" between rules, and drops invalid rules one by one', async () => {
    expect(
      await verdicts(
        'a.test:99999; b.test , 10.0.0.0/33,c.test',
        'http://a.test/',
        'http://b.test/',
        'http://c.test/',
        'http://10.1.1.1/',
      ),
    ).toEqual(['proxy', 'bypass', 'bypass', 'proxy']);
  });

  t.itInEras('>=e9', '<local> matches host names without a dot, not IP literals', async () => {
    expect(await verdicts('<local>', 'http://intranet/', 'http://a.b/', 'http://10.1.1.1/', 'http://[2001:db8::1]/')).toEqual([
      'bypass',
      'proxy',
      'proxy',
      'proxy',
    ]);
  });

  t.itInEras('>=e9', 'bypasses localhost, loopback and link-local destinations implicitly', async () => {
    const urls = [
      'http://localhost/',
      'http://LOCALHOST:8080/',
      'http://localhost./',
      'http://sub.localhost/',
      'http://127.0.0.1/',
      'http://127.200.3.4/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.1.1/',
      'http://[fe80::1]/',
    ];
    expect(await verdicts('', ...urls)).toEqual(urls.map(() => 'bypass'));
    expect(await verdicts('', 'http://localhost.test/', 'http://10.0.0.1/', 'http://[::2]/')).toEqual([
      'proxy',
      'proxy',
      'proxy',
    ]);
  });

  t.itInEras('current', 'counts IPv4-mapped link-local literals as link-local, as IPAddress::IsLinkLocal does', async () => {
    expect(await verdicts('', 'http://[::ffff:169.254.7.8]/', 'http://[::ffff:a9fe:1]/', 'http://[::ffff:169.253.0.1]/')).toEqual(
      ['bypass', 'bypass', 'proxy'],
    );
  });

  t.itInEras('>=e9', '<-loopback> removes the implicit bypass', async () => {
    expect(
      await verdicts('<-loopback>', 'http://localhost/', 'http://127.0.0.1/', 'http://[::1]/', 'http://169.254.1.1/'),
    ).toEqual(['proxy', 'proxy', 'proxy', 'proxy']);
  });

  t.itInEras('>=e9', 'lets later rules override earlier ones', async () => {
    expect(await verdicts('<-loopback>,localhost', 'http://localhost/', 'http://127.0.0.1/')).toEqual(['bypass', 'proxy']);
    expect(await verdicts('localhost,<-loopback>', 'http://localhost/')).toEqual(['proxy']);
  });

  t.itInEras('>=e9', 'ignores the scheme of a CIDR rule (Chromium drops it when it copies the rules)', async () => {
    expect(await verdicts('https://10.0.0.0/8', 'http://10.1.2.3/', 'https://10.1.2.3/')).toEqual(['bypass', 'bypass']);
  });

  t.itInEras(
    'legacy',
    'Electron 1.x: <local> also matched 127.0.0.1 and [::1] (and any host without a dot, IPv6 literals too)',
    async () => {
      expect(
        await verdicts(
          '<local>',
          'http://127.0.0.1/',
          'http://[::1]/',
          'http://intranet/',
          'http://127.0.0.2/',
          'http://[2001:db8::1]/',
        ),
      ).toEqual(['bypass', 'bypass', 'bypass', 'proxy', 'bypass']);
    },
  );

  t.itInEras('legacy', 'Electron 1.x: no implicit bypass, and <-loopback> means nothing', async () => {
    expect(await verdicts('', 'http://localhost:8080/', 'http://127.0.0.1/', 'http://169.254.1.1/')).toEqual([
      'proxy',
      'proxy',
      'proxy',
    ]);
    expect(await verdicts('<-loopback>', 'http://localhost:8080/')).toEqual(['proxy']);
  });

  t.itInEras('legacy', 'Electron 1.x: a CIDR rule keeps its scheme', async () => {
    expect(await verdicts('https://10.0.0.0/8', 'http://10.1.2.3/', 'https://10.1.2.3/')).toEqual(['proxy', 'bypass']);
  });
});
