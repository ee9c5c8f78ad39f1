// `system` mode on Linux (outside GNOME/KDE): Chromium reads the proxy
// environment variables. This app is launched with http_proxy (with
// credentials and a trailing slash), HTTPS_PROXY (upper case only, with a
// socks5:// scheme) and no_proxy; a session that never called setProxy uses
// the system configuration, and (Electron 12+) mode 'system' returns to it.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: ['proxy.system'],
  level: 'must',
  basis: 'chromium',
  summary:
    'System mode converts http_proxy/HTTPS_PROXY/no_proxy as Chromium does: schemes and credentials dropped, no_proxy as suffix rules.',
});

const t = useTarget(meta, {
  env: {
    http_proxy: 'http://user:secret@envproxy:3128/',
    HTTPS_PROXY: 'socks5://secure-env:1080',
    no_proxy: 'skip.test, .dot.test,10.0.0.0/8',
  },
});
const p = proxyCalls(t, 'system-env');

describe('system proxy settings from the environment', () => {
  it('applies to sessions that never called setProxy', async () => {
    const answers = [];
    for (const ses of [t.session.defaultSession, p.fresh()]) {
      answers.push(await p.resolve(ses, 'http://a.test/'), await p.resolve(ses, 'https://a.test/'));
    }
    expect(answers).toEqual(['PROXY envproxy:3128', 'PROXY secure-env:1080', 'PROXY envproxy:3128', 'PROXY secure-env:1080']);
  });

  it('drops the scheme and credentials of a per-scheme variable: the proxy is HTTP', async () => {
    expect(await p.resolve(p.fresh(), 'https://b.test/')).toBe('PROXY secure-env:1080');
  });

  it('uses no proxy for schemes without a variable', async () => {
    expect(await p.resolve(p.fresh(), 'ftp://a.test/')).toBe('DIRECT');
  });

  it('reads no_proxy entries as host suffixes (no dot needed) and CIDR blocks', async () => {
    const ses = p.fresh();
    const urls = [
      'http://skip.test/',
      'http://a.skip.test/',
      'http://noskip.test/',
      'http://x.dot.test/',
      'http://dot.test/',
      'http://10.2.3.4/',
    ];
    const answers = [];
    for (const url of urls) answers.push(await p.resolve(ses, url));
    expect(answers).toEqual(['DIRECT', 'DIRECT', 'DIRECT', 'DIRECT', 'PROXY envproxy:3128', 'DIRECT']);
  });

  it('is replaced by setProxy', async () => {
    expect(await p.resolveWith({ proxyRules: 'http=explicit:1' }, 'http://a.test/')).toEqual(['PROXY explicit:1']);
  });

  t.itInEras('>=e12', "returns with mode 'system'", async () => {
    const ses = p.fresh();
    await p.set(ses, { mode: 'direct' });
    expect(await p.resolve(ses, 'http://a.test/')).toBe('DIRECT');
    await p.set(ses, { mode: 'system' });
    expect(await p.resolve(ses, 'http://a.test/')).toBe('PROXY envproxy:3128');
  });
});
