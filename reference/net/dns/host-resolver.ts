// A session's host resolver, in Chromium's order: host resolver rules, IP
// literals, localhost names, the hosts file, the host cache, then a source
// that leaves the machine. The secure (DNS-over-HTTPS) resolver is used when
// the app configured DoH servers; like Chromium's "secure" mode it does not
// fall back to insecure lookups unless a request's secureDnsPolicy is
// `disable`. Insecure lookups go to getaddrinfo, or, when the app was given
// DNS servers, straight to those. Identical lookups in flight share one query.

import { lookup } from 'node:dns/promises';
import { Resolver } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { netError, NetError } from '../net-error.ts';
import type { QueryType } from './dns-message.ts';
import type { DohClient } from './doh-client.ts';
import { HostCache, type Endpoint } from './host-cache.ts';
import { type HostResolverRules, NOT_FOUND } from './host-resolver-rules.ts';

export type ResolveSource = 'any' | 'system' | 'dns' | 'mdns' | 'localOnly';
export type CacheUsage = 'allowed' | 'staleAllowed' | 'disallowed';
export type SecureDnsPolicy = 'allow' | 'disable';

export interface ResolveOptions {
  queryType?: QueryType;
  source?: ResolveSource;
  cacheUsage?: CacheUsage;
  secureDnsPolicy?: SecureDnsPolicy;
}

export interface ResolveResult {
  endpoints: Endpoint[];
  /** Set when host resolver rules rewrote the port (connections only). */
  port?: number;
}

/** Chromium caches results of the system resolver for a minute. */
const SYSTEM_TTL_SECONDS = 60;

export interface HostResolverConfig {
  rules: HostResolverRules;
  /** DoH URI templates; empty means no secure DNS. */
  secureDnsServers: readonly string[];
  /** `host:port` servers the system resolver asks; empty means getaddrinfo. */
  dnsServers: readonly string[];
  doh: DohClient | null;
  /** Path of the hosts file, read once. */
  hostsFile?: string;
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

function wants(queryType: QueryType | undefined, endpoint: Endpoint): boolean {
  if (!queryType) return true;
  return queryType === 'A' ? endpoint.family === 'ipv4' : endpoint.family === 'ipv6';
}

/**
 * Whether a name can be looked up at all: labels of 1 to 63 letters, digits,
 * `-` or `_`, one trailing dot allowed, 253 characters at most. Chromium
 * fails any other name at once, before even the localhost names
 * (`b..localhost` and `a~b.localhost` do not resolve).
 */
export function isValidDnsName(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length <= 253 && name.split('.').every((label) => /^[A-Za-z0-9_-]{1,63}$/.test(label));
}

/** Chromium's IsLocalHostname: localhost, localhost., *.localhost. */
export function isLocalHostname(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === 'localhost6' || h === 'localhost6.localdomain6';
}

function readHostsFile(file: string): Map<string, Endpoint[]> {
  const table = new Map<string, Endpoint[]>();
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return table;
  }
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!address || !isIP(address)) continue;
    for (const name of names) {
      const key = name.toLowerCase();
      const list = table.get(key) ?? [];
      list.push({ address, family: familyOf(address) });
      table.set(key, list);
    }
  }
  return table;
}

export class HostResolver {
  readonly cache = new HostCache();
  readonly #config: HostResolverConfig;
  readonly #inFlight = new Map<string, Promise<Endpoint[]>>();
  #hosts: Map<string, Endpoint[]> | undefined;

  constructor(config: HostResolverConfig) {
    this.#config = config;
  }

  /** The host and port a connection should use after the rules. */
  map(host: string, port: number): { host: string; port: number } {
    return this.#config.rules.rewrite(host, port) ?? { host, port };
  }

