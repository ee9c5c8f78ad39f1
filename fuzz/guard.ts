// Keeps a fuzz child on loopback. Fuzzed proxy rules, PAC answers and URLs
// can name any host or address; this process may only ever reach 127.0.0.0/8,
// ::1 and Unix sockets, and resolves no names through the system (the
// sessions map fixture names with host-resolver-rules). Anything else fails
// as a refused connection or an unknown name would.

import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { loopbackTarget } from '../fixtures/proxies/loopback-targets.ts';

/** The fixture proxies' rule: a loopback address, or localhost. */
const isLoopback = (host: string): boolean => loopbackTarget(host) !== null;

function refused(host: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`connect ECONNREFUSED ${host} (the fuzz guard allows loopback only)`);
  error.code = 'ECONNREFUSED';
  error.errno = -111;
  error.syscall = 'connect';
  return error;
}

function notFound(host: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${host}`);
  error.code = 'ENOTFOUND';
  error.syscall = 'getaddrinfo';
  return error;
}

export function installLoopbackGuard(): void {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const first = args[0];
    const options = (Array.isArray(first) ? first[0] : first) as
      | { host?: string; path?: string; port?: number }
      | number
      | string;
    let host = 'localhost';
    if (typeof options === 'object' && options !== null) {
      if (options.path) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
      host = options.host ?? 'localhost';
    } else if (typeof options === 'string' && !/^\d+$/.test(options)) {
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } else if (typeof args[1] === 'string') {
      host = args[1];
    }
    if (!isLoopback(host)) {
      process.nextTick(() => this.destroy(refused(host)));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const lookup = dns.lookup;
  const guardedLookup = function (hostname: string, ...rest: unknown[]): void {
    const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException | null, ...results: unknown[]) => void;
    if (!isLoopback(hostname)) {
      process.nextTick(() => callback(notFound(hostname)));
      return;
    }
    (lookup as (...a: unknown[]) => void)(hostname, ...rest);
  };
  (dns as { lookup: unknown }).lookup = guardedLookup;
  for (const promises of [dns.promises, dnsPromises] as { lookup: (host: string, options?: unknown) => Promise<unknown> }[]) {
    const promiseLookup = promises.lookup.bind(promises);
    promises.lookup = (hostname: string, options?: unknown) =>
      isLoopback(hostname) ? promiseLookup(hostname, options) : Promise.reject(notFound(hostname));
  }
  // Queries to DNS servers (Chromium's own DNS client) go nowhere either.
  for (const resolver of [dns.Resolver.prototype, dnsPromises.Resolver.prototype] as unknown as Record<string, unknown>[]) {
    for (const method of [
      'resolve',
      'resolve4',
      'resolve6',
      'resolveAny',
      'resolveTxt',
      'resolveSrv',
      'resolveCname',
      'resolveMx',
      'resolveNs',
    ]) {
      const original = resolver[method] as ((...a: unknown[]) => unknown) | undefined;
      if (!original) continue;
      resolver[method] = function (this: unknown, hostname: string, ...rest: unknown[]) {
        const callback = rest[rest.length - 1];
        if (typeof callback === 'function') {
          process.nextTick(() => (callback as (e: Error) => void)(notFound(hostname)));
          return undefined;
        }
        return Promise.reject(notFound(hostname));
      };
    }
  }
  // ES module imports of node:dns and node:dns/promises see the patched functions only after this.
  syncBuiltinESMExports();
}
