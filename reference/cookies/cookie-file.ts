// The on-disk form of a session's persistent cookies: one JSON document,
// replaced atomically and durably (storage/atomic-file.ts), so a process
// killed mid-write leaves the previous or the new document. Session cookies
// (no expiry) are never written, and expired ones are dropped when read.

import type { Cookie } from 'tough-cookie';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { openStoreFile } from '../storage/store-file.ts';
import type { ElectronSameSite } from './cookie-era.ts';
import {
  chromiumDomain,
  creationMs,
  electronSameSite,
  expiryMicros,
  lastAccessMs,
  newCookie,
  parsePriority,
  priorityOf,
} from './cookie-record.ts';

export const COOKIE_FILE_FORMAT = 'session-conformance/cookies';
export const COOKIE_FILE_VERSION = 1;

interface StoredCookie {
  name: string;
  value: string;
  /** Chromium's form: a leading dot for domain cookies. */
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: ElectronSameSite;
  creation: number;
  lastAccess: number;
  /** Microseconds since the Unix epoch. */
  expiry: number;
  /** Absent for the default priority, medium. */
  priority?: 'low' | 'high';
}

interface CookieDocument {
  format: typeof COOKIE_FILE_FORMAT;
  version: typeof COOKIE_FILE_VERSION;
  cookies: StoredCookie[];
}

function toStored(cookie: Cookie, expiry: number): StoredCookie {
  return {
    name: cookie.key,
    value: cookie.value,
    domain: chromiumDomain(cookie),
    path: cookie.path ?? '/',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: electronSameSite(cookie),
    creation: creationMs(cookie),
    lastAccess: lastAccessMs(cookie),
    expiry,
    ...(priorityOf(cookie) === 'medium' ? {} : { priority: priorityOf(cookie) as 'low' | 'high' }),
  };
}

function fromStored(stored: StoredCookie): Cookie {
  const cookie = newCookie({
    name: stored.name,
    value: stored.value,
    domain: stored.domain,
    path: stored.path,
    secure: stored.secure,
    httpOnly: stored.httpOnly,
    sameSite: stored.sameSite,
    creationMs: stored.creation,
    expiryMicros: stored.expiry,
    priority: parsePriority(stored.priority),
  });
  cookie.lastAccessed = new Date(stored.lastAccess);
  return cookie;
}

/** The document for these cookies: persistent, unexpired ones only, oldest first. */
export function serializeCookies(cookies: readonly Cookie[], nowMs = Date.now()): string {
  const stored: StoredCookie[] = [];
  for (const cookie of cookies) {
    const expiry = expiryMicros(cookie);
    if (expiry !== null && expiry > nowMs * 1000) stored.push(toStored(cookie, expiry));
  }
  const document: CookieDocument = { format: COOKIE_FILE_FORMAT, version: COOKIE_FILE_VERSION, cookies: stored };
  return JSON.stringify(document);
}

export function parseCookies(text: string, nowMs = Date.now()): Cookie[] {
  const document = JSON.parse(text) as Partial<CookieDocument>;
  if (document.format !== COOKIE_FILE_FORMAT || document.version !== COOKIE_FILE_VERSION || !Array.isArray(document.cookies)) {
    throw new Error(`not a ${COOKIE_FILE_FORMAT} v${COOKIE_FILE_VERSION} document`);
  }
  return document.cookies.filter((c) => c.expiry > nowMs * 1000).map(fromStored);
}

export class CookieFile {
  readonly path: string;

  constructor(file: string) {
    this.path = file;
  }

  /**
   * The cookies on disk: none if the file does not exist yet, or if it is
   * damaged (kept aside) or unreadable (storage/store-file.ts).
   */
  read(nowMs = Date.now()): Cookie[] {
    const opened = openStoreFile(this.path, (text) => parseCookies(text, nowMs));
    return opened.kind === 'loaded' ? opened.value : [];
  }

  async write(cookies: readonly Cookie[]): Promise<void> {
    await writeFileAtomic(this.path, serializeCookies(cookies));
  }
}
