// How the loader describes a request to webRequest listeners and tells them
// what the stages did: the details of a hop, the onBeforeRedirect of a
// followed redirect, the onErrorOccurred of a failed request, and waiting
// for a blocking listener no longer than the caller does.

import type { WebRequestDetails, WebRequestResponseDetails } from '../../hooks.ts';
import { NetError, netError, toNetError } from '../../net-error.ts';
import { isAbortReason } from '../abort.ts';
import { headerMap } from '../header-lines.ts';
import type { Exchange, HopResponse } from './stage.ts';

/** The request as webRequest describes it this hop, with `headers` as its request headers. */
export function requestDetails(exchange: Exchange, headers: [string, string][]): WebRequestDetails {
  const { options, body } = exchange;
  return {
    id: exchange.id,
    url: exchange.url.href,
    method: exchange.method,
    resourceType: options.resourceType ?? 'other',
    requestHeaders: Object.fromEntries(headers),
    initiator: options.initiator,
    referrer: options.referrer ?? '',
    ...(body ? { uploadData: options.upload ?? [{ bytes: body }] } : {}),
    loadedBy: exchange.loadedBy,
  };
}

/** A hop's request details with its answer. */
export function responseDetails(details: WebRequestDetails, response: HopResponse): WebRequestResponseDetails {
  return {
    ...details,
    statusCode: response.status,
    statusLine: `HTTP/1.1 ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    responseHeaders: headerMap(response.lines),
    fromCache: response.fromCache === true,
  };
}

/** onBeforeRedirect for a redirect being followed to `target`. */
export function notifyRedirect(exchange: Exchange, response: HopResponse, target: URL): void {
  const { hook, details } = exchange.webRequest;
  if (!hook.onBeforeRedirect) return;
  if (response.webRequestRedirect) {
    // No answer was described for webRequest's own redirect: it is made up from the request.
    if (details) hook.onBeforeRedirect({ ...responseDetails(details, response), redirectURL: target.href });
  } else {
    hook.onBeforeRedirect({ ...(exchange.webRequest.response as WebRequestResponseDetails), redirectURL: target.href });
  }
}

/** Chromium's net error for anything a request fails with (an abort by the caller is ERR_ABORTED). */
export function failureOf(error: unknown): NetError {
  if (error instanceof NetError) return error;
  if (isAbortReason(error)) return netError('ERR_ABORTED', error);
  if (error instanceof Error && !(error as { code?: unknown }).code) return netError('ERR_ABORTED', error);
  return toNetError(error);
}

/** onErrorOccurred for a request that failed, described as far as it got. */
export function reportError(exchange: Exchange, error: unknown): void {
  const { hook, response, details } = exchange.webRequest;
  const described = response ?? details;
  if (described) hook.onErrorOccurred?.({ ...described, error: failureOf(error).message });
}