  /**
   * Resolves a host after the rules. `port` is a connection's: its host is
   * rewritten as a URL's (RewriteUrl); a lookup without one (port 0) as a
   * bare host (RewriteHost).
   */
  async resolve(hostInput: string, options: ResolveOptions = {}, port = 0): Promise<ResolveResult> {
    const bare = hostInput.replace(/^\[(.*)\]$/, '$1');
    const mapped = port ? this.#config.rules.rewriteUrl(bare, port) : this.#config.rules.rewrite(bare, port);
    if (mapped?.host === NOT_FOUND) throw netError('ERR_NAME_NOT_RESOLVED');
    const host = mapped ? mapped.host : bare;
    const result: ResolveResult = { endpoints: await this.#resolveName(host, options) };
    if (mapped && mapped.port !== port) result.port = mapped.port;
    return result;
  }

  async #resolveName(host: string, options: ResolveOptions): Promise<Endpoint[]> {
    const { queryType } = options;
    const filtered = (list: Endpoint[]) => {
      const kept = list.filter((e) => wants(queryType, e));
      if (!kept.length) throw netError('ERR_NAME_NOT_RESOLVED');
      return kept;
    };
    if (host === '') throw netError('ERR_NAME_NOT_RESOLVED');
    if (isIP(host)) return filtered([{ address: host, family: familyOf(host) }]);
    if (!isValidDnsName(host)) throw netError('ERR_NAME_NOT_RESOLVED');
    if (isLocalHostname(host)) {
      return filtered([
        { address: '127.0.0.1', family: 'ipv4' },
        { address: '::1', family: 'ipv6' },
      ]);
    }
    const hosts = (this.#hosts ??= readHostsFile(this.#config.hostsFile ?? '/etc/hosts')).get(host.toLowerCase());
    if (hosts) {
      const kept = hosts.filter((e) => wants(queryType, e));
      if (kept.length) return kept;
    }

    const source = options.source ?? 'any';
    const secure =
      this.#config.secureDnsServers.length > 0 &&
      options.secureDnsPolicy !== 'disable' &&
      (source === 'any' || source === 'dns' || source === 'localOnly');
    const type = queryType ?? 'unspecified';
    const key = HostCache.key(host, type, secure);
    const cacheUsage = options.cacheUsage ?? 'allowed';
    if (cacheUsage !== 'disallowed') {
      const entry = this.cache.get(key, cacheUsage === 'staleAllowed');
      if (entry) return entry.endpoints;
    }
    if (source === 'localOnly') throw netError('ERR_DNS_CACHE_MISS');
    if (source === 'mdns') {
      // Multicast DNS would leave loopback; the reference has no responder.
      throw netError('ERR_NAME_NOT_RESOLVED');
    }

    const flightKey = `${key}|${source}`;
    let flight = this.#inFlight.get(flightKey);
    if (!flight) {
      flight = (secure ? this.#secureLookup(host, queryType, key) : this.#insecureLookup(host, queryType, source, key)).finally(
        () => this.#inFlight.delete(flightKey),
      );
      this.#inFlight.set(flightKey, flight);
    }
    return flight;
  }

  async #secureLookup(host: string, queryType: QueryType | undefined, key: string): Promise<Endpoint[]> {
    const doh = this.#config.doh;
    if (!doh) throw netError('ERR_NAME_NOT_RESOLVED');
    const types: QueryType[] = queryType ? [queryType] : ['A', 'AAAA'];
    let lastError: NetError | undefined;
    for (const template of this.#config.secureDnsServers) {
      try {
        const responses = await Promise.all(types.map((t) => doh.query(template, host, t)));
        const endpoints: Endpoint[] = [];
        let ttl = Infinity;
        for (const response of responses) {
          for (const answer of response.answers) {
            endpoints.push({ address: answer.address, family: answer.type === 'A' ? 'ipv4' : 'ipv6' });
            ttl = Math.min(ttl, answer.ttl);
          }
        }
        if (!endpoints.length) throw netError('ERR_NAME_NOT_RESOLVED');
        this.cache.set(key, endpoints, ttl);
        return endpoints;
      } catch (error) {
        lastError = error instanceof NetError ? error : netError('ERR_NAME_NOT_RESOLVED', error);
        if (lastError.message === 'net::ERR_NAME_NOT_RESOLVED') break;
      }
    }
    throw lastError?.message === 'net::ERR_NAME_NOT_RESOLVED' ? lastError : netError('ERR_NAME_NOT_RESOLVED', lastError);
  }

  async #insecureLookup(host: string, queryType: QueryType | undefined, source: ResolveSource, key: string): Promise<Endpoint[]> {
    try {
      const servers = this.#config.dnsServers;
      if (source === 'dns' || servers.length) {
        // Chromium's built-in DNS client (or a system resolver we were pointed at): the
        // configured servers; record TTLs count for the DNS source, a minute for the system.
        const resolver = new Resolver({ timeout: 2000, tries: 1 });
        if (servers.length) resolver.setServers([...servers]);
        const types: QueryType[] = queryType ? [queryType] : ['A', 'AAAA'];
        const endpoints: Endpoint[] = [];
        let ttl = Infinity;
        for (const t of types) {
          const records = await (t === 'A'
            ? resolver.resolve4(host, { ttl: true })
            : resolver.resolve6(host, { ttl: true })
          ).catch(() => []);
          for (const r of records) {
            endpoints.push({ address: r.address, family: t === 'A' ? 'ipv4' : 'ipv6' });
            ttl = Math.min(ttl, r.ttl);
          }
        }
        if (!endpoints.length) throw netError('ERR_NAME_NOT_RESOLVED');
        this.cache.set(key, endpoints, source === 'dns' ? ttl : SYSTEM_TTL_SECONDS);
        return endpoints;
      }
      const family = queryType === 'A' ? 4 : queryType === 'AAAA' ? 6 : 0;
      const found = await lookup(host, { all: true, family, verbatim: true });
      const endpoints = found.map((f) => ({ address: f.address, family: f.family === 6 ? 'ipv6' : 'ipv4' }) as Endpoint);
      if (!endpoints.length) throw netError('ERR_NAME_NOT_RESOLVED');
      this.cache.set(key, endpoints, SYSTEM_TTL_SECONDS);
      return endpoints;
    } catch (error) {
      if (error instanceof NetError) throw error;
      throw netError('ERR_NAME_NOT_RESOLVED', error);
    }
  }
}
