// Proxy bypass rules (net::ProxyBypassRules over SchemeHostPortMatcher):
// hostname wildcards, `.suffix`, scheme and port restrictions, IP literals,
// CIDR blocks, `<local>` and `<-loopback>`. Later rules override earlier ones;
// when no rule decides, Chromium's implicit rules bypass localhost, loopback
// and link-local destinations. The `legacy` grammar is Chromium's before M72,
// which Electron 1.x shipped: `<local>` also meant 127.0.0.1 and [::1], there
// were no implicit rules, and `<-loopback>` meant nothing special.

import { parseHostAndPort } from '../net/authority.ts';
import { matchPattern } from '../net/match-pattern.ts';
import {
  formatIpForUrl,
  isIPv4MappedIPv6,
  isLinkLocal,
  isLoopback,
  matchesPrefix,
  parseCidrBlock,
  parseIPLiteral,
  trimAsciiWhitespace,
  type IpAddress,
} from '../net/ip-address.ts';
import type { RequestUrl } from './request-url.ts';

export type BypassGrammar = 'modern' | 'legacy';

type Verdict = 'include' | 'exclude' | 'none';

interface Rule {
  evaluate(url: RequestUrl): Verdict;
  /** The rule as Chromium prints it (NetLog `bypass_list`). */
  readonly text: string;
  /** Hostname patterns can be turned into suffix patterns (no_proxy). */
  readonly hostnamePattern?: { scheme: string; pattern: string; port: number };
  /** For an unrestricted exact-host or `*suffix` rule: the shape a fast matcher can use. */
  readonly shape?: { exact: string } | { suffix: string };
}

const WILDCARD = /[*?\\]/;

/** A compiled base::MatchPattern: the common shapes avoid the general matcher. */
function compilePattern(pattern: string): (host: string) => boolean {
  if (!WILDCARD.test(pattern)) return (host) => host === pattern;
  const rest = pattern.slice(1);
  if (pattern.startsWith('*') && !WILDCARD.test(rest)) return (host) => host.endsWith(rest);
  return (host) => matchPattern(host, pattern);
}

function shapeOf(pattern: string): Rule['shape'] {
  if (!WILDCARD.test(pattern)) return { exact: pattern };
  const rest = pattern.slice(1);
  return pattern.startsWith('*') && !WILDCARD.test(rest) ? { suffix: rest } : undefined;
}

function hostnamePatternRule(scheme: string, rawPattern: string, port: number): Rule {
  const lowerScheme = scheme.toLowerCase();
  const pattern = rawPattern.toLowerCase();
  const matches = compilePattern(pattern);
  const text = `${lowerScheme ? `${lowerScheme}://` : ''}${pattern}${port !== -1 ? `:${port}` : ''}`;
  const shape = !lowerScheme && port === -1 ? shapeOf(pattern) : undefined;
  return {
    text,
    hostnamePattern: { scheme: lowerScheme, pattern, port },
    ...(shape ? { shape } : {}),
    evaluate(url) {
      if (port !== -1 && url.effectivePort !== port) return 'none';
      if (lowerScheme && url.scheme !== lowerScheme) return 'none';
      return matches(url.host) ? 'include' : 'none';
    },
  };
}

function ipHostRule(scheme: string, address: IpAddress, port: number): Rule {
  const lowerScheme = scheme.toLowerCase();
  const host = formatIpForUrl(address);
  // Port 0 stands for "any port" here.
  const text = `${lowerScheme ? `${lowerScheme}://` : ''}${host}${port !== 0 ? `:${port}` : ''}`;
  return {
    text,
    ...(!lowerScheme && port === 0 ? { shape: { exact: host } } : {}),
    evaluate(url) {
      if (port !== 0 && url.effectivePort !== port) return 'none';
      if (lowerScheme && url.scheme !== lowerScheme) return 'none';
      return url.host === host ? 'include' : 'none';
    },
  };
}

function ipBlockRule(description: string, scheme: string, prefix: IpAddress, bits: number): Rule {
  return {
    // Chromium prints a CIDR rule without its scheme, and bypass rules are
    // copied by printing and re-parsing them, so in M72+ the scheme of a CIDR
    // rule is lost before it is used. Before that it was compared as written.
    text: description,
    evaluate(url) {
      if (!url.ip) return 'none';
      if (scheme && url.scheme !== scheme) return 'none';
      return matchesPrefix(url.ip, prefix, bits) ? 'include' : 'none';
    },
  };
}

