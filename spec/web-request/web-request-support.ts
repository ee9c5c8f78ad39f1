// Helpers the webRequest specs share. They use the public API only: a
// session's `webRequest` object, the driver's page fetches (every era) and
// ses.fetch (eras that have it), and what fixture servers saw.

import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import type { FetchedResponse } from '../../harness/api/driver.ts';

export type Details = Record<string, unknown> & {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  timestamp: number;
};

export type Callback = (response?: Record<string, unknown>) => void;
export type BlockingListener = (details: Details, callback: Callback) => void;
export type SimpleListener = (details: Details) => void;

export const BLOCKING_EVENTS = ['onBeforeRequest', 'onBeforeSendHeaders', 'onHeadersReceived'] as const;
export const SIMPLE_EVENTS = ['onSendHeaders', 'onResponseStarted', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'] as const;
export const ALL_EVENTS = [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
] as const;
export type WebRequestEvent = (typeof ALL_EVENTS)[number];

/** A WebRequest object, typed loosely enough to call with bad arguments. */
export type WebRequestLike = Record<WebRequestEvent, (...args: unknown[]) => void>;

export function webRequestOf(session: unknown): WebRequestLike {
  return (session as { webRequest: WebRequestLike }).webRequest;
}

let partitions = 0;

/** A fresh in-memory session, so each test starts without listeners. */
export function freshSession(t: SpecHandle, label = 'web-request'): { session: unknown; webRequest: WebRequestLike } {
  const session = t.session.fromPartition(`${label}-${++partitions}-${process.pid}`);
  return { session, webRequest: webRequestOf(session) };
}

/** A page of `session` fetches `url` (every era has this). */
export function pageFetch(
  t: SpecHandle,
  session: unknown,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<FetchedResponse> {
  return t.driver.page.fetch({ session, url, ...init });
}

/** The failure message of a fetch that must fail. */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the request succeeded');
}

/** Waits until `done()` holds; events may be delivered after the call that caused them settles. */
export async function until(done: () => boolean, what: string, limitMs = 5000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Listens to every event of `webRequest`, recording [event, details] in
 * order; blocking events are let through unchanged.
 */
export function recordAll(webRequest: WebRequestLike): [WebRequestEvent, Details][] {
  const seen: [WebRequestEvent, Details][] = [];
  for (const event of BLOCKING_EVENTS) {
    webRequest[event]((details: Details, callback: Callback) => {
      seen.push([event, details]);
      callback({});
    });
  }
  for (const event of SIMPLE_EVENTS) webRequest[event]((details: Details) => seen.push([event, details]));
  return seen;
}

/** The error a call throws, or undefined. */
export function thrown(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
