// Why a configuration resolves a URL the way it does, step by step, for the
// proxy-check command: which bypass rule decided, which list applied, what a
// PAC script was given and answered. URLs are read as the resolution reads
// them: with the app's registered standard schemes, whose URLs have a host.

import type { BypassRules } from './bypass-rules.ts';
import type { NetProxyConfig } from './net-config.ts';
import type { ProxyRules } from './proxy-rules.ts';
import { parseRequestUrl, type RegisteredSchemes, type RequestUrl, sanitizedSpecForPac } from './request-url.ts';

function listName(rules: ProxyRules, scheme: string): string {
  if (rules.type === 'list') return 'the single proxy list';
  const own = scheme === 'http' || scheme === 'https' || scheme === 'ftp' ? (rules[scheme] as { isEmpty: boolean }) : null;
  if (own && !own.isEmpty) return `the ${scheme}= list`;
  if (scheme === 'ws' || scheme === 'wss') {
    if (!rules.fallback.isEmpty) return 'the socks= list (WebSockets prefer it)';
    if (!rules.https.isEmpty) return 'the https= list (WebSockets use it next)';
    if (!rules.http.isEmpty) return 'the http= list (WebSockets use it last)';
    return 'no list: direct';
  }
  return rules.fallback.isEmpty ? `no list for ${scheme || 'this URL'}: direct` : 'the socks= list (every other scheme)';
}

function bypassStep(bypass: BypassRules, url: RequestUrl): string | null {
  const decision = bypass.decidingRule(url);
  if (!decision) return null;
  return decision.bypass
    ? `bypassed by ${decision.rule}`
    : `kept on the proxy by ${decision.rule} (it removes the implicit bypass)`;
}

/** Explanations that do not need to run anything; `registered`: the schemes the resolution was given. */
export function explainStatic(config: NetProxyConfig, urlText: string, registered?: RegisteredSchemes): string[] {
  const url = parseRequestUrl(urlText, registered);
  const steps = [
    url.valid
      ? `URL: scheme ${url.scheme || '(none)'}, host ${url.host || '(none)'}, port ${url.effectivePort}`
      : 'URL: does not parse; resolved as the empty URL',
  ];
  switch (config.kind) {
    case 'direct':
      steps.push('configuration: direct');
      break;
    case 'auto-detect':
      steps.push('configuration: auto-detect (WPAD at http://wpad/wpad.dat, not mandatory)');
      break;
    case 'pac':
      steps.push(`configuration: PAC script ${config.url}${config.mandatory ? ' (mandatory: failures fail requests)' : ''}`);
      steps.push(
        `the script is called with url=${JSON.stringify(sanitizedSpecForPac(url))} host=${JSON.stringify(url.hostNoBrackets)}`,
      );
      break;
    case 'rules': {
      const { rules } = config;
      if (rules.type === 'empty') {
        steps.push('configuration: rules that parsed to nothing: direct');
        break;
      }
      steps.push(`configuration: ${rules.type === 'list' ? 'one list for every URL' : 'lists per URL scheme'}`);
      const bypass = bypassStep(rules.bypass, url);
      if (bypass) steps.push(bypass);
      if (!bypass || bypass.startsWith('kept')) steps.push(`uses ${listName(rules, url.scheme)}`);
    }
  }
  return steps;
}
