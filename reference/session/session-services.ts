// The state of one session, split into services that each own one concern.
// Public members (session/members.ts) validate and then call exactly one of
// these; nothing else touches their state.

import { mkdirSync } from 'node:fs';
import type { EraId } from '../../harness/eras/eras.ts';
import type { App } from '../app/app.ts';
import { DomStorage } from '../storage/dom-storage.ts';
import type { SessionIdentity } from './identity.ts';

/**
 * A session's user agent: its own override if one was set (even ''),
 * otherwise the app's current fallback, read at each use.
 */
export class UserAgentSettings {
  readonly #fallback: () => string;
  #override: string | undefined;
  acceptLanguages: string;

  constructor(fallback: () => string, acceptLanguages: string) {
    this.#fallback = fallback;
    this.acceptLanguages = acceptLanguages;
  }

  get userAgent(): string {
    return this.#override ?? this.#fallback();
  }

  set userAgent(value: string) {
    this.#override = value;
  }
}

export class PreloadList {
  #paths: string[] = [];

  get(): string[] {
    return [...this.#paths];
  }

  set(paths: readonly string[]): void {
    this.#paths = [...paths];
  }
}

export class SessionServices {
  readonly identity: SessionIdentity;
  readonly era: EraId;
  readonly userAgent: UserAgentSettings;
  readonly preloads = new PreloadList();
  readonly domStorage: DomStorage;

  constructor(app: App, identity: SessionIdentity) {
    this.identity = identity;
    // Chromium creates a persistent profile's directory as the profile opens.
    if (identity.storagePath) mkdirSync(identity.storagePath, { recursive: true });
    this.userAgent = new UserAgentSettings(() => app.userAgentFallback, defaultAcceptLanguages());
    this.era = app.era;
    this.domStorage = new DomStorage(identity.storagePath);
  }

  /** A graceful quit writes what is pending; a crash loses it. */
  shutdown(crash: boolean): void {
    if (!crash) this.domStorage.flushSync();
  }
}

function defaultAcceptLanguages(): string {
  const locale = Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
  const base = locale.split('-')[0];
  return base && base !== locale ? `${locale},${base}` : locale;
}
