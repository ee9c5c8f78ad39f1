// Helpers the permission specs share, public API only: fresh sessions, the
// pages that ask (a main frame on one origin, a same-origin and a
// cross-origin subframe inside it), handlers that record their calls so a
// test can answer later, and the driver's requests and checks.
//
// The pages are never loaded over the network: permission requests and
// checks travel between the page and the app, so the URLs only name the
// frames (reserved .test names).

import type { PermissionRequestOutcome } from '../../harness/api/driver.ts';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { thrown, until } from '../support/requests.ts';

export const PAGE = 'https://app.test/index.html?tab=1';
export const PAGE_ORIGIN = 'https://app.test/';
export const SAME_ORIGIN_FRAME = 'https://app.test/inner/frame.html';
export const CROSS_ORIGIN_FRAME = 'https://widget.test:8443/embed.html';
export const CROSS_ORIGIN = 'https://widget.test:8443/';

export type Handler = (...args: unknown[]) => unknown;

/** The permission members, typed loosely enough to call with bad arguments. */
export interface PermissionSession {
  setPermissionRequestHandler(...args: unknown[]): void;
  setPermissionCheckHandler(...args: unknown[]): void;
  setDisplayMediaRequestHandler(...args: unknown[]): void;
}

/** A fresh in-memory session, so each test starts without handlers. */
export function freshSession(t: SpecHandle, label = 'permissions'): PermissionSession {
  return t.session.fromPartition(uniquePartition(label)) as unknown as PermissionSession;
}

/** The WebContents a handler receives, as far as the specs read it. */
export interface PageContents {
  getURL(): string;
}

/** One call of a request handler. */
export interface RequestCall {
  webContents: PageContents;
  permission: string;
  callback: (...args: unknown[]) => void;
  details: Record<string, unknown> | undefined;
  argumentCount: number;
}

/** Installs a request handler that records its calls and answers nothing itself. */
export function recordRequests(session: PermissionSession): RequestCall[] {
  const calls: RequestCall[] = [];
  session.setPermissionRequestHandler((...args: unknown[]) => {
    const [webContents, permission, callback, details] = args as [
      PageContents,
      string,
      RequestCall['callback'],
      Record<string, unknown>?,
    ];
    calls.push({ webContents, permission, callback, details, argumentCount: args.length });
  });
  return calls;
}

/** One call of a check handler. */
export interface CheckCall {
  webContents: PageContents | null;
  permission: string;
  requestingOrigin: string;
  details: Record<string, unknown>;
}

/** Installs a check handler that records its calls and returns `answer`. */
export function recordChecks(session: PermissionSession, answer: unknown = true): CheckCall[] {
  const calls: CheckCall[] = [];
  session.setPermissionCheckHandler((...args: unknown[]) => {
    const [webContents, permission, requestingOrigin, details] = args as [
      PageContents | null,
      string,
      string,
      Record<string, unknown>,
    ];
    calls.push({ webContents, permission, requestingOrigin, details });
    return answer;
  });
  return calls;
}

export interface AskOptions {
  frameUrl?: string;
  userGesture?: boolean;
  externalURL?: string;
}

/** A page of `session` at PAGE (or a subframe of it) asks for `permissions` in one request. */
export function ask(
  t: SpecHandle,
  session: PermissionSession,
  permissions: string[],
  options: AskOptions = {},
): Promise<PermissionRequestOutcome> {
  return t.driver.permissions.request({ session, url: PAGE, permissions, ...options });
}

export type CheckRoute = 'document' | 'origin' | 'media' | 'device';

/** A page of `session` at PAGE (or a subframe of it) reads the state of `permission`. */
export function checkOf(
  t: SpecHandle,
  session: PermissionSession,
  permission: string,
  via: CheckRoute = 'document',
  frameUrl?: string,
): Promise<'granted' | 'denied'> {
  return t.driver.permissions.check({ session, url: PAGE, permission, via, ...(frameUrl ? { frameUrl } : {}) });
}
