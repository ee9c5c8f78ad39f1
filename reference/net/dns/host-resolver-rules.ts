// Chromium's host resolver rules (--host-resolver-rules, net::HostMappingRules),
// parsed and applied as Chromium does, quirks included:
// - rules are separated by commas; a rule's words by single spaces (two
//   spaces make an empty word, and the rule is skipped, as Chromium skips
//   every rule it cannot parse);
// - `MAP <pattern> <replacement>`: the pattern (lowercased) is a
//   base::MatchPattern glob tried against the host and then against
//   `host:port` (IPv6 hosts bracketed), so `*.test:80` or `a.test:8*` select
//   ports; the replacement is `host`, `host:port` or `[v6]:port` as
//   net::ParseHostAndPort reads it (no user info, no empty host or port; the
//   host is kept as written); `~NOTFOUND` makes the name fail to resolve;
// - `EXCLUDE <pattern>`: consulted only once a MAP rule matched, against the
//   host alone (a pattern with a port never matches);
// - the first matching MAP rule applies; a matching EXCLUDE stops the rewrite.

import { matchPattern } from '../match-pattern.ts';

export const NOT_FOUND = '~NOTFOUND';

export interface MapRule {
  kind: 'map';
  /** The lowercased glob, matched against `host` and then `host:port`. */
  pattern: string;
  replacementHost: string;
  /** Replacement port, or null to keep the request's port. */
  replacementPort: number | null;
}

export interface ExcludeRule {
  kind: 'exclude';
  /** The lowercased glob, matched against the host only. */
  pattern: string;
}

export type HostRule = MapRule | ExcludeRule;

export interface HostMapping {
  /** The host to resolve instead, or NOT_FOUND. */
  host: string;
  port: number;
}

const ASCII_WHITESPACE = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

function trimAscii(text: string): string {
  return text.replace(ASCII_WHITESPACE, '');
}

/** url::ParsePort: digits only (leading zeros skipped, at most five more), up to 65535; null when invalid. */
function parsePort(text: string): number | null {
  const digits = text.replace(/^0+/, '');
  if (!/^\d*$/.test(text) || digits.length > 5) return null;
  const port = Number(digits || '0');
  return port <= 65535 ? port : null;
}

/** net::ParseHostAndPort over url::ParseAuthority's split; null when Chromium rejects the text. */
export function parseHostAndPort(text: string): { host: string; port: number | null } | null {
  if (!text || text.includes('@')) return null;
  // url::ParseServerInfo: a port follows the last colon, if that colon comes
  // after the last `]` (or, for text opening with `[` and no `]`, never).
  const lastBracket = text.lastIndexOf(']');
  const ipv6End = lastBracket >= 0 ? lastBracket : text.startsWith('[') ? text.length : -1;
  const colon = text.lastIndexOf(':');
  let host = text;
  let port: number | null = null;
  if (colon > ipv6End) {
    host = text.slice(0, colon);
    const portText = text.slice(colon + 1);
    // "host:" has an empty port, which ParseHostAndPort refuses.
    if (!portText) return null;
    port = parsePort(portText);
    if (port === null) return null;
  }
  if (!host) return null;
  if (host.startsWith('[')) {
    if (!host.endsWith(']') || !isIPv6Literal(host.slice(1, -1))) return null;
    host = host.slice(1, -1);
  }
  return { host, port };
}

function isIPv6Literal(text: string): boolean {
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

function parseRule(text: string): HostRule | null {
  const parts = trimAscii(text).split(' ').map(trimAscii);
  const verb = parts[0]!.toLowerCase();
  if (parts.length === 2 && verb === 'exclude') return { kind: 'exclude', pattern: parts[1]!.toLowerCase() };
  if (parts.length !== 3 || verb !== 'map') return null;
  const replacement = parseHostAndPort(parts[2]!);
  if (!replacement) return null;
  return {
    kind: 'map',
    pattern: parts[1]!.toLowerCase(),
    replacementHost: replacement.host,
    replacementPort: replacement.port,
  };
}

export function parseHostResolverRules(text: string): HostRule[] {
  return text
    .split(',')
    .map((rule) => parseRule(rule))
    .filter((rule): rule is HostRule => rule !== null);
}

export class HostResolverRules {
  readonly #map: MapRule[];
  readonly #exclude: ExcludeRule[];

  constructor(text: string) {
    const rules = parseHostResolverRules(text);
    this.#map = rules.filter((rule): rule is MapRule => rule.kind === 'map');
    this.#exclude = rules.filter((rule): rule is ExcludeRule => rule.kind === 'exclude');
  }

  get empty(): boolean {
    return this.#map.length === 0;
  }

  /** The mapping for host:port (an IPv6 host with or without brackets), or null when no rule applies. */
  rewrite(hostInput: string, port: number): HostMapping | null {
    const host = hostInput.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const hostPort = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const rule = this.#map.find((r) => matchPattern(host, r.pattern) || matchPattern(hostPort, r.pattern));
    if (!rule || this.#exclude.some((r) => matchPattern(host, r.pattern))) return null;
    return { host: rule.replacementHost, port: rule.replacementPort ?? port };
  }
}
