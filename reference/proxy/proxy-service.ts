// The session's ProxyConfigService, made once per session. PAC scripts are
// fetched over the session's direct stack (never through a proxy, as
// Chromium's PAC fetcher bypasses proxies) and their DNS questions answered
// by the session's resolver, so host-resolver-rules and DoH apply to them.
// URLs are read with the app's registered standard schemes.
// Both are reached lazily: the network stack asks this service for routes, so
// neither may build the other while being built.

import type { ServiceFactory } from '../session/session-services.ts';
import { dispatcherPacGet } from './pac/fetch-pac-script.ts';
import { systemHostResolver } from './pac/host-resolution.ts';
import { ProxyConfigService } from './proxy-config-service.ts';

export const proxyService: ServiceFactory<ProxyConfigService> = (services) => {
  const service = new ProxyConfigService({
    era: services.era,
    env: services.app.environment,
    switches: services.app.commandLine,
    registeredSchemes: services.app.urlSchemes,
  });
  service.setPacHttpClient((url, signal) => dispatcherPacGet(services.network.dispatcher)(url, signal));
  service.setHostResolver({
    async lookup(host, family) {
      try {
        const options = family === 4 ? { queryType: 'A' as const } : {};
        return (await services.network.resolver.resolve(host, options)).endpoints.map((e) => e.address);
      } catch {
        return [];
      }
    },
    myAddresses: () => systemHostResolver.myAddresses(),
  });
  return service;
};
