// The proxy configuration the resolution service works with (the part of
// net::ProxyConfig Electron can produce): direct, manual rules, a PAC URL
// (mandatory or not), or auto-detection. `key` identifies a configuration so
// an unchanged one is not re-applied.

import { formatProxyUri } from './proxy-server.ts';
import type { ProxyList } from './proxy-list.ts';
import type { ProxyRules } from './proxy-rules.ts';

export type NetProxyConfig =
  | { readonly kind: 'direct' }
  | { readonly kind: 'rules'; readonly rules: ProxyRules }
  | { readonly kind: 'pac'; readonly url: string; readonly mandatory: boolean }
  | { readonly kind: 'auto-detect' };

export const DIRECT_CONFIG: NetProxyConfig = Object.freeze({ kind: 'direct' });

function listText(list: ProxyList): string[] {
  return list.entries.map((e) => (e.scheme === 'direct' ? 'direct://' : `[${formatProxyUri(e)}]`));
}

/**
 * ProxyConfig::ToValue, as the NetLog's PROXY_CONFIG_CHANGED event shows it;
 * {} for direct. Used for equality and by the Chromium differential check.
 */
export function describeNetConfig(config: NetProxyConfig): Record<string, unknown> {
  switch (config.kind) {
    case 'direct':
      return {};
    case 'auto-detect':
      return { auto_detect: true };
    case 'pac':
      return config.mandatory ? { pac_url: config.url, pac_mandatory: true } : { pac_url: config.url };
    case 'rules': {
      const { rules } = config;
      if (rules.type === 'empty') return {};
      const value: Record<string, unknown> = {};
      if (rules.type === 'list') {
        if (!rules.single.isEmpty) value.single_proxy = listText(rules.single);
      } else {
        const perScheme: Record<string, string[]> = {};
        for (const [name, list] of [
          ['http', rules.http],
          ['https', rules.https],
          ['ftp', rules.ftp],
          ['fallback', rules.fallback],
        ] as const) {
          if (!list.isEmpty) perScheme[name] = listText(list);
        }
        value.proxy_per_scheme = perScheme;
      }
      const bypass = rules.bypass.ruleTexts;
      if (bypass.length) value.bypass_list = bypass;
      return value;
    }
  }
}

export function configKey(config: NetProxyConfig): string {
  return JSON.stringify([config.kind, describeNetConfig(config)]);
}
