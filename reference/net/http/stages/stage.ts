// What a stage of the URL loader is. The loader is a list of stages
// composed the way undici composes interceptors around a dispatcher: each
// stage wraps every stage below it, and the list ends in the transport (the
// network through the proxy routes, the file loader or a protocol handler).
// A request goes down the list; each answer comes back up it.
//
//   web-request-end      up: onResponseStarted; onCompleted or onErrorOccurred
//                        when the body ends
//   content-decoding     up: gzip, deflate, br bodies of network answers
//   auth                 up: a final 401 answered with cached or `login`
//                        credentials (the request again)
//   proxy-auth           up: a proxy's 407 (forwarded, or to CONNECT) answered
//                        with cached or `login` credentials (the request again)
//   redirects            up: 3xx and webRequest's redirectURL followed (the next hop)
//   hop                  down: each hop starts: abort check, which loader answers
//   web-request-before   down: onBeforeRequest (cancel, redirect)
//   request-defaults     down: User-Agent, Accept-Encoding, Accept-Language
//   cookies              down: Cookie; up: Set-Cookie (every hop)
//   authorization        down: Authorization (cached credentials before a challenge)
//   content-length       down: the body's length
//   web-request-headers  down: onBeforeSendHeaders, onSendHeaders;
//                        up: onHeadersReceived, its header and status overrides
//   (transport)          the network on the proxy routes, file:, or a protocol handler
//
// A stage's `run(exchange, next)` changes the exchange on the way down (the
// URL, the headers going on the wire), calls `next()` for the answer of the
// stages below, and returns that answer, changed or replaced. A stage may
// call `next()` again for another try (redirects and auth do: each call that
// passes 'hop' is a new hop), or not at all and answer itself (a cache hit),
// and may catch what the stages below throw. Stages above 'auth' see only
// the final answer; stages below 'hop' see every hop, redirects included.
// Stages are shared by every request of a session: what one request needs to
// remember lives in its Exchange (or in a WeakMap keyed by it).
//
// Areas join the list with `network.stages.join(stage, position)` (see
// stage-list.ts and docs/NETWORK-STAGES.md).

import type { Identity } from '../../auth/identity.ts';
import type { LoadedBy, WebRequestDetails, WebRequestHook, WebRequestResponseDetails } from '../../hooks.ts';
import type { NetLogSource } from '../../netlog/net-log-bus.ts';
import type { LoaderContext, LoadOptions } from '../loader-types.ts';
import type { RawHeaders } from '../response-receiver.ts';

/** One request from load() to its final answer, as every stage sees and changes it. */
export interface Exchange {
  readonly id: number;
  /** The request as its caller made it. */
  readonly options: LoadOptions;
  readonly ctx: LoaderContext;
  /** The request's net log source (URL_REQUEST). */
  readonly source: NetLogSource;
  readonly signal: AbortSignal | null;

  /** Where the next hop goes and what it carries; redirects change these. */
  url: URL;
  method: string;
  body: Uint8Array | null;
  /** The request's own header lines (a redirect may drop some). */
  headers: [string, string][];
  /** Redirects followed so far, webRequest's included. */
  redirects: number;
  /** Every URL the request went to, the first as asked and the current one last (Chromium's url_chain). */
  readonly urlChain: URL[];
  /** The credentials the request authenticates with, once it has some; a redirect to another origin drops them. */
  identity: Identity | undefined;

  /** Which loader answers this hop; set by 'hop'. */
  loadedBy?: LoadedBy;
  /** The header lines going on the wire this hop: the request's own, then what stages add. */
  sent: [string, string][];
  /** webRequest's view of this hop (its hook is NO_WEB_REQUEST while nobody listens), also what its error event reports. */
  webRequest: { hook: WebRequestHook; details?: WebRequestDetails; response?: WebRequestResponseDetails };
}

/** One answer coming up the list: a hop's, or the one a stage made. */
export interface HopResponse {
  status: number;
  statusText: string;
  /** Lower-case names, as undici gives them. */
  headers: RawHeaders;
  /** Header lines with the names' case, where known. */
  lines: [string, string][];
  body: ReadableStream<Uint8Array> | null;
  /**
   * Tells when the exchange that carries the body is over (read, failed or
   * aborted): network answers have it. Without it the request is over as
   * soon as it is answered.
   */
  whenDone?: (listener: (error?: unknown) => void) => void;
  /** Answered from a cache rather than by a server (webRequest's `fromCache`). */
  fromCache?: boolean;
  /**
   * Made by the loader, not a server: the 307 a webRequest listener's
   * redirectURL becomes (Chromium's internal redirect).
   */
  webRequestRedirect?: boolean;
  /** The HTTP or HTTPS proxy that forwarded the request (absolute-form); absent for direct hops and tunnels. */
  viaProxy?: { scheme: 'http' | 'https'; host: string; port: number };
}

/** The answer of the stages below (and of the transport under them). */
export type Next = () => Promise<HopResponse>;

export interface LoaderStage {
  /** Unique in a list; other stages join before or after it by this name. */
  readonly name: string;
  run(exchange: Exchange, next: Next): Promise<HopResponse>;
}
