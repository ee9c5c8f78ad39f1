// ses.setProxy: the configuration it takes (proxyRules, proxyBypassRules,
// pacScript, and from Electron 12 `mode`), the mode Electron derives when
// `mode` is absent, how each era reads bad arguments, and that a
// configuration belongs to one session only.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'setProxy applies rules, modes and their defaults to one session; Electron 12+ rejects unknown modes; argument handling per era.',
});

// An empty environment: without setProxy a session resolves DIRECT.
const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'set-proxy');

const PAC_EVERYTHING = pacDataUrl('function FindProxyForURL(url, host) { return "PROXY from-pac:8132"; }');

describe('ses.setProxy', () => {
  it('resolves once the configuration is applied, and resolveProxy sees it at once', async () => {
    const ses = p.fresh();
    expect(await p.set(ses, { proxyRules: 'http=myproxy:80' })).toBeUndefined();
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY myproxy:80');
  });

  it('applies to that session only', async () => {
    const configured = p.fresh();
    const other = p.fresh();
    await p.set(configured, { proxyRules: 'only-here:81' });
    expect(await p.resolve(configured, 'http://example.com/')).toBe('PROXY only-here:81');
    expect(await p.resolve(other, 'http://example.com/')).toBe('DIRECT');
    expect(await p.resolve(t.session.defaultSession, 'http://example.com/')).toBe('DIRECT');
  });

  it('replaces the previous configuration', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'first:1' });
    await p.set(ses, { proxyRules: 'second:2' });
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY second:2');
    await p.set(ses, {});
    expect(await p.resolve(ses, 'http://example.com/')).toBe('DIRECT');
  });

  it('treats an empty configuration as direct, whatever the bypass rules say', async () => {
    expect(await p.resolveWith({}, 'http://example.com/')).toEqual(['DIRECT']);
    expect(await p.resolveWith({ proxyRules: '', proxyBypassRules: 'example.com' }, 'http://example.com/')).toEqual(['DIRECT']);
  });

  it('lets pacScript win over proxyRules when both are given', async () => {
    expect(await p.resolveWith({ pacScript: PAC_EVERYTHING, proxyRules: 'http=ignored:1' }, 'http://example.com/')).toEqual([
      'PROXY from-pac:8132',
    ]);
  });

  it('ignores fields that are not strings', async () => {
    expect(await p.resolveWith({ proxyRules: 42, pacScript: {}, proxyBypassRules: ['a'] }, 'http://example.com/')).toEqual([
      'DIRECT',
    ]);
    expect(await p.resolveWith({ proxyRules: 'r:1', proxyBypassRules: 7 }, 'http://example.com/')).toEqual(['PROXY r:1']);
  });

  t.itInEras('>=e12', "mode 'direct' ignores proxyRules", async () => {
    expect(await p.resolveWith({ mode: 'direct', proxyRules: 'http=myproxy:80' }, 'http://example.com/')).toEqual(['DIRECT']);
  });

  t.itInEras('>=e12', "mode 'fixed_servers' uses proxyRules, even when pacScript is given", async () => {
    expect(
      await p.resolveWith(
        { mode: 'fixed_servers', proxyRules: 'http=myproxy:80', pacScript: PAC_EVERYTHING },
        'http://example.com/',
      ),
    ).toEqual(['PROXY myproxy:80']);
  });

  t.itInEras('>=e12', "mode 'pac_script' without a pacScript means direct", async () => {
    expect(await p.resolveWith({ mode: 'pac_script' }, 'http://example.com/')).toEqual(['DIRECT']);
    expect(await p.resolveWith({ mode: 'pac_script', proxyRules: 'http=myproxy:80' }, 'http://example.com/')).toEqual(['DIRECT']);
  });

  t.itInEras('>=e12', "mode 'pac_script' uses pacScript", async () => {
    expect(await p.resolveWith({ mode: 'pac_script', pacScript: PAC_EVERYTHING }, 'https://google.com')).toEqual([
      'PROXY from-pac:8132',
    ]);
  });

  t.itInEras('>=e12', "mode 'auto_detect' and 'system' are accepted, and local destinations stay direct", async () => {
    expect(await p.resolveWith({ mode: 'auto_detect' }, 'http://localhost/')).toEqual(['DIRECT']);
    // The app's environment has no proxy variables: system means direct.
    expect(await p.resolveWith({ mode: 'system', proxyRules: 'http=myproxy:80' }, 'http://example.com/')).toEqual(['DIRECT']);
  });

  t.itInEras('>=e12', 'rejects an unknown mode with an Error and keeps the previous configuration', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'kept:1' });
    for (const mode of ['invalid', 'DIRECT', 'fixed-servers', '']) {
      const error = await p.set(ses, { mode }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
      );
    }
    expect(await p.resolve(ses, 'http://example.com/')).toBe('PROXY kept:1');
  });

  t.itInEras('>=e12', 'derives the mode when `mode` is not a string', async () => {
    expect(await p.resolveWith({ mode: 1, proxyRules: 'derived:1' }, 'http://example.com/')).toEqual(['PROXY derived:1']);
  });

  t.itInEras('e9', 'Electron 9 reads no `mode`: proxyRules still apply', async () => {
    expect(await p.resolveWith({ mode: 'direct', proxyRules: 'http=myproxy:80' }, 'http://example.com/')).toEqual([
      'PROXY myproxy:80',
    ]);
    expect(await p.resolveWith({ mode: 'invalid', proxyRules: 'p:2' }, 'http://example.com/')).toEqual(['PROXY p:2']);
  });

  t.itInEras('>=e9', 'reads a config that is not an object as an empty one (direct), without throwing', async () => {
    for (const config of [42, 'http=p:1', null, undefined, true]) {
      const ses = p.fresh();
      await p.set(ses, { proxyRules: 'before:1' });
      await p.set(ses, config);
      expect(await p.resolve(ses, 'http://example.com/')).toBe('DIRECT');
    }
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'before:1' });
    await (ses as { setProxy(): Promise<void> }).setProxy();
    expect(await p.resolve(ses, 'http://example.com/')).toBe('DIRECT');
  });

  t.itInEras('legacy', 'Electron 1.x takes a string as a PAC URL when it is a URL, and as proxy rules otherwise', async () => {
    expect(await p.resolveWith('http=foopy:80', 'http://example.com/')).toEqual(['PROXY foopy:80']);
    expect(await p.resolveWith(PAC_EVERYTHING, 'http://example.com/')).toEqual(['PROXY from-pac:8132']);
  });

  t.itInEras('legacy', 'Electron 1.x ignores an invalid pacScript URL and falls back to proxyRules', async () => {
    expect(await p.resolveWith({ pacScript: 'not a url', proxyRules: 'rules:1' }, 'http://example.com/')).toEqual([
      'PROXY rules:1',
    ]);
  });

  t.itInEras('legacy', 'Electron 1.x throws a TypeError for a config that is neither an object nor a string', () => {
    const ses = p.fresh() as { setProxy(...args: unknown[]): void };
    expect(() => ses.setProxy(42, () => {})).toThrow(TypeError);
    expect(() => ses.setProxy(42, () => {})).toThrow('Error processing argument at index 0, conversion failure from 42');
    expect(() => ses.setProxy(null, () => {})).toThrow('Error processing argument at index 0, conversion failure from null');
  });

  t.itInEras('legacy', 'Electron 1.x requires the callback', () => {
    const ses = p.fresh() as { setProxy(...args: unknown[]): void };
    expect(() => ses.setProxy({ proxyRules: 'p:1' })).toThrow('Insufficient number of arguments.');
    expect(() => ses.setProxy({ proxyRules: 'p:1' }, 'not a function')).toThrow(
      /^Error processing argument at index 1, conversion failure from not a function$/,
    );
    // The config is converted before the callback is looked for: a bad one is reported first.
    expect(() => ses.setProxy(42)).toThrow('Error processing argument at index 0, conversion failure from 42');
  });
});
