// Manual proxy rules (net::ProxyConfig::ProxyRules): Chromium's grammar for
// `proxyRules`, and how the parsed rules pick a proxy list for a URL.
//
//   rules   = entry *(";" entry)
//   entry   = [url-scheme "="] uri-list        url-scheme: http | https | ftp | socks
//   uri-list = proxy-uri *("," proxy-uri)      proxy-uri: [scheme "://"] host [":" port] | direct://
//
// The first entry decides the form: without `=` it is one list for every URL
// and the rest of the string is ignored; with `=` the rules are per scheme and
// later entries without `=` are skipped. Invalid proxies are dropped one by one.

import { BypassRules } from './bypass-rules.ts';
import { ProxyList } from './proxy-list.ts';
import { parseProxyUri, type ProxyParseOptions, type ProxyScheme, type ProxyServer } from './proxy-server.ts';
import { trimAsciiWhitespace } from '../net/ip-address.ts';
import type { RequestUrl } from './request-url.ts';

export type ProxyRulesType = 'empty' | 'list' | 'per-scheme';

export interface ProxyRules {
  readonly type: ProxyRulesType;
  readonly single: ProxyList;
  readonly http: ProxyList;
  readonly https: ProxyList;
  readonly ftp: ProxyList;
  /** `socks=` entries: the list for every scheme without its own. */
  readonly fallback: ProxyList;
  readonly bypass: BypassRules;
  readonly reverseBypass: boolean;
}

function parseUriList(text: string, defaultScheme: ProxyScheme, options: ProxyParseOptions): ProxyServer[] {
  const servers: ProxyServer[] = [];
  for (const token of text.split(',')) {
    if (!token) continue;
    const server = parseProxyUri(token, defaultScheme, options);
    if (server) servers.push(server);
  }
  return servers;
}

/** StringTokenizer semantics: the non-empty runs between delimiters. */
function tokens(text: string, delimiter: string): string[] {
  return text.split(delimiter).filter((t) => t.length > 0);
}

/** ProxyConfig::ProxyRules::ParseFromString. */
export function parseProxyRules(text: string, options: ProxyParseOptions, bypass: BypassRules = BypassRules.empty()): ProxyRules {
  let type: ProxyRulesType = 'empty';
  const single: ProxyServer[] = [];
  const perScheme: Record<'http' | 'https' | 'ftp' | 'fallback', ProxyServer[]> = { http: [], https: [], ftp: [], fallback: [] };

  outer: for (const entry of tokens(text, ';')) {
    const parts = tokens(entry, '=');
    for (let i = 0; i < parts.length; i += 2) {
      const first = parts[i]!;
      if (i + 1 >= parts.length) {
        // A bare list: the whole configuration is a single list, unless
        // per-scheme entries came first, in which case it is skipped.
        if (type === 'per-scheme') continue;
        single.push(...parseUriList(first, 'http', options));
        type = 'list';
        break outer;
      }
      const scheme = trimAsciiWhitespace(first);
      type = 'per-scheme';
      // "socks" is not a URL scheme: it means "every other scheme", via SOCKS4 by default.
      const target =
        scheme === 'http' || scheme === 'https' || scheme === 'ftp' ? scheme : scheme === 'socks' ? 'fallback' : null;
      if (target) perScheme[target].push(...parseUriList(parts[i + 1]!, target === 'fallback' ? 'socks4' : 'http', options));
    }
  }

  return {
    type,
    single: new ProxyList(single),
    http: new ProxyList(perScheme.http),
    https: new ProxyList(perScheme.https),
    ftp: new ProxyList(perScheme.ftp),
    fallback: new ProxyList(perScheme.fallback),
    bypass,
    reverseBypass: false,
  };
}

/** MapUrlSchemeToProxyList, with RFC 6455's preference order for WebSockets. */
function listForScheme(rules: ProxyRules, scheme: string): ProxyList | null {
  const own = scheme === 'http' ? rules.http : scheme === 'https' ? rules.https : scheme === 'ftp' ? rules.ftp : null;
  if (own && !own.isEmpty) return own;
  if (scheme === 'ws' || scheme === 'wss') {
    for (const list of [rules.fallback, rules.https, rules.http]) if (!list.isEmpty) return list;
    return null;
  }
  return rules.fallback.isEmpty ? null : rules.fallback;
}

/**
 * ProxyRules::Apply. A list that parsed to nothing yields an empty list,
 * which resolveProxy reports as ''.
 */
export function applyProxyRules(rules: ProxyRules, url: RequestUrl): ProxyList {
  if (rules.type === 'empty') return ProxyList.direct();
  if (rules.bypass.matches(url, rules.reverseBypass)) return ProxyList.direct();
  if (rules.type === 'list') return rules.single;
  return listForScheme(rules, url.scheme) ?? ProxyList.direct();
}