const SIMPLE_HOSTNAMES: Rule = {
  text: '<local>',
  evaluate: (url) => (!url.host.includes('.') && !url.ip ? 'include' : 'none'),
};

const SUBTRACT_IMPLICIT: Rule = {
  text: '<-loopback>',
  evaluate: (url) => (matchesImplicitRules(url) ? 'exclude' : 'none'),
};

const LEGACY_LOCAL: Rule = {
  text: '<local>',
  evaluate: (url) => (url.host === '127.0.0.1' || url.host === '[::1]' || !url.host.includes('.') ? 'include' : 'none'),
};

/** SchemeHostPortMatcherRule::FromUntrimmedRawString (and its pre-M72 form). */
function parseRule(rawUntrimmed: string, grammar: BypassGrammar): Rule | null {
  let raw = trimAsciiWhitespace(rawUntrimmed);
  const keyword = raw.toLowerCase();
  if (keyword === '<local>') return grammar === 'legacy' ? LEGACY_LOCAL : SIMPLE_HOSTNAMES;
  if (keyword === '<-loopback>' && grammar === 'modern') return SUBTRACT_IMPLICIT;

  let scheme = '';
  const schemeEnd = raw.indexOf('://');
  if (schemeEnd >= 0) {
    scheme = raw.slice(0, schemeEnd);
    raw = raw.slice(schemeEnd + 3);
    if (!scheme) return null;
  }
  if (!raw) return null;

  // A slash means a CIDR block.
  if (raw.includes('/')) {
    const block = parseCidrBlock(raw);
    return block ? ipBlockRule(raw, grammar === 'legacy' ? scheme : '', block.prefix, block.bits) : null;
  }

  // An IP literal (with optional port) may not be in canonical form yet.
  const hostAndPort = parseHostAndPort(raw);
  if (hostAndPort && !hostAndPort.host.includes('\u0000')) {
    const address = parseIPLiteral(hostAndPort.host);
    if (address) {
      if (grammar === 'legacy') return hostnamePatternRule(scheme, formatIpForUrl(address), hostAndPort.port);
      return ipHostRule(scheme, address, hostAndPort.port === -1 ? 0 : hostAndPort.port);
    }
  }

  // Otherwise <hostname-pattern>[:port].
  let port = -1;
  const colon = raw.lastIndexOf(':');
  if (colon >= 0) {
    const portText = raw.slice(colon + 1);
    if (!/^[0-9]+$/.test(portText)) return null;
    port = Number(portText);
    if (port > 0xffff) return null;
    raw = raw.slice(0, colon);
  }
  // ".google.com" means "*.google.com".
  const pattern = raw.startsWith('.') ? `*${raw}` : raw;
  if (grammar === 'legacy' && pattern.length === 0) return null;
  return hostnamePatternRule(scheme, pattern, port);
}

