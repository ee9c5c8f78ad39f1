// A session's network stack, built from small layers the way undici
// composes dispatchers:
//
//   UrlLoader: a list of stages (webRequest, redirects, auth, cookies,
//     decoding, and those areas join through `network.stages`)
//     -> proxy hook picks the route (DIRECT by default)
//     -> emulation interceptor (offline, latency, throughput)
//     -> connection pool (undici Agent, HTTP/1.1 and HTTP/2)
//     -> Connector (preconnected sockets, host resolver + cache, TCP,
//        TLS with the session's SSL config, certificate verifier + verify proc)
//
// Each session has its own of every layer: two sessions share no
// connections, host cache, auth cache or certificate verdicts. The
// composition root (session/compose.ts) builds it with every area's seam
// installed; areas reach it as `services.network`.

import type { Dispatcher } from 'undici';
import type { UrlSchemes } from '../app/url-schemes.ts';
import { conversionStyle } from '../era/arguments.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { AuthCache } from './auth/auth-cache.ts';
import { LoginBroker } from './auth/login-broker.ts';
import { proxyAuthorization } from './auth/proxy-credentials.ts';
import { Connector, originOf, type ConnectTarget } from './connection/connector.ts';
import { SessionPool } from './connection/session-pool.ts';
import { SocketRegistry } from './connection/socket-registry.ts';
import { WarmSockets } from './connection/warm-sockets.ts';
import { DohClient } from './dns/doh-client.ts';
import { HostResolver, type ResolveOptions } from './dns/host-resolver.ts';
import { HostResolverRules } from './dns/host-resolver-rules.ts';
import type { Endpoint } from './dns/host-cache.ts';
import { emulationInterceptor } from './emulation/emulation-interceptor.ts';
import { NetworkEmulation, type NetworkConditions } from './emulation/network-conditions.ts';
import { DIRECT_ONLY, NO_COOKIES, NO_PROTOCOLS, NO_WEB_REQUEST, type DirectStack, type NetworkHooks } from './hooks.ts';
import type { LoaderStages } from './http/stages/stage-list.ts';
import { UrlLoader, type LoadedResponse, type LoadOptions, type Route } from './http/url-loader.ts';
import { netError, toNetError } from './net-error.ts';
import { NetLogBus } from './netlog/net-log-bus.ts';
import { NetLogCapture } from './netlog/net-log.ts';
import { switchNetLogOf } from './netlog/switch-log.ts';
import { CertVerifier, type VerifyProc } from './tls/cert-verifier.ts';
import type { SslConfig } from './tls/ssl-config.ts';
import { TlsSettings } from './tls/tls-settings.ts';
import { TrustStore } from './tls/trust-store.ts';
import { NET_ERAS } from './net-era.ts';

/** Chromium's limit of HTTP/1.1 connections per host. */
const CONNECTIONS_PER_HOST = 6;

export type LoadRequest = Omit<LoadOptions, 'redirectErrors'> & Partial<Pick<LoadOptions, 'redirectErrors'>>;

export class NetworkService implements SessionService {
  readonly hooks: NetworkHooks = {
    proxy: DIRECT_ONLY,
    cookies: NO_COOKIES,
    webRequest: NO_WEB_REQUEST,
    protocols: NO_PROTOCOLS,
  };
  readonly netLog = new NetLogBus();
  readonly netLogCapture: NetLogCapture;
  readonly resolver: HostResolver;
  readonly verifier: CertVerifier;
  readonly emulation = new NetworkEmulation();
  readonly authCache = new AuthCache();
  readonly login = new LoginBroker();
  readonly #tls: TlsSettings;
  readonly #registry = new SocketRegistry();
  readonly #warm = new WarmSockets();
  readonly #connector: Connector;
  readonly #doh: DohClient | null;
  readonly #loader: UrlLoader;
  /** Aborted at shutdown: requests still waiting (for a handler, a listener, a verify proc) end. */
  readonly #closing = new AbortController();
  #agent: SessionPool;
  #dispatcher: Dispatcher;
  readonly #retired = new Set<SessionPool>();
  readonly #proxyDispatchers = new Map<string, Dispatcher>();
  readonly #schemes: UrlSchemes;

