// A session's HTTP authentication cache (Chromium's net::HttpAuthCache):
// identities that worked, per origin, scheme and realm, with the paths they
// protected. A later request under one of those paths sends Basic
// credentials before being asked; any new challenge from the same realm is
// answered from the cache before anyone is prompted. clearAuthCache() empties it.

import type { Credentials, DigestState } from './challenge.ts';

export interface AuthEntry {
  origin: string;
  scheme: string;
  realm: string;
  credentials: Credentials;
  /** Directories (ending in '/') of paths that were authorised. */
  paths: Set<string>;
  digest?: DigestState;
}

/** The directory of a path, as Chromium's auth cache keys it. */
export function directoryOf(path: string): string {
  const bare = path.split('?')[0] ?? '/';
  return bare.slice(0, bare.lastIndexOf('/') + 1) || '/';
}

export class AuthCache {
  readonly #entries = new Map<string, AuthEntry>();

  static #key(origin: string, scheme: string, realm: string): string {
    return `${origin}|${scheme}|${realm}`;
  }

  lookupRealm(origin: string, scheme: string, realm: string): AuthEntry | undefined {
    return this.#entries.get(AuthCache.#key(origin, scheme, realm));
  }

  /** The entry whose protected directories contain `path` (longest match). */
  lookupPath(origin: string, path: string): AuthEntry | undefined {
    let best: { entry: AuthEntry; length: number } | undefined;
    const dir = directoryOf(path);
    for (const entry of this.#entries.values()) {
      if (entry.origin !== origin) continue;
      for (const p of entry.paths) {
        if (dir.startsWith(p) && (!best || p.length > best.length)) best = { entry, length: p.length };
      }
    }
    return best?.entry;
  }

  add(entry: Omit<AuthEntry, 'paths'>, path: string): AuthEntry {
    const key = AuthCache.#key(entry.origin, entry.scheme, entry.realm);
    const existing = this.#entries.get(key);
    const stored: AuthEntry =
      existing &&
      existing.credentials.username === entry.credentials.username &&
      existing.credentials.password === entry.credentials.password
        ? existing
        : { ...entry, paths: new Set() };
    if (entry.digest) stored.digest = entry.digest;
    stored.paths.add(directoryOf(path));
    this.#entries.set(key, stored);
    return stored;
  }

  remove(origin: string, scheme: string, realm: string): void {
    this.#entries.delete(AuthCache.#key(origin, scheme, realm));
  }

  clear(): void {
    this.#entries.clear();
  }
}
