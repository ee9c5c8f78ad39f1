// ses.resolveProxy for a scheme the app registered as standard before ready.
// Chromium's proxy resolution takes URLs of any scheme, and Electron
// registers the app's standard schemes in the network service too, so such a
// URL has a canonical host (and no port) there: bypass rules and the implicit
// localhost bypass match it by host, and a PAC script gets the host and the
// canonical URL. A scheme not registered keeps no host, so none of that
// applies to it.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy', 'ses.setProxy'],
  eras: '*',
  requires: [],
  level: 'should',
  basis: 'electron',
  summary:
    "URLs of a scheme registered as standard have a host for proxy resolution: bypass rules, the implicit localhost bypass and PAC scripts see it; an unregistered scheme's URLs have none.",
});

const t = useTarget(meta, { env: {}, privilegedSchemes: [{ scheme: 'app', privileges: { standard: true } }] });
const p = proxyCalls(t, 'standard-scheme-proxy');

describe('ses.resolveProxy on a standard custom scheme', () => {
  it('applies bypass rules to its canonical host, scheme-restricted ones included', async () => {
    const config = { proxyRules: 'every:1', proxyBypassRules: 'foo.test,app://only-app.test' };
    const urls = [
      'app://foo.test/x',
      'app://FOO.test:99/y',
      'app://bar.test/x',
      'app://only-app.test/',
      'http://only-app.test/',
      'other://foo.test/x',
    ];
    expect(await p.resolveWith(config, ...urls)).toEqual([
      'DIRECT',
      'DIRECT',
      'PROXY every:1',
      'DIRECT',
      'PROXY every:1',
      'PROXY every:1',
    ]);
  });

  t.itInEras('>=e9', 'bypasses its localhost and loopback hosts implicitly', async () => {
    expect(await p.resolveWith({ proxyRules: 'every:1' }, 'app://localhost/', 'app://127.0.0.1/x', 'other://localhost/')).toEqual(
      ['DIRECT', 'DIRECT', 'PROXY every:1'],
    );
  });

  it('hands a PAC script the canonical URL without its fragment, and the host', async () => {
    const script = `function FindProxyForURL(url, host) {
      if (host == "") return "PROXY no-host:1";
      if (host == "foo.test" && url == "app://foo.test/a/c?q=1") return "PROXY canonical:1";
      return "PROXY unexpected-" + url.length + ":1";
    }`;
    expect(
      await p.resolveWith({ pacScript: pacDataUrl(script) }, 'app://FOO.test:8080/a/./b/../c?q=1#frag', 'other://foo.test/x'),
    ).toEqual(['PROXY canonical:1', 'PROXY no-host:1']);
  });
});