  constructor(services: SessionServices) {
    const app = services.app;
    this.#schemes = app.urlSchemes;
    const trust = new TrustStore(app.networkOptions.extraCaCertificates);
    this.#tls = new TlsSettings(trust);
    const dohServers = app.networkOptions.secureDnsServers;
    this.#doh = dohServers.length ? new DohClient(trust.all) : null;
    this.resolver = new HostResolver({
      rules: HostResolverRules.fromSwitch(app.commandLine.getSwitchValue('host-resolver-rules')),
      secureDnsServers: dohServers,
      dnsServers: app.networkOptions.dnsServers,
      doh: this.#doh,
    });
    this.verifier = new CertVerifier({
      trust,
      cacheVerdicts: NET_ERAS[services.era].cachesVerdicts,
      style: conversionStyle(services.era),
    });
    this.#connector = new Connector({
      resolver: this.resolver,
      verifier: this.verifier,
      secureContext: () => this.#tls.secureContext(),
      registry: this.#registry,
      warm: this.#warm,
      netLog: this.netLog,
      checkOnline: () => {
        if (this.emulation.conditions.offline) throw netError('ERR_INTERNET_DISCONNECTED');
      },
    });
    this.#agent = this.#newAgent();
    this.#dispatcher = this.#agent.compose(emulationInterceptor(this.emulation));
    const switchLog = switchNetLogOf(app, { name: 'Electron', version: app.versions.electron });
    if (switchLog) this.netLog.attach(switchLog);
    this.netLogCapture = new NetLogCapture({
      era: services.era,
      bus: this.netLog,
      clientName: 'Electron',
      clientVersion: app.versions.electron,
      commandLine: () => 'electron',
    });
    this.#loader = new UrlLoader({
      userAgent: () => services.userAgent.userAgent,
      acceptLanguages: () => services.userAgent.acceptLanguages,
      hooks: this.hooks,
      authCache: this.authCache,
      netLog: this.netLog,
      routesFor: (url) => this.#routesFor(url),
      routesSkipped: (skipped) => this.hooks.proxy.reportSuccess?.(skipped),
      closing: this.#closing.signal,
    });
  }

  #newAgent(): SessionPool {
    return new SessionPool({
      connect: this.#connector.undiciConnect,
      connectionsPerOrigin: CONNECTIONS_PER_HOST,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 300_000,
    });
  }

  /** The session's direct dispatcher: pool plus emulation. */
  get dispatcher(): Dispatcher {
    return this.#dispatcher;
  }

  /** What a proxy dispatcher builds on. */
  get direct(): DirectStack {
    return {
      dispatcher: this.#dispatcher,
      connect: ({ host, port, tls }) => this.#connector.open({ protocol: tls ? 'https:' : 'http:', host, port }),
      secure: (socket, { host, port, alpn }) => this.#connector.secureOver(socket, { host, port }, alpn),
      resolveIPv4: async (host) => {
        try {
          return (await this.resolver.resolve(host, { queryType: 'A' })).endpoints.map((e) => e.address);
        } catch {
          return [];
        }
      },
      proxyAuthorization: (proxy, method, uri) => proxyAuthorization(this.authCache, proxy, method, uri),
    };
  }

  async #routesFor(url: URL): Promise<Route[]> {
    let route;
    try {
      route = await this.hooks.proxy.resolve(url);
    } catch (error) {
      // No route at all (a mandatory PAC script failed, no usable proxy): the request fails with it.
      throw toNetError(error);
    }
    const routes: Route[] = [];
    for (const server of route.length ? route : [{ scheme: 'direct' as const }]) {
      if (server.scheme === 'direct') {
        routes.push({ dispatcher: this.#dispatcher, server });
        continue;
      }
      const key = `${server.scheme}://${server.host}:${server.port}`;
      let dispatcher = this.#proxyDispatchers.get(key);
      if (!dispatcher && this.hooks.proxy.dispatcherFor) {
        dispatcher = this.hooks.proxy.dispatcherFor(server, this.direct).compose(emulationInterceptor(this.emulation));
        this.#proxyDispatchers.set(key, dispatcher);
      }
      if (dispatcher) routes.push({ dispatcher, server });
    }
    return routes.length ? routes : [{ dispatcher: this.#dispatcher, server: { scheme: 'direct' } }];
  }

  /** The stages of the session's URL loader, which an area joins (docs/NETWORK-STAGES.md). */
  get stages(): LoaderStages {
    return this.#loader.stages;
  }

  /** One request through the whole stack. */
  /**
   * One request through the stack. Its URL is first read as Chromium holds
   * it (a scheme the app registered as standard canonicalizes like http); one
   * that is then invalid fails as Electron's URL loader refuses it.
   */
  load(request: LoadRequest): Promise<LoadedResponse> {
    const url = this.#schemes.canonical(request.url);
    if (!url) return Promise.reject(new TypeError('Invalid URL'));
    return this.#loader.load({
      redirectErrors: {
        error: () => new Error("Attempted to redirect, but redirect policy was 'error'"),
        manual: () => new Error('Redirect was cancelled'),
      },
      ...request,
      url,
    });
  }

  async resolveHost(host: string, options: ResolveOptions): Promise<Endpoint[]> {
    return (await this.resolver.resolve(host, options)).endpoints;
  }

  clearHostCache(): void {
    this.resolver.cache.clear();
  }

  setCertificateVerifyProc(proc: VerifyProc | null): void {
    this.verifier.setProc(proc);
  }

  get sslConfig(): SslConfig {
    return this.#tls.config;
  }

  /** New connections use `config`; pooled ones are not reused, in-flight ones finish. */
  setSslConfig(config: SslConfig): void {
    this.#tls.config = config;
    this.#warm.clear();
    this.#retire();
  }

  #retire(): void {
    const old = this.#agent;
    this.#retired.add(old);
    void old.close().finally(() => this.#retired.delete(old));
    this.#agent = this.#newAgent();
    this.#dispatcher = this.#agent.compose(emulationInterceptor(this.emulation));
  }

  /**
   * Opens `count` connections to the URL's origin and parks them for the
   * pool, when the session reaches that origin directly. A request through a
   * proxy would never use them, and the origin must not see the client
   * connect past its proxy, so a proxied origin is not preconnected
   * (Chromium would connect to the proxy instead).
   */
  async preconnect(url: URL, count: number): Promise<void> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    let route;
    try {
      route = await this.hooks.proxy.resolve(url);
    } catch {
      return;
    }
    if (route.length && route[0]!.scheme !== 'direct') return;
    const target: ConnectTarget = {
      protocol: url.protocol,
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    };
    const origin = originOf(target);
    // Sockets already parked count towards the request, as in Chromium's pools.
    const missing = count - this.#warm.count(origin);
    for (let i = 0; i < missing; i++) this.#warm.opening(origin, this.#connector.open(target));
  }

  /** Ends every connection of this session; requests in flight fail with net::ERR_ABORTED. */
  async closeAllConnections(): Promise<void> {
    this.#warm.clear();
    this.#registry.destroyAll(netError('ERR_ABORTED'));
    for (const dispatcher of this.#proxyDispatchers.values())
      void dispatcher.destroy(netError('ERR_ABORTED')).catch(() => undefined);
    this.#proxyDispatchers.clear();
    const old = this.#agent;
    this.#agent = this.#newAgent();
    this.#dispatcher = this.#agent.compose(emulationInterceptor(this.emulation));
    await old.destroy(netError('ERR_ABORTED')).catch(() => undefined);
  }

  setEmulation(conditions: NetworkConditions): void {
    this.emulation.set(conditions);
  }

  disableEmulation(): void {
    this.emulation.disable();
  }

  clearAuthCache(): void {
    this.authCache.clear();
  }

  async shutdown(crash: boolean): Promise<void> {
    this.#closing.abort(netError('ERR_ABORTED'));
    await this.netLogCapture.shutdown(crash);
    this.#warm.clear();
    this.#registry.destroyAll(netError('ERR_ABORTED'));
    await Promise.all([
      this.#agent.destroy().catch(() => undefined),
      ...[...this.#retired].map((a) => a.destroy().catch(() => undefined)),
      ...[...this.#proxyDispatchers.values()].map((d) => d.destroy().catch(() => undefined)),
      this.#doh?.close().catch(() => undefined),
    ]);
  }
}
