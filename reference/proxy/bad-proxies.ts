// Chromium's bad-proxy retry list and per-request fallback, for the network
// stack to drive: a request walks its resolved list with a ProxyAttempt,
// falling over to the next entry on connection-level errors; proxies it
// skipped are remembered by the session for five minutes once the request
// succeeds, and later resolutions try them last.

import { ProxyList } from './proxy-list.ts';
import { proxyKey, type ProxyServer } from './proxy-server.ts';

export const DEFAULT_RETRY_DELAY_MS = 5 * 60 * 1000;

export interface ProxyRetryInfo {
  readonly proxy: ProxyServer;
  /** Epoch milliseconds until which the proxy counts as bad. */
  readonly badUntil: number;
  /** Bad proxies are still tried, after the good ones. */
  readonly tryWhileBad: boolean;
  readonly netError: string;
}

/** Errors that make Chromium try the next proxy of the list (CanFalloverToNextProxy). */
const FALLOVER_ERRORS = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_CONNECTION_CLOSED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_REFUSED',
  'ERR_CONNECTION_ABORTED',
  'ERR_TIMED_OUT',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_PROXY_CERTIFICATE_INVALID',
  'ERR_SSL_PROTOCOL_ERROR',
]);

export function canFallOverToNextProxy(netError: string): boolean {
  return FALLOVER_ERRORS.has(netError.replace(/^net::/, ''));
}

/** The session's map of proxies known to be bad (ProxyRetryInfoMap). */
export class BadProxyList {
  readonly #entries = new Map<string, ProxyRetryInfo>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Marks a proxy bad now; DIRECT is never marked. A longer existing period is kept. */
  markBad(proxy: ProxyServer, netError = 'ERR_PROXY_CONNECTION_FAILED', retryDelayMs = DEFAULT_RETRY_DELAY_MS): void {
    this.#merge({ proxy, badUntil: this.#now() + retryDelayMs, tryWhileBad: true, netError });
  }

  #merge(info: ProxyRetryInfo): void {
    if (info.proxy.scheme === 'direct') return;
    const key = proxyKey(info.proxy);
    const existing = this.#entries.get(key);
    if (!existing || existing.badUntil < info.badUntil) this.#entries.set(key, info);
  }

  /** ConfiguredProxyResolutionService::ReportSuccess: a finished request's retry info joins the list. */
  report(infos: Iterable<ProxyRetryInfo>): void {
    for (const info of infos) this.#merge(info);
  }

  isBad(proxy: ProxyServer): boolean {
    const info = this.#entries.get(proxyKey(proxy));
    return !!info && info.badUntil >= this.#now();
  }

  /** Still-bad entries, for inspection (chrome://net-internals shows the same). */
  entries(): ProxyRetryInfo[] {
    const now = this.#now();
    return [...this.#entries.values()].filter((e) => e.badUntil >= now);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** ProxyList::DeprioritizeBadProxyChains: good entries first, then bad ones still worth trying. */
  deprioritize(list: ProxyList): ProxyList {
    if (this.#entries.size === 0) return list;
    const now = this.#now();
    const good: ProxyServer[] = [];
    const bad: ProxyServer[] = [];
    for (const proxy of list.entries) {
      const info = proxy.scheme === 'direct' ? undefined : this.#entries.get(proxyKey(proxy));
      if (info && info.badUntil >= now) {
        if (info.tryWhileBad) bad.push(proxy);
      } else {
        good.push(proxy);
      }
    }
    return bad.length === 0 && good.length === list.entries.length ? list : new ProxyList([...good, ...bad]);
  }
}

/**
 * One request's walk down its proxy list (ProxyInfo::Fallback). `current` is
 * the proxy to use; `fallback(error)` moves to the next when the error allows
 * it; `succeeded()` hands the skipped proxies to the session's bad list.
 */
export class ProxyAttempt {
  readonly #remaining: ProxyServer[];
  readonly #skipped: ProxyRetryInfo[] = [];
  readonly #badList: BadProxyList;
  readonly #now: () => number;

  constructor(list: ProxyList, badList: BadProxyList, now: () => number = Date.now) {
    this.#remaining = [...list.entries];
    this.#badList = badList;
    this.#now = now;
  }

  get current(): ProxyServer | undefined {
    return this.#remaining[0];
  }

  /** The next proxy after `netError` on the current one, or undefined when the request must fail. */
  fallback(netError: string): ProxyServer | undefined {
    const failed = this.#remaining[0];
    if (!failed || !canFallOverToNextProxy(netError)) return undefined;
    if (failed.scheme !== 'direct') {
      this.#skipped.push({ proxy: failed, badUntil: this.#now() + DEFAULT_RETRY_DELAY_MS, tryWhileBad: true, netError });
    }
    this.#remaining.shift();
    return this.#remaining[0];
  }

  succeeded(): void {
    this.#badList.report(this.#skipped.splice(0));
  }
}
