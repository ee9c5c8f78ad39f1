// Helpers the webRequest specs share. They use the public API only: a
// session's `webRequest` object, the driver's page fetches (every era) and
// ses.fetch (eras that have it), and what fixture servers saw.

import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { failureOf, headerOf, pageFetch, thrown, until } from '../support/requests.ts';

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
export const SIMPLE_EVENTS = [
  'onSendHeaders',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
] as const;
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

/** A fresh in-memory session, so each test starts without listeners. */
export function freshSession(t: SpecHandle, label = 'web-request'): { session: unknown; webRequest: WebRequestLike } {
  const session = t.session.fromPartition(uniquePartition(label));
  return { session, webRequest: webRequestOf(session) };
}

/** What a blocking listener of recordAll answers, by event (`{}` where none is given). */
export type Answers = Partial<Record<(typeof BLOCKING_EVENTS)[number], (details: Details) => Record<string, unknown>>>;

/**
 * Listens to every event of `webRequest`, recording [event, details] in
 * order; blocking events are let through unchanged, or with what `answers`
 * gives for them.
 */
export function recordAll(webRequest: WebRequestLike, answers: Answers = {}): [WebRequestEvent, Details][] {
  const seen: [WebRequestEvent, Details][] = [];
  for (const event of BLOCKING_EVENTS) {
    webRequest[event]((details: Details, callback: Callback) => {
      seen.push([event, details]);
      callback(answers[event]?.(details) ?? {});
    });
  }
  for (const event of SIMPLE_EVENTS) webRequest[event]((details: Details) => seen.push([event, details]));
  return seen;
}
