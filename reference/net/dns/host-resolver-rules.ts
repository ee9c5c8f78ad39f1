// Chromium's host resolver rules (--host-resolver-rules, net::HostMappingRules):
// a comma-separated list of `MAP <pattern> <replacement>` and
// `EXCLUDE <pattern>` rules. Patterns use * and ? wildcards and may carry a
// `:port`; the replacement is a host or IP literal with an optional port, or
// `~NOTFOUND` to make the name fail to resolve. EXCLUDE rules win over every
// MAP rule; otherwise the first matching MAP applies. Unparsable rules are
// skipped, as Chromium skips them (with a log line).

export const NOT_FOUND = '~NOTFOUND';

export interface MapRule {
  kind: 'map';
  hostPattern: string;
  /** Port the pattern is restricted to, or null for any. */
  port: number | null;
  replacementHost: string;
  /** Replacement port, or null to keep the request's port. */
  replacementPort: number | null;
}

export interface ExcludeRule {
  kind: 'exclude';
  hostPattern: string;
  port: number | null;
}

export type HostRule = MapRule | ExcludeRule;

export interface HostMapping {
  /** The host to resolve instead, or NOT_FOUND. */
  host: string;
  port: number;
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` -> parts; null when malformed. */
function splitHostPort(text: string): { host: string; port: number | null } | null {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1]!.toLowerCase(), port: bracketed[2] ? Number(bracketed[2]) : null };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && text.indexOf(':') === colon) {
    const port = text.slice(colon + 1);
    if (!/^\d+$/.test(port) || Number(port) > 65535) return null;
    return { host: text.slice(0, colon).toLowerCase(), port: Number(port) };
  }
  if (text.includes(':') && !text.includes('*')) return { host: text.toLowerCase(), port: null };
  return text ? { host: text.toLowerCase(), port: null } : null;
}

export function parseHostResolverRules(text: string): HostRule[] {
  const rules: HostRule[] = [];
  for (const raw of text.split(',')) {
    const parts = raw.trim().split(/\s+/).filter(Boolean);
    const verb = parts[0]?.toUpperCase();
    if (verb === 'MAP' && parts.length === 3) {
      const pattern = splitHostPort(parts[1]!);
      if (!pattern) continue;
      if (parts[2] === NOT_FOUND) {
        rules.push({
          kind: 'map',
          hostPattern: pattern.host,
          port: pattern.port,
          replacementHost: NOT_FOUND,
          replacementPort: null,
        });
        continue;
      }
      const replacement = splitHostPort(parts[2]!);
      if (!replacement) continue;
      rules.push({
        kind: 'map',
        hostPattern: pattern.host,
        port: pattern.port,
        replacementHost: replacement.host,
        replacementPort: replacement.port,
      });
    } else if (verb === 'EXCLUDE' && parts.length === 2) {
      const pattern = splitHostPort(parts[1]!);
      if (pattern) rules.push({ kind: 'exclude', hostPattern: pattern.host, port: pattern.port });
    }
  }
  return rules;
}

/** base::MatchPattern: `*` any run, `?` one character; case-insensitive here. */
export function matchHostPattern(host: string, pattern: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return regex.test(host);
}

export class HostResolverRules {
  readonly #rules: HostRule[];

  constructor(text: string) {
    this.#rules = parseHostResolverRules(text);
  }

  get empty(): boolean {
    return this.#rules.length === 0;
  }

  /** The mapping for host:port, or null when no rule applies. */
  rewrite(host: string, port: number): HostMapping | null {
    const lower = host.toLowerCase();
    const matches = (rule: HostRule) => (rule.port === null || rule.port === port) && matchHostPattern(lower, rule.hostPattern);
    if (this.#rules.some((rule) => rule.kind === 'exclude' && matches(rule))) return null;
    for (const rule of this.#rules) {
      if (rule.kind === 'map' && matches(rule)) {
        return { host: rule.replacementHost, port: rule.replacementPort ?? port };
      }
    }
    return null;
  }
}
