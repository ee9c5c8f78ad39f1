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
// - the first matching MAP rule applies; a matching EXCLUDE stops the rewrite;
// - a connection's host is rewritten as a URL (HostMappingRules::RewriteUrl):
//   the replacement becomes the URL's host, canonicalized, so `127.1`,
//   `0x7f.0.0.1` or `2130706433` reach 127.0.0.1, and one that is no valid
//   host fails the request as ~NOTFOUND does; a lookup without a URL
//   (RewriteHost) takes the replacement as written;
// - the switch is read as ASCII (CommandLine::GetSwitchValueASCII): a value
//   with any other character gives no rules at all.

import { canonicalizeHost, parseHostAndPort } from '../authority.ts';
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
    replacementPort: replacement.port < 0 ? null : replacement.port,
  };
}

export function parseHostResolverRules(text: string): HostRule[] {
  return text
    .split(',')
    .map((rule) => parseRule(rule))
    .filter((rule): rule is HostRule => rule !== null);
}

/** The replacement as GURL leaves it once it is a URL's host (IPv6 without brackets), or null when it is none. */
function canonicalUrlHost(host: string): string | null {
  return canonicalizeHost(host.includes(':') ? `[${host}]` : host)?.replace(/^\[(.*)\]$/, '$1') ?? null;
}

export class HostResolverRules {
  readonly #map: MapRule[];
  readonly #exclude: ExcludeRule[];

  /** The rules of the --host-resolver-rules switch's value, which Chromium reads only when it is all ASCII. */
  static fromSwitch(value: string): HostResolverRules {
    return new HostResolverRules(/^[\x00-\x7f]*$/.test(value) ? value : '');
  }

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

  /**
   * The mapping for a URL's host and port (RewriteUrl): the replacement host
   * canonicalized as a URL's; NOT_FOUND when it is no valid host, and for
   * ~NOTFOUND in any case (a name the resolver refuses to look up).
   */
  rewriteUrl(hostInput: string, port: number): HostMapping | null {
    const mapped = this.rewrite(hostInput, port);
    if (!mapped || mapped.host === NOT_FOUND) return mapped;
    const host = canonicalUrlHost(mapped.host);
    return { host: host === null || host === NOT_FOUND.toLowerCase() ? NOT_FOUND : host, port: mapped.port };
  }
}
