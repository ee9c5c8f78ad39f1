// What the URL loader is given and gives back: the session's services it
// works with (LoaderContext), one request as its caller describes it
// (LoadOptions) and the answer it hands back (LoadedResponse).

import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { AuthCache } from '../auth/auth-cache.ts';
import type { LoginBroker } from '../auth/login-broker.ts';
import type { NetworkHooks, ProxyServer } from '../hooks.ts';
import type { NetLogBus } from '../netlog/net-log-bus.ts';
import type { RawHeaders } from './response-receiver.ts';

export interface LoaderContext {
  userAgent(): string;
  acceptLanguages(): string;
  hooks: NetworkHooks;
  authCache: AuthCache;
  netLog: NetLogBus;
  /** The routes to try for `url` (a dispatcher per proxy list entry), in the proxy hook's order. */
  routesFor(url: URL): Promise<Route[]>;
  /**
   * A request got its response on a later route: the entries it skipped, with
   * why, so they are tried last for a while (Chromium's ReportSuccess).
   */
  routesSkipped(skipped: SkippedRoute[]): void;
  /** Aborts (with net::ERR_ABORTED) when the session shuts down: every request in flight ends with it. */
  closing: AbortSignal;
}

/** One entry of a request's proxy list and the dispatcher that goes through it. */
export interface Route {
  dispatcher: Dispatcher;
  server: ProxyServer;
}

export interface SkippedRoute {
  server: ProxyServer;
  /** Chromium's error name, e.g. ERR_PROXY_CONNECTION_FAILED. */
  netError: string;
}

export interface LoadOptions {
  url: URL;
  method: string;
  headers: [string, string][];
  body: Uint8Array | null;
  signal: AbortSignal | null;
  redirect: 'follow' | 'error' | 'manual';
  credentials: 'include' | 'omit' | 'same-origin';
  /** The page's URL for page requests, null otherwise. */
  initiator: string | null;
  /** Present for page requests: where `login` answers come from. */
  login?: LoginBroker;
  bypassCustomProtocolHandlers?: boolean;
  /** Errors the caller's API reports for the non-following redirect modes. */
  redirectErrors: { error(): Error; manual(): Error };
  /**
   * Who asks: Electron's net module (ses.fetch, the default), a page of the
   * session (driver page fetches), or the browser itself through its storage
   * partition's own loader factory (StoragePartition::
   * GetURLLoaderFactoryForBrowserProcess, as Chromium's dictionary
   * downloader uses), which Electron never wraps: webRequest sees none of
   * its hops. It decides which hops webRequest sees.
   */
  requester?: 'net-module' | 'page' | 'browser';
  /** The webRequest resource type of the request; 'other' unless given. */
  resourceType?: string;
  /** The referrer URL, '' (the default) for none. */
  referrer?: string;
  /** The fetch cache mode ('default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'). */
  cache?: string;
  /**
   * The body as the page built it, when it holds blobs: byte runs and blobs
   * in order (`body` is their concatenation). webRequest shows blobs as such.
   */
  upload?: UploadElement[];
  /** A WebSocket opening handshake: the request asks to upgrade, and a 101 hands back the connection. */
  upgrade?: 'websocket';
}

/** One element of a request body: bytes, or a Blob's bytes. */
export type UploadElement = { bytes: Uint8Array } | { blob: Uint8Array };

export interface LoadedResponse {
  status: number;
  statusText: string;
  headers: RawHeaders;
  body: ReadableStream<Uint8Array> | null;
  url: string;
  redirected: boolean;
  /** The connection a 101 answer to an upgrade request handed over (the caller owns it). */
  upgraded?: Duplex;
}
