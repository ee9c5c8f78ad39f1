// The stages where webRequest listeners see and change a request, as
// Electron's loader factories run them. Which hops they see: a request of
// the net module (ses.fetch) passes webRequest on network hops only (its
// custom schemes and file: URLs go straight to their loaders); a page's
// request passes it on every hop (the webRequest hook itself leaves out
// intercepted schemes where Electron does); the browser's own requests
// (its storage partition's factory) pass it on none. Nothing is described
// for webRequest while nobody listens.

import { NO_WEB_REQUEST, type HeadersReceivedResult, type WebRequestResponseDetails } from '../../hooks.ts';
import { netError } from '../../net-error.ts';
import { discard, hasNullBody, reportingEnd } from '../body-streams.ts';
import { overridden } from './header-override.ts';
import type { HopResponse, LoaderStage } from './stage.ts';
import { untilAborted } from '../abort.ts';
import { failureOf, requestDetails, responseDetails } from './web-request-events.ts';

/** The 307 Chromium makes of a listener's redirectURL. */
function internalRedirect(target: URL): HopResponse {
  return {
    status: 307,
    statusText: 'Internal Redirect',
    headers: { location: target.href, 'non-authoritative-reason': 'WebRequest API' },
    lines: [
      ['Location', target.href],
      ['Non-Authoritative-Reason', 'WebRequest API'],
    ],
    body: null,
    webRequestRedirect: true,
  };
}

/** onBeforeRequest: the listener may cancel the hop or send it elsewhere (followed by 'redirects'). */
export const webRequestBefore: LoaderStage = {
  name: 'web-request-before',
  async run(exchange, next) {
    const { ctx, options } = exchange;
    const observed = options.requester === 'page' || (exchange.loadedBy === 'network' && options.requester !== 'browser');
    const hook = observed && ctx.hooks.webRequest.active?.() !== false ? ctx.hooks.webRequest : NO_WEB_REQUEST;
    const state = exchange.webRequest;
    state.hook = hook;
    state.response = undefined;
    state.details = hook !== NO_WEB_REQUEST ? requestDetails(exchange, exchange.headers) : undefined;

    const before = state.details && (await untilAborted(hook.onBeforeRequest?.(state.details), exchange.signal));
    if (before?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
    if (before?.redirectURL) {
      let target: URL;
      try {
        target = new URL(before.redirectURL);
      } catch {
        throw netError('ERR_INVALID_REDIRECT');
      }
      return internalRedirect(target);
    }
    return next();
  },
};

/**
 * onBeforeSendHeaders (which may replace the headers going on the wire) and
 * onSendHeaders on the way down; onHeadersReceived on the way up, which may
 * cancel or override the answer's headers and status.
 */
export const webRequestHeaders: LoaderStage = {
  name: 'web-request-headers',
  async run(exchange, next) {
    const state = exchange.webRequest;
    const { hook } = state;
    if (hook !== NO_WEB_REQUEST) {
      const beforeSend = await untilAborted(hook.onBeforeSendHeaders?.(requestDetails(exchange, exchange.sent)), exchange.signal);
      if (beforeSend?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
      if (beforeSend?.requestHeaders) exchange.sent = Object.entries(beforeSend.requestHeaders);
      state.details = requestDetails(exchange, exchange.sent);
      hook.onSendHeaders?.(state.details);
    }

    let response = await next();
    let details = (state.details && responseDetails(state.details, response)) as WebRequestResponseDetails;
    state.response = details;
    let override: HeadersReceivedResult | undefined;
    try {
      override = await untilAborted(hook.onHeadersReceived?.(details), exchange.signal);
    } catch (error) {
      discard(response.body);
      throw error;
    }
    if (override?.cancel) {
      discard(response.body);
      throw netError('ERR_BLOCKED_BY_CLIENT');
    }
    if (override?.responseHeaders) {
      try {
        ({ response, details } = overridden(response, details, override.responseHeaders, override.statusLine));
      } catch (error) {
        discard(response.body);
        throw error;
      }
      state.response = details;
    }
    return response;
  },
};

/**
 * onResponseStarted for the final answer, then onCompleted once its body
 * has been read to its end (at once for an answer without one), or
 * onErrorOccurred if reading it fails or is cancelled.
 */
export const webRequestEnd: LoaderStage = {
  name: 'web-request-end',
  async run(exchange, next) {
    const response = await next();
    const { hook } = exchange.webRequest;
    const details = exchange.webRequest.response as WebRequestResponseDetails;
    hook.onResponseStarted?.(details);
    if (response.socket) {
      // Electron's WebSocket proxy reports the handshake's end as net::ERR_WS_UPGRADE.
      hook.onCompleted?.({ ...details, error: 'net::ERR_WS_UPGRADE' } as typeof details);
      return response;
    }
    if (hasNullBody(response.status, exchange.method, response.body)) {
      discard(response.body);
      hook.onCompleted?.(details);
      return { ...response, body: null };
    }
    if (!hook.onCompleted && !hook.onErrorOccurred) return response;
    return {
      ...response,
      body: reportingEnd(response.body!, (error) => {
        if (error === undefined) hook.onCompleted?.(details);
        else hook.onErrorOccurred?.({ ...details, error: failureOf(error).message });
      }),
    };
  },
};
