// From what an app passes to ses.setProxy (or puts on the command line) to
// the configuration the resolver uses, step by step as Electron and Chromium
// do it: Electron reads the fields leniently into a proxy preference
// (ProxyConfigDictionary), and Chromium turns the preference into a
// net::ProxyConfig, falling back to direct where a field is missing or bad.

import type { EraId } from '../../contract/eras/eras.ts';
import { BypassRules } from './bypass-rules.ts';
import type { ChromiumBehaviour } from './chromium-behaviour.ts';
import { DIRECT_CONFIG, type NetProxyConfig } from './net-config.ts';
import { parseProxyRules } from './proxy-rules.ts';
import { systemProxyConfig, type Environment } from './system-proxy.ts';
import { ELECTRON_PROXY_ERAS } from './electron-proxy-era.ts';

export const PROXY_MODES = ['direct', 'auto_detect', 'pac_script', 'fixed_servers', 'system'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** The proxy preference Electron writes (what Chromium's `proxy` pref holds). */
export type ProxyPreference =
  | { mode: 'direct' | 'auto_detect' | 'system' }
  | { mode: 'pac_script'; pacUrl: string; mandatory: boolean }
  | { mode: 'fixed_servers'; server: string; bypassList: string };

export const INVALID_MODE_MESSAGE = 'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system';

/** gin's Dictionary::Get into a std::string: only real strings are read. */
function stringField(options: unknown, key: string): string | undefined {
  if (options === null || (typeof options !== 'object' && typeof options !== 'function')) return undefined;
  const value = (options as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function createFixedServers(server: string, bypassList: string): ProxyPreference {
  // ProxyConfigDictionary::CreateFixedServers: no servers means direct.
  return server ? { mode: 'fixed_servers', server, bypassList } : { mode: 'direct' };
}

/**
 * Electron 9+ setProxy: `options` is read only if it is an object; `mode`
 * (read from Electron 12) must be one of the five names; without it a
 * non-empty pacScript wins over proxyRules. Returns the preference, or an
 * error message for the rejected promise.
 */
export function preferenceFromSetProxy(options: unknown, era: EraId): ProxyPreference | { error: string } {
  const pacUrl = stringField(options, 'pacScript') ?? '';
  const server = stringField(options, 'proxyRules') ?? '';
  const bypassList = stringField(options, 'proxyBypassRules') ?? '';
  const mode = ELECTRON_PROXY_ERAS[era].readsMode ? stringField(options, 'mode') : undefined;
  let chosen: ProxyMode;
  if (mode === undefined) chosen = pacUrl ? 'pac_script' : 'fixed_servers';
  else if ((PROXY_MODES as readonly string[]).includes(mode)) chosen = mode as ProxyMode;
  else return { error: INVALID_MODE_MESSAGE };
  switch (chosen) {
    case 'pac_script':
      return { mode: 'pac_script', pacUrl, mandatory: true };
    case 'fixed_servers':
      return createFixedServers(server, bypassList);
    default:
      return { mode: chosen };
  }
}

function isValidUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Electron 1.x setProxy: a string is taken as a PAC URL when it parses as a
 * URL and as proxy rules otherwise; an object gives pacScript (a valid URL
 * wins), proxyRules and proxyBypassRules. The PAC script is not mandatory.
 * Returns null when the value converts to neither (a TypeError in Electron).
 */
export function preferenceFromLegacySetProxy(config: unknown): ProxyPreference | null {
  let pacUrl = '';
  let server = '';
  let bypassList = '';
  if (typeof config === 'string') {
    pacUrl = config;
    server = config;
  } else if (config !== null && (typeof config === 'object' || typeof config === 'function')) {
    pacUrl = stringField(config, 'pacScript') ?? '';
    server = stringField(config, 'proxyRules') ?? '';
    bypassList = stringField(config, 'proxyBypassRules') ?? '';
  } else {
    return null;
  }
  if (pacUrl && isValidUrl(pacUrl)) return { mode: 'pac_script', pacUrl, mandatory: false };
  // ProxyConfigServiceFixed with manual rules: an empty string is simply no rules.
  return { mode: 'fixed_servers', server, bypassList };
}

export interface SwitchReader {
  hasSwitch(name: string): boolean;
  getSwitchValue(name: string): string;
}

/** The preference command-line switches give every session, if any. */
export function preferenceFromSwitches(switches: SwitchReader): ProxyPreference | null {
  if (switches.hasSwitch('no-proxy-server')) return { mode: 'direct' };
  if (switches.hasSwitch('proxy-pac-url')) {
    return { mode: 'pac_script', pacUrl: switches.getSwitchValue('proxy-pac-url'), mandatory: false };
  }
  if (switches.hasSwitch('proxy-auto-detect')) return { mode: 'auto_detect' };
  if (switches.hasSwitch('proxy-server')) {
    return createFixedServers(switches.getSwitchValue('proxy-server'), switches.getSwitchValue('proxy-bypass-list'));
  }
  return null;
}

/** PrefProxyConfigTrackerImpl::PrefConfigToNetConfig (system mode reads the environment). */
export function netConfigFromPreference(pref: ProxyPreference, env: Environment, behaviour: ChromiumBehaviour): NetProxyConfig {
  switch (pref.mode) {
    case 'direct':
      return DIRECT_CONFIG;
    case 'system':
      return systemProxyConfig(env, behaviour);
    case 'auto_detect':
      return { kind: 'auto-detect' };
    case 'pac_script': {
      if (!pref.pacUrl) return DIRECT_CONFIG;
      let url: URL;
      try {
        url = new URL(pref.pacUrl);
      } catch {
        return DIRECT_CONFIG;
      }
      return { kind: 'pac', url: url.href, mandatory: pref.mandatory };
    }
    case 'fixed_servers': {
      const bypass = BypassRules.parse(pref.bypassList, { grammar: behaviour.bypassGrammar });
      return { kind: 'rules', rules: parseProxyRules(pref.server, behaviour, bypass) };
    }
  }
}
