// The seams other areas plug into a session's network stack without
// rewriting it. Each hook has a default that behaves as if the area did not
// exist: no proxy (DIRECT), no cookies, no webRequest listeners, no custom
// protocols.
//
//   proxy      where a request goes: DIRECT or through proxies, and
//              the dispatcher that sends through a given proxy.
//   cookies    the Cookie header for a request and the Set-Cookie
//              headers of every response (redirect hops included).
//   webRequest observes and may change each stage of a request.
//   protocols  answers URLs of custom schemes (and intercepted
//              http/https) before the network is touched.

import type { Dispatcher } from 'undici';

/** One entry of a proxy decision, in the order a PAC result lists them. */
export type ProxyServer = { scheme: 'direct' } | { scheme: 'http' | 'https' | 'socks4' | 'socks5'; host: string; port: number };

/** Decides, per request, how to reach `url`; the first entry that connects wins. */
export interface ProxyResolverHook {
  resolve(url: URL): Promise<ProxyServer[]>;
  /**
   * A dispatcher that sends requests through `proxy`. `direct` is the
   * session's own stack (its resolver, TLS verification and socket
   * registry), which a proxy dispatcher uses to reach the proxy itself.
   */
  dispatcherFor?(proxy: Exclude<ProxyServer, { scheme: 'direct' }>, direct: DirectStack): Dispatcher;
  /**
   * A request succeeded after skipping these entries of its list (each with
   * Chromium's error name): Chromium remembers them as bad only now, not
   * when they failed, so a request that fails altogether marks nothing.
   */
  reportSuccess?(skipped: readonly { server: ProxyServer; netError: string }[]): void;
}

/** What the network service lends a proxy dispatcher. */
export interface DirectStack {
  /** The session's direct dispatcher (connection pool and all layers). */
  readonly dispatcher: Dispatcher;
  /** Connects (resolve, TCP, optionally TLS with the session's verification) to host:port. */
  connect(options: { host: string; port: number; tls: boolean; servername?: string }): Promise<import('node:net').Socket>;
  /** TLS to host:port over an open stream (a tunnel), verified as a direct connection would be. */
  secure(
    socket: import('node:net').Socket,
    options: { host: string; port: number; alpn?: readonly string[] },
  ): Promise<import('node:net').Socket>;
  /** IPv4 addresses of a host from the session's resolver (SOCKS4 sends an address). */
  resolveIPv4(host: string): Promise<string[]>;
  /**
   * The Proxy-Authorization value for one request to `proxy` (`uri` as its
   * request line names the target), from the session's auth cache, if the
   * session has credentials for that proxy.
   */
  proxyAuthorization(proxy: { scheme: string; host: string; port: number }, method: string, uri: string): string | undefined;
}

export const DIRECT_ONLY: ProxyResolverHook = {
  resolve: async () => [{ scheme: 'direct' }],
};

/** What a cookie decision needs to know about the request. */
export interface CookieContext {
  /** `include` sends and stores cookies; `omit` does neither (Chromium's LOAD_DO_NOT_SAVE/SEND_COOKIES). */
  credentials: 'include' | 'omit' | 'same-origin';
  method: string;
  /** The page's URL for page requests, null for ses.fetch and other browser requests. */
  initiator: string | null;
  /**
   * The URL whose site the request counts as first-party to (Chromium's
   * site_for_cookies) when it has no initiator: the URL first asked for,
   * which a redirect does not change. Absent: the request's own URL.
   */
  siteForCookies?: string;
}

export interface CookieHook {
  /** The Cookie header value for `url`, or null for none. */
  cookieHeader(url: URL, context: CookieContext): Promise<string | null> | string | null;
  /** Every Set-Cookie header of one response (including redirects). */
  storeResponseCookies(url: URL, setCookies: string[], context: CookieContext): Promise<void> | void;
}

export const NO_COOKIES: CookieHook = {
  cookieHeader: () => null,
  storeResponseCookies: () => undefined,
};

/**
 * How one hop of a request is answered: the network (http/https), the
 * built-in file loader, or a custom protocol handler, either for a scheme of
 * its own (`registered-protocol`) or in place of a built-in one
 * (`intercepted-protocol`).
 */
export type LoadedBy = 'network' | 'file' | 'registered-protocol' | 'intercepted-protocol';

/** A request as webRequest listeners see and change it. */
export interface WebRequestDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  requestHeaders: Record<string, string>;
  initiator: string | null;
  /** The referrer URL, '' for none. */
  referrer?: string;
  /** The request body, when there is one: one chunk, or byte runs and blobs as the page built it. */
  uploadData?: ({ bytes: Uint8Array } | { blob: Uint8Array })[];
  loadedBy?: LoadedBy;
}

export interface WebRequestResponseDetails extends WebRequestDetails {
  statusCode: number;
  statusLine: string;
  /** Header names as the server sent them (HTTP/1.1 keeps their case). */
  responseHeaders: Record<string, string[]>;
  fromCache?: boolean;
}

export type BeforeRequestResult = { cancel?: boolean; redirectURL?: string } | void;
export type BeforeSendHeadersResult = { cancel?: boolean; requestHeaders?: Record<string, string> } | void;
export type HeadersReceivedResult = {
  cancel?: boolean;
  responseHeaders?: Record<string, string[]>;
  /** Applied with `responseHeaders` only; its code becomes the response's status. */
  statusLine?: string;
} | void;

/**
 * The stages Electron's webRequest exposes. Every method is optional; the
 * network service awaits the blocking ones and notifies the rest.
 * onCompleted comes once the body has been read to its end; a failure
 * after the response started (body included) is an onErrorOccurred.
 */
export interface WebRequestHook {
  /** Cheap check made per hop: false skips every stage of that hop. */
  active?(): boolean;
  onBeforeRequest?(details: WebRequestDetails): Promise<BeforeRequestResult> | BeforeRequestResult;
  onBeforeSendHeaders?(details: WebRequestDetails): Promise<BeforeSendHeadersResult> | BeforeSendHeadersResult;
  onSendHeaders?(details: WebRequestDetails): void;
  onHeadersReceived?(details: WebRequestResponseDetails): Promise<HeadersReceivedResult> | HeadersReceivedResult;
  onResponseStarted?(details: WebRequestResponseDetails): void;
  onBeforeRedirect?(details: WebRequestResponseDetails & { redirectURL: string }): void;
  onCompleted?(details: WebRequestResponseDetails): void;
  onErrorOccurred?(details: (WebRequestDetails | WebRequestResponseDetails) & { error: string }): void;
}

export const NO_WEB_REQUEST: WebRequestHook = {};

/**
 * Custom protocol handling: returns a Response for URLs it handles, or
 * undefined to let the network stack load the URL. `bypassCustomProtocolHandlers`
 * requests never reach it. A handler's failure is a rejection with a
 * NetError; a redirect status with a Location header is followed.
 */
export interface ProtocolHook {
  /** Cheap check made for every request: is there a handler for this URL's scheme? */
  handles(url: URL): boolean;
  /** Which kind of handler answers `url`, when handles(url). */
  route?(url: URL): 'registered' | 'intercepted' | undefined;
  handle(request: Request): Promise<Response | undefined> | Response | undefined;
}

export const NO_PROTOCOLS: ProtocolHook = { handles: () => false, handle: () => undefined };

export interface NetworkHooks {
  proxy: ProxyResolverHook;
  cookies: CookieHook;
  webRequest: WebRequestHook;
  protocols: ProtocolHook;
}
