// `system` mode on Linux outside GNOME and KDE: Chromium's conversion of the
// proxy environment variables (ProxyConfigServiceLinux::GetConfigFromEnv).
// auto_proxy (a PAC URL, or empty for auto-detection) wins; then all_proxy;
// then http_proxy / https_proxy / ftp_proxy per scheme; then SOCKS_SERVER
// (SOCKS5 unless SOCKS_VERSION=4); no_proxy becomes bypass rules with
// suffix matching. A variable is looked up as written and then in the other
// case (http_proxy, then HTTP_PROXY), as base::Environment does.

import { BypassRules } from './bypass-rules.ts';
import type { ChromiumBehaviour } from './chromium-behaviour.ts';
import { DIRECT_CONFIG, type NetProxyConfig } from './net-config.ts';
import { ProxyList } from './proxy-list.ts';
import type { ProxyRules } from './proxy-rules.ts';
import { parseProxyUri, type ProxyScheme, type ProxyServer } from './proxy-server.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

/** base::Environment::GetVar: the name as given, else the name in the other case. */
export function getEnvironmentVariable(env: Environment, name: string): string | undefined {
  if (env[name] !== undefined) return env[name];
  const first = name[0] ?? '';
  let alternate: string;
  if (first >= 'a' && first <= 'z') alternate = name.toUpperCase();
  else if (first >= 'A' && first <= 'Z') alternate = name.toLowerCase();
  else return undefined;
  return env[alternate];
}

/** FixupProxyHostScheme: drop any scheme and credentials, force SOCKS schemes. */
function fixupProxyHost(scheme: ProxyScheme, value: string): string {
  let effective = scheme;
  if (scheme === 'socks5' && value.toLowerCase().startsWith('socks4://')) effective = 'socks4';
  let host = value;
  const separator = host.indexOf('://');
  if (separator >= 0) host = host.slice(separator + 3);
  const at = host.indexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (effective === 'socks4') host = `socks4://${host}`;
  else if (effective === 'socks5') host = `socks5://${host}`;
  if (host.endsWith('/')) host = host.slice(0, -1);
  return host;
}

function proxyFromVariable(
  env: Environment,
  name: string,
  scheme: ProxyScheme,
  behaviour: ChromiumBehaviour,
): ProxyServer | null {
  const value = getEnvironmentVariable(env, name);
  if (!value) return null;
  return parseProxyUri(fixupProxyHost(scheme, value), 'http', behaviour);
}

/** The configuration `system` mode yields for this environment. */
export function systemProxyConfig(env: Environment, behaviour: ChromiumBehaviour): NetProxyConfig {
  const autoProxy = getEnvironmentVariable(env, 'auto_proxy');
  if (autoProxy !== undefined) {
    if (autoProxy === '') return { kind: 'auto-detect' };
    let url: URL;
    try {
      url = new URL(autoProxy);
    } catch {
      return DIRECT_CONFIG;
    }
    return { kind: 'pac', url: url.href, mandatory: false };
  }

  const empty = new ProxyList([]);
  let rules: Omit<ProxyRules, 'bypass' | 'reverseBypass'> = {
    type: 'empty',
    single: empty,
    http: empty,
    https: empty,
    ftp: empty,
    fallback: empty,
  };
  const all = proxyFromVariable(env, 'all_proxy', 'http', behaviour);
  if (all) {
    rules = { ...rules, type: 'list', single: new ProxyList([all]) };
  } else {
    const http = proxyFromVariable(env, 'http_proxy', 'http', behaviour);
    const https = proxyFromVariable(env, 'https_proxy', 'http', behaviour);
    const ftp = proxyFromVariable(env, 'ftp_proxy', 'http', behaviour);
    if (http || https || ftp) {
      rules = {
        ...rules,
        type: 'per-scheme',
        http: new ProxyList(http ? [http] : []),
        https: new ProxyList(https ? [https] : []),
        ftp: new ProxyList(ftp ? [ftp] : []),
      };
    }
  }
  if (rules.type === 'empty') {
    const socksScheme = getEnvironmentVariable(env, 'SOCKS_VERSION') === '4' ? 'socks4' : 'socks5';
    const socks = proxyFromVariable(env, 'SOCKS_SERVER', socksScheme, behaviour);
    if (socks) rules = { ...rules, type: 'list', single: new ProxyList([socks]) };
  }

  const noProxy = getEnvironmentVariable(env, 'no_proxy') ?? '';
  // Only no_proxy set (say to "*") still counts as a configuration: direct.
  if (rules.type === 'empty') return DIRECT_CONFIG;
  const bypass = BypassRules.parse(noProxy, { grammar: behaviour.bypassGrammar, suffixMatching: true });
  return { kind: 'rules', rules: { ...rules, bypass, reverseBypass: false } };
}