/** net::IsLocalhost for a URL's host. */
function isLocalhost(url: RequestUrl): boolean {
  if (url.ip) return isLoopback(url.ip);
  const host = url.hostNoBrackets.endsWith('.') ? url.hostNoBrackets.slice(0, -1) : url.hostNoBrackets;
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * The implicit bypass rules (M72+): localhost and `*.localhost`, loopback
 * IPs (including IPv4-mapped 127/8), and link-local 169.254/16 (IPv4-mapped too) and fe80::/10.
 */
export function matchesImplicitRules(url: RequestUrl): boolean {
  if (isLocalhost(url)) return true;
  if (!url.ip) return false;
  if (url.host.startsWith('[::ffff') && isIPv4MappedIPv6(url.ip) && url.ip.bytes[12] === 127) return true;
  return (url.host.startsWith('169.254.') || url.host.startsWith('[')) && isLinkLocal(url.ip);
}

export interface BypassRulesOptions {
  grammar: BypassGrammar;
  /** no_proxy from the environment: every hostname pattern becomes a suffix pattern. */
  suffixMatching?: boolean;
}

/**
 * Without rules that exclude (<-loopback>), the order of rules cannot change
 * the outcome, so hosts are checked against a set of exact names and a list
 * of suffixes first, and only the remaining rules are evaluated one by one.
 */
interface FastMatcher {
  exact: Set<string>;
  /** Suffixes keyed by their last three characters (a host must end with them too). */
  suffixesByEnding: Map<string, string[]>;
  /** Suffixes shorter than three characters. */
  shortSuffixes: string[];
  others: Rule[];
}

const ENDING = 3;

function fastMatcher(rules: Rule[]): FastMatcher | null {
  if (rules.includes(SUBTRACT_IMPLICIT)) return null;
  const matcher: FastMatcher = { exact: new Set(), suffixesByEnding: new Map(), shortSuffixes: [], others: [] };
  for (const rule of rules) {
    if (rule.shape && 'exact' in rule.shape) {
      matcher.exact.add(rule.shape.exact);
    } else if (rule.shape) {
      const suffix = rule.shape.suffix;
      if (suffix.length < ENDING) {
        matcher.shortSuffixes.push(suffix);
      } else {
        const ending = suffix.slice(-ENDING);
        const bucket = matcher.suffixesByEnding.get(ending);
        if (bucket) bucket.push(suffix);
        else matcher.suffixesByEnding.set(ending, [suffix]);
      }
    } else {
      matcher.others.push(rule);
    }
  }
  return matcher;
}

export class BypassRules {
  readonly #rules: Rule[];
  readonly #grammar: BypassGrammar;
  readonly #fast: FastMatcher | null;

  private constructor(rules: Rule[], grammar: BypassGrammar) {
    this.#rules = rules;
    this.#grammar = grammar;
    this.#fast = fastMatcher(rules);
  }

  #fastMatches(fast: FastMatcher, url: RequestUrl): boolean {
    const host = url.host;
    if (fast.exact.has(host)) return true;
    const bucket = fast.suffixesByEnding.get(host.slice(-ENDING));
    if (bucket) for (const suffix of bucket) if (host.endsWith(suffix)) return true;
    for (const suffix of fast.shortSuffixes) if (host.endsWith(suffix)) return true;
    for (const rule of fast.others) if (rule.evaluate(url) === 'include') return true;
    return false;
  }

  static empty(grammar: BypassGrammar = 'modern'): BypassRules {
    return new BypassRules([], grammar);
  }

  /** ProxyBypassRules::ParseFromString: `,` or `;` separated; invalid rules are dropped one by one. */
  static parse(text: string, options: BypassRulesOptions = { grammar: 'modern' }): BypassRules {
    const rules: Rule[] = [];
    for (const token of text.split(/[,;]/)) {
      if (!token) continue;
      let rule = parseRule(token, options.grammar);
      if (rule && options.suffixMatching && rule.hostnamePattern) {
        const { scheme, pattern, port } = rule.hostnamePattern;
        if (!pattern.startsWith('*')) rule = hostnamePatternRule(scheme, `*${pattern}`, port);
      }
      if (rule) rules.push(rule);
    }
    return new BypassRules(rules, options.grammar);
  }

  get grammar(): BypassGrammar {
    return this.#grammar;
  }

  /** The rules as Chromium prints them. */
  get ruleTexts(): string[] {
    return this.#rules.map((r) => r.text);
  }

  /** Whether the URL goes direct. `reverse` is KDE's inverted list. */
  matches(url: RequestUrl, reverse = false): boolean {
    if (this.#fast && !reverse)
      return this.#fastMatches(this.#fast, url) || (this.#grammar === 'modern' && matchesImplicitRules(url));
    if (this.#grammar === 'legacy') {
      const any = this.#rules.some((rule) => rule.evaluate(url) === 'include');
      return reverse ? !any : any;
    }
    for (let i = this.#rules.length - 1; i >= 0; i--) {
      const verdict = this.#rules[i]!.evaluate(url);
      if (verdict === 'include') return !reverse;
      if (verdict === 'exclude') return reverse;
    }
    return matchesImplicitRules(url) || reverse;
  }

  /** Which rule decided `matches` for this URL, for diagnostics: a rule's text, 'implicit', or null. */
  decidingRule(url: RequestUrl): { rule: string; bypass: boolean } | null {
    if (this.#grammar === 'legacy') {
      const rule = this.#rules.find((r) => r.evaluate(url) === 'include');
      return rule ? { rule: rule.text, bypass: true } : null;
    }
    for (let i = this.#rules.length - 1; i >= 0; i--) {
      const verdict = this.#rules[i]!.evaluate(url);
      if (verdict !== 'none') return { rule: this.#rules[i]!.text, bypass: verdict === 'include' };
    }
    return matchesImplicitRules(url) ? { rule: 'implicit (localhost, loopback, link-local)', bypass: true } : null;
  }

  toString(): string {
    return this.#rules.map((r) => `${r.text};`).join('');
  }
}
