// The public Session members of the network stack, validated as Electron
// validates them (electron_api_session.cc and the era's converters), then
// handed to the session's NetworkService. Messages Electron throws with
// ThrowError (Error) up to Electron 9 became TypeErrors with gin in 10.

import type { EraId } from '../../contract/eras/eras.ts';
import { argumentError, conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { servicesOf } from '../session/binding.ts';
import type { SessionServices } from '../session/session-services.ts';
import { serverAllowlistOf } from './auth/server-allowlist.ts';
import type { CacheUsage, ResolveOptions, ResolveSource, SecureDnsPolicy } from './dns/host-resolver.ts';
import type { QueryType } from './dns/dns-message.ts';
import { conditionsFrom } from './emulation/network-conditions.ts';
import { sessionFetch } from './http/fetch-api.ts';
import { createNetLogObject } from './netlog/net-log.ts';
import type { VerifyProc } from './tls/cert-verifier.ts';
import { convertSslConfig } from './tls/ssl-config.ts';
import type { ElectronCertificate } from './tls/certificate.ts';
import { NET_ERAS } from './net-era.ts';

function eraError(era: EraId, message: string): Error {
  return NET_ERAS[era].plainArgumentErrors ? new Error(message) : new TypeError(message);
}

/** An enum option Electron converts with a lookup table; a value that does not convert is ignored. */
function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function resolveOptions(value: unknown): ResolveOptions {
  if (!isGinDictionary(value)) return {};
  const options: ResolveOptions = {};
  const queryType = pick<QueryType>(value.queryType, ['A', 'AAAA']);
  const source = pick<ResolveSource>(value.source, ['any', 'system', 'dns', 'mdns', 'localOnly']);
  const cacheUsage = pick<CacheUsage>(value.cacheUsage, ['allowed', 'staleAllowed', 'disallowed']);
  const secureDnsPolicy = pick<SecureDnsPolicy>(value.secureDnsPolicy, ['allow', 'disable']);
  if (queryType) options.queryType = queryType;
  if (source) options.source = source;
  if (cacheUsage) options.cacheUsage = cacheUsage;
  if (secureDnsPolicy) options.secureDnsPolicy = secureDnsPolicy;
  return options;
}

/**
 * Electron 1.x's JS wrapper took a proc of three parameters as the old
 * form `proc(hostname, certificate, callback(isTrusted))`; everything else
 * is `proc(request, callback(result))`.
 */
function verifyProcFor(era: EraId, proc: (...args: never[]) => unknown): VerifyProc {
  if (NET_ERAS[era].legacyVerifyProc && proc.length > 2) {
    const legacy = proc as unknown as (
      hostname: string,
      certificate: ElectronCertificate,
      callback: (trusted: unknown) => void,
    ) => void;
    return (request, callback) => legacy(request.hostname, request.certificate, (trusted) => callback(trusted ? 0 : -2));
  }
  return proc as unknown as VerifyProc;
}

const netLogObjects = new WeakMap<SessionServices, object>();

export const NET_MEMBERS: MemberTable = {
  'ses.fetch': {
    kind: 'method',
    call(input: unknown, init: unknown) {
      return sessionFetch(servicesOf(this).network, input, init);
    },
  },
  'ses.resolveHost': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [host, options] = args;
      if (typeof host !== 'string') throwArgumentError(0, host, conversionStyle(services.era));
      return services.network
        .resolveHost(host, resolveOptions(options))
        .then((endpoints) => ({ endpoints: endpoints.map((e) => ({ address: e.address, family: e.family })) }))
        .catch((error: Error) => {
          throw new Error(error.message);
        });
    },
  },
  'ses.clearHostResolverCache': {
    kind: 'method',
    async call() {
      servicesOf(this).network.clearHostCache();
    },
  },
  'ses.setCertificateVerifyProc': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      const era = services.era;
      if (NET_ERAS[era].verifyProcArgumentRequired) requireArgument(args, 0);
      const [proc] = args;
      if (proc === null) return void services.network.setCertificateVerifyProc(null);
      if (typeof proc !== 'function') throw eraError(era, 'Must pass null or function');
      services.network.setCertificateVerifyProc(verifyProcFor(era, proc as (...a: never[]) => unknown));
    },
  },
  'ses.setSSLConfig': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const config = convertSslConfig(services.era, args[0]);
      if (!config) throw argumentError(0, args[0], conversionStyle(services.era));
      services.network.setSslConfig(config);
    },
  },
  'ses.preconnect': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      const era = services.era;
      requireArgument(args, 0);
      const [options] = args;
      if (!isGinDictionary(options)) throwArgumentError(0, options, conversionStyle(era));
      let url: URL | undefined;
      if (typeof options.url === 'string') {
        try {
          url = new URL(options.url);
        } catch {
          url = undefined;
        }
      }
      if (!url) throw eraError(era, 'Must pass non-empty valid url to session.preconnect.');
      let sockets = 1;
      // gin's int conversion accepts only Int32 values; anything else leaves the default.
      if (
        typeof options.numSockets === 'number' &&
        Number.isInteger(options.numSockets) &&
        Math.abs(options.numSockets) < 2 ** 31
      ) {
        sockets = options.numSockets;
        if (sockets < 1 || sockets > 6) throw eraError(era, 'numSocketsToPreconnect is outside range [1,6]');
      }
      const network = services.network;
      const target = url;
      // Electron posts the preconnect to the UI thread; it starts after this call returns.
      setImmediate(() => void network.preconnect(target, sockets));
    },
  },
  'ses.closeAllConnections': {
    kind: 'method',
    call() {
      return servicesOf(this).network.closeAllConnections();
    },
  },
  'ses.enableNetworkEmulation': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [options] = args;
      if (!isGinDictionary(options)) throwArgumentError(0, options, conversionStyle(services.era));
      services.network.setEmulation(conditionsFrom(services.era, options));
    },
  },
  'ses.disableNetworkEmulation': {
    kind: 'method',
    call() {
      servicesOf(this).network.disableEmulation();
    },
  },
  'ses.clearAuthCache': {
    kind: 'method',
    async call() {
      servicesOf(this).network.clearAuthCache();
    },
  },
  'ses.allowNTLMCredentialsForDomains': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [domains] = args;
      if (typeof domains !== 'string') throwArgumentError(0, domains, conversionStyle(services.era));
      serverAllowlistOf(services.app).set(domains);
    },
  },
  'ses.netLog': {
    kind: 'property',
    get() {
      const services = servicesOf(this);
      let object = netLogObjects.get(services);
      if (!object) {
        object = createNetLogObject(services.era, services.network.netLogCapture);
        netLogObjects.set(services, object);
      }
      return object;
    },
  },
};
