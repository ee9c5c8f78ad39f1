// A session's ProxyConfigService: the environment conversion of `system`
// mode, command-line switches, re-applying configurations, PAC polling after
// a failed fetch, auto-detection without WPAD, the bad-proxy list, and the
// hook the network stack plugs in.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPacHost, type PacHostFixture } from '../../fixtures/proxies/pac-host.ts';
import { describeNetConfig } from '../../reference/proxy/net-config.ts';
import type { PacHostResolver } from '../../reference/proxy/pac/host-resolution.ts';
import { ProxyConfigService } from '../../reference/proxy/proxy-config-service.ts';
import type { ProxyList } from '../../reference/proxy/proxy-list.ts';
import { getEnvironmentVariable, systemProxyConfig } from '../../reference/proxy/system-proxy.ts';
import { chromiumBehaviour } from '../../reference/proxy/chromium-behaviour.ts';
import { createProxyHook } from '../../reference/proxy/traffic/network-hook.ts';
import { ProxyConnectionError } from '../../reference/proxy/traffic/tunnel.ts';

let host: PacHostFixture;
beforeAll(async () => {
  host = await startPacHost();
});
afterAll(async () => {
  await host.close();
});

const noDns: PacHostResolver = { lookup: async () => [], myAddresses: async () => [] };
const pac = (answer: string) => `function FindProxyForURL(url, host) { return "${answer}"; }`;
const current = chromiumBehaviour('current');

describe('system mode (environment variables)', () => {
  const describeEnv = (env: Record<string, string>) => describeNetConfig(systemProxyConfig(env, current));

  it('looks a variable up as written, then in the other case', () => {
    expect(getEnvironmentVariable({ HTTP_PROXY: 'upper' }, 'http_proxy')).toBe('upper');
    expect(getEnvironmentVariable({ http_proxy: 'lower', HTTP_PROXY: 'upper' }, 'http_proxy')).toBe('lower');
    expect(getEnvironmentVariable({ http_proxy: '', HTTP_PROXY: 'upper' }, 'http_proxy')).toBe('');
  });

  it('converts each kind of variable as Chromium does', () => {
    expect(describeEnv({})).toEqual({});
    expect(describeEnv({ auto_proxy: '' })).toEqual({ auto_detect: true });
    expect(describeEnv({ auto_proxy: 'http://wpad.test/p.pac' })).toEqual({ pac_url: 'http://wpad.test/p.pac' });
    expect(describeEnv({ all_proxy: 'socks5://ignored-scheme:1080', http_proxy: 'h:1' })).toEqual({
      single_proxy: ['[ignored-scheme:1080]'],
    });
    expect(
      describeEnv({ http_proxy: 'http://u:p@h:3128/', https_proxy: 's:443', no_proxy: 'a.test, .b.test,10.0.0.0/8' }),
    ).toEqual({
      proxy_per_scheme: { http: ['[h:3128]'], https: ['[s:443]'] },
      bypass_list: ['*a.test', '*.b.test', '10.0.0.0/8'],
    });
    expect(describeEnv({ SOCKS_SERVER: 'socks.test:1081' })).toEqual({ single_proxy: ['[socks5://socks.test:1081]'] });
    expect(describeEnv({ SOCKS_SERVER: 'socks.test', SOCKS_VERSION: '4' })).toEqual({
      single_proxy: ['[socks4://socks.test:1080]'],
    });
    expect(describeEnv({ SOCKS_SERVER: 'socks4://x' })).toEqual({ single_proxy: ['[socks4://x:1080]'] });
    expect(describeEnv({ no_proxy: '*' })).toEqual({});
    expect(describeEnv({ http_proxy: 'bad host:99999' })).toEqual({});
  });
});

