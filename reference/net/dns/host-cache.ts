// A session's host cache (Chromium's net::HostCache): resolved endpoints per
// (host, query type, secure) with an expiry from the answer's TTL. Stale
// entries stay until cleared or evicted, because `cacheUsage: 'staleAllowed'`
// may still read them.

export interface Endpoint {
  address: string;
  family: 'ipv4' | 'ipv6';
}

export interface CacheEntry {
  endpoints: Endpoint[];
  /** ms since the epoch. */
  expires: number;
}

const MAX_ENTRIES = 1000;

export class HostCache {
  readonly #entries = new Map<string, CacheEntry>();

  static key(host: string, queryType: string, secure: boolean): string {
    return `${host.toLowerCase()}|${queryType}|${secure ? 'secure' : 'insecure'}`;
  }

  get(key: string, allowStale: boolean, now = Date.now()): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    return allowStale || entry.expires > now ? entry : undefined;
  }

  set(key: string, endpoints: Endpoint[], ttlSeconds: number, now = Date.now()): void {
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { endpoints, expires: now + ttlSeconds * 1000 });
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
