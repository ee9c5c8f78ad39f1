// Helpers the cookies specs share. They only use the public API: a
// session's `cookies` object, its methods through the spec handle, and its
// 'changed' event.

import type { Cookie, Session } from 'electron';
import { ERA_BY_ID, type EraId } from '../../contract/eras/eras.ts';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { until } from '../support/requests.ts';

/** The Cookies object of a session, typed loosely enough to call members of any era. */
export type CookiesLike = {
  get(...args: unknown[]): unknown;
  set(...args: unknown[]): unknown;
  remove(...args: unknown[]): unknown;
  flushStore(...args: unknown[]): unknown;
  on(event: 'changed', listener: (...args: unknown[]) => void): unknown;
  removeListener(event: 'changed', listener: (...args: unknown[]) => void): unknown;
};

export function cookiesOf(session: unknown): CookiesLike {
  return (session as { cookies: CookiesLike }).cookies;
}

/** A fresh in-memory session, so each test starts without cookies. */
export function freshSession(t: SpecHandle, label = 'cookies'): { session: Session; cookies: CookiesLike } {
  const session = t.session.fromPartition(uniquePartition(label));
  return { session, cookies: cookiesOf(session) };
}

export function getCookies(t: SpecHandle, cookies: CookiesLike, filter: Record<string, unknown> = {}): Promise<Cookie[]> {
  return t.invoke<Cookie[]>(cookies, 'cookies.get', filter);
}

export function setCookie(t: SpecHandle, cookies: CookiesLike, details: Record<string, unknown>): Promise<void> {
  return t.invoke<void>(cookies, 'cookies.set', details);
}

export function removeCookie(t: SpecHandle, cookies: CookiesLike, url: string, name: string): Promise<void> {
  return t.invoke<void>(cookies, 'cookies.remove', url, name);
}

/**
 * Arguments for calling a member directly to observe its synchronous
 * argument errors: eras with callbacks get a callback appended, so that only
 * the arguments under test can be at fault.
 */
export function withCallback(era: EraId, ...args: unknown[]): unknown[] {
  return ERA_BY_ID[era].asyncStyle === 'callback' ? [...args, () => undefined] : args;
}

export interface Change {
  event: unknown;
  cookie: Cookie;
  cause: string;
  removed: boolean;
}

/** Records 'changed' events until stopped. */
export function recordChanges(cookies: CookiesLike): { changes: Change[]; stop(): void } {
  const changes: Change[] = [];
  const listener = (...args: unknown[]) => {
    changes.push({ event: args[0], cookie: args[1] as Cookie, cause: args[2] as string, removed: args[3] as boolean });
  };
  cookies.on('changed', listener);
  return { changes, stop: () => cookies.removeListener('changed', listener) };
}

/** Seconds since the epoch, `offset` seconds from now, as expirationDate takes it. */
export function secondsFromNow(offset: number): number {
  return Date.now() / 1000 + offset;
}
