// Shared by the proxy specs: setProxy / resolveProxy / forceReloadProxyConfig
// called the same way in callback and promise eras, on fresh partitions so
// no test sees another's configuration.

import type { SpecHandle } from '../../harness/api/spec-runtime.ts';

export interface ProxyCalls {
  /** A partition no other test has touched. */
  fresh(): object;
  set(ses: object, config: unknown): Promise<unknown>;
  resolve(ses: object, url: string): Promise<string>;
  reload(ses: object): Promise<unknown>;
  /** setProxy on a fresh session, then one resolveProxy per URL. */
  resolveWith(config: unknown, ...urls: string[]): Promise<string[]>;
}

let counter = 0;

export function proxyCalls(t: SpecHandle, prefix: string): ProxyCalls {
  const calls: ProxyCalls = {
    fresh: () => t.session.fromPartition(`${prefix}-${++counter}`),
    set: (ses, config) => t.invoke(ses, 'ses.setProxy', config),
    resolve: (ses, url) => t.invoke<string>(ses, 'ses.resolveProxy', url),
    reload: (ses) => t.invoke(ses, 'ses.forceReloadProxyConfig'),
    async resolveWith(config, ...urls) {
      const ses = calls.fresh();
      await calls.set(ses, config);
      const results: string[] = [];
      for (const url of urls) results.push(await calls.resolve(ses, url));
      return results;
    },
  };
  return calls;
}

/** A PAC script as a data: URL (no fetch needed, accepted in every era). */
export function pacDataUrl(script: string): string {
  return `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(script, 'utf8').toString('base64')}`;
}

/**
 * A destination name for traffic specs. Names under fixture.test reach
 * loopback: the session resolves them through these host-resolver-rules, the
 * fixture proxies through `FIXTURE_HOSTS`. A name (not 127.0.0.1) keeps
 * Chromium's implicit loopback bypass out of the way.
 */
export const ORIGIN_HOST = 'origin.fixture.test';
export const FIXTURE_HOSTS = { [ORIGIN_HOST]: '127.0.0.1' };
export const FIXTURE_RESOLVER_SWITCHES = { 'host-resolver-rules': 'MAP *.fixture.test 127.0.0.1' };
