// The proxy area: setProxy, resolveProxy, forceReloadProxyConfig, and the
// network seam that routes every request of the session through the proxies
// (or PAC script, or system settings) in force.

import type { Area } from '../area.ts';
import { PROXY_MEMBERS } from './proxy-members.ts';
import { proxyService } from './proxy-service.ts';
import { createProxyHook } from './traffic/network-hook.ts';

export const proxyArea: Area = {
  id: 'proxy',
  summary: 'proxy configuration, PAC scripts, system proxies, and requests routed through them',
  sessionMembers: PROXY_MEMBERS,
  network(hooks, services) {
    hooks.proxy = createProxyHook(services.use(proxyService));
  },
  driver: { capabilities: ['proxy.pac', 'proxy.system'] },
};