describe('configuration', () => {
  it('starts from the command-line switches when there are some', () => {
    const switches = (values: Record<string, string>) => ({
      hasSwitch: (n: string) => n in values,
      getSwitchValue: (n: string) => values[n] ?? '',
    });
    const service = (values: Record<string, string>) =>
      new ProxyConfigService({ era: 'current', env: { http_proxy: 'env:1' }, switches: switches(values) });
    expect(service({}).describe()).toEqual({ proxy_per_scheme: { http: ['[env:1]'] } });
    expect(service({ 'no-proxy-server': '', 'proxy-server': 'x:1' }).describe()).toEqual({});
    expect(service({ 'proxy-server': 'x:1', 'proxy-bypass-list': 'a.test' }).describe()).toEqual({
      single_proxy: ['[x:1]'],
      bypass_list: ['a.test'],
    });
    expect(service({ 'proxy-pac-url': 'http://p.test/x.pac' }).describe()).toEqual({ pac_url: 'http://p.test/x.pac' });
    expect(service({ 'proxy-auto-detect': '' }).describe()).toEqual({ auto_detect: true });
  });

  it('re-fetches a PAC script for an unchanged configuration only in Electron 1.x', async () => {
    host.serve('/same.pac', pac('PROXY same:1'));
    for (const [era, fetches] of [
      ['current', 1],
      ['legacy', 2],
    ] as const) {
      const before = host.fetchCount('/same.pac');
      const service = new ProxyConfigService({ era, env: {} });
      const pref = { mode: 'pac_script' as const, pacUrl: host.url('/same.pac'), mandatory: era !== 'legacy' };
      service.setPreference(pref);
      await service.resolve('http://a.test/');
      service.setPreference({ ...pref });
      await service.resolve('http://a.test/');
      expect(host.fetchCount('/same.pac') - before, era).toBe(fetches);
      service.shutdown();
    }
  });

  it('re-tries a failed PAC fetch on its own, then applies the script', async () => {
    host.serve('/later.pac', { body: 'unavailable', status: 503 });
    const service = new ProxyConfigService({
      era: 'current',
      env: {},
      pollSchedule: { afterFailureMs: [50, 50], afterSuccessMs: 60_000 },
    });
    service.setPreference({ mode: 'pac_script', pacUrl: host.url('/later.pac'), mandatory: true });
    expect(await service.lookUpPacString('http://a.test/')).toBe('');
    host.serve('/later.pac', pac('PROXY recovered:1'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await service.lookUpPacString('http://a.test/')).toBe('PROXY recovered:1');
    service.shutdown();
  });

  it('auto-detects nothing when "wpad" does not resolve: direct, without fetching', async () => {
    const service = new ProxyConfigService({ era: 'current', env: {}, hostResolver: noDns });
    service.setPreference({ mode: 'auto_detect' });
    expect(await service.lookUpPacString('http://a.test/')).toBe('DIRECT');
    expect(service.pacDiagnostics.fetchError).toBe('ERR_NAME_NOT_RESOLVED');
    service.shutdown();
  });

  it('restarts a resolution that was waiting for a PAC script when the configuration changes', async () => {
    host.serve('/slow.pac', { body: pac('PROXY slow:1'), delayMs: 200 });
    const service = new ProxyConfigService({ era: 'current', env: {} });
    service.setPreference({ mode: 'pac_script', pacUrl: host.url('/slow.pac'), mandatory: true });
    const pending = service.resolve('http://a.test/');
    service.setPreference({ mode: 'fixed_servers', server: 'fixed:1', bypassList: '' });
    expect((await pending).ok && ((await pending) as { list: ProxyList }).list.toPacString()).toBe('PROXY fixed:1');
    service.shutdown();
  });
});

describe('bad proxies', () => {
  it('are tried last until the configuration changes or is reloaded', async () => {
    const service = new ProxyConfigService({ era: 'current', env: {} });
    service.setPreference({ mode: 'fixed_servers', server: 'a:1,b:2,direct://', bypassList: '' });
    service.badProxies.markBad({ scheme: 'http', host: 'a', port: 1 });
    expect(await service.lookUpPacString('http://x.test/')).toBe('PROXY b:2;DIRECT;PROXY a:1');
    service.forceReload();
    expect(await service.lookUpPacString('http://x.test/')).toBe('PROXY a:1;PROXY b:2;DIRECT');
    service.badProxies.markBad({ scheme: 'http', host: 'b', port: 2 });
    service.setPreference({ mode: 'fixed_servers', server: 'a:1,b:2', bypassList: '' });
    expect(await service.lookUpPacString('http://x.test/')).toBe('PROXY a:1;PROXY b:2');
  });

  it('expire after their retry delay', async () => {
    let now = 1_000_000;
    const service = new ProxyConfigService({ era: 'current', env: {}, now: () => now });
    service.setPreference({ mode: 'fixed_servers', server: 'a:1,b:2', bypassList: '' });
    service.badProxies.markBad({ scheme: 'http', host: 'a', port: 1 }, 'ERR_PROXY_CONNECTION_FAILED', 1000);
    expect(await service.lookUpPacString('http://x.test/')).toBe('PROXY b:2;PROXY a:1');
    now += 1001;
    expect(await service.lookUpPacString('http://x.test/')).toBe('PROXY a:1;PROXY b:2');
  });
});

describe('the network stack hook', () => {
  const hook = (service: ProxyConfigService) => createProxyHook(service, { resolveIPv4: async () => [] });

  it('gives the route for a URL, without QUIC entries', async () => {
    const service = new ProxyConfigService({ era: 'e17', env: {} });
    service.setPreference({ mode: 'fixed_servers', server: 'quic://q,p:1,socks5://s', bypassList: '' });
    expect(await hook(service).resolve(new URL('http://a.test/'))).toEqual([
      { scheme: 'http', host: 'p', port: 1 },
      { scheme: 'socks5', host: 's', port: 1080 },
    ]);
  });

  it('fails a request whose mandatory PAC script failed, and one left without usable proxies', async () => {
    const failed = new ProxyConfigService({ era: 'current', env: {} });
    failed.setPreference({ mode: 'pac_script', pacUrl: 'data:,nonsense', mandatory: true });
    await expect(hook(failed).resolve(new URL('http://a.test/'))).rejects.toMatchObject({
      netError: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
    });
    const empty = new ProxyConfigService({ era: 'current', env: {} });
    empty.setPreference({ mode: 'fixed_servers', server: 'bad:port', bypassList: '' });
    await expect(hook(empty).resolve(new URL('http://a.test/'))).rejects.toBeInstanceOf(ProxyConnectionError);
    failed.shutdown();
  });
});
