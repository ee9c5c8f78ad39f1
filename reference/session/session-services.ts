// The state of one session, split into services that each own one concern.
// Public members validate and then call exactly one of these; nothing else
// touches their state. Core services are fields; an area's service (cookies,
// proxy, ...) is created on first use through `use(Factory)`, so areas add
// services without touching this file. What the composition root hands every
// service (the network stack, the era, the public objects) is reached here,
// so no area imports another to force an order of construction.

import { mkdirSync } from 'node:fs';
import { sweepStaleTemps } from '../storage/atomic-file.ts';
import { warnStoreWrite } from '../storage/store-file.ts';
import type { EventEmitter } from 'node:events';
import type { EraId } from '../../contract/eras/eras.ts';
import type { App } from '../app/app.ts';
import type { NetworkService } from '../net/network-service.ts';
import { DomStorage } from '../storage/dom-storage.ts';
import type { SessionIdentity } from './identity.ts';
import { createPublicObject, type PublicObjectKind } from './public-object.ts';
import { SESSION_ERAS } from './session-era.ts';

/**
 * A session's user agent: its own override if one was set (even ''),
 * otherwise the app's fallback. Electron 17.4.9+ reads the fallback at each
 * use; earlier lines copied it when the session was created.
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

/** A per-session service an area owns. */
export interface SessionService {
  /** Called on quit; `crash` means nothing may be flushed. May be async on graceful quit. */
  shutdown?(crash: boolean): void | Promise<void>;
  /** A service that keeps data on disk: resolves once every change made so far is written. */
  flush?(): Promise<void>;
}

export type ServiceFactory<T extends SessionService> = (services: SessionServices) => T;

/** What the composition root supplies: how a session's network stack is built. */
export interface SessionWiring {
  network: ServiceFactory<NetworkService>;
}

export class SessionServices {
  readonly identity: SessionIdentity;
  readonly era: EraId;
  readonly app: App;
  readonly userAgent: UserAgentSettings;
  readonly preloads = new PreloadList();
  readonly domStorage: DomStorage;
  readonly #areas = new Map<ServiceFactory<SessionService>, SessionService>();
  readonly #objects = new Map<PublicObjectKind, object>();
  readonly #wiring: SessionWiring;
  #session: EventEmitter | undefined;

  constructor(app: App, identity: SessionIdentity, wiring: SessionWiring) {
    this.#wiring = wiring;
    this.app = app;
    this.era = app.era;
    this.identity = identity;
    // Chromium creates a persistent profile's directory as the profile opens.
    // A path the file system refuses (too long, under a file) still gives a
    // session, as in Electron: its stores then keep their data in memory.
    if (identity.storagePath) {
      try {
        mkdirSync(identity.storagePath, { recursive: true });
      } catch (error) {
        warnStoreWrite(identity.storagePath, error);
      }
      // Temp files of writers killed mid-write, in every store of the session (not other sessions' folders).
      sweepStaleTemps(identity.storagePath, ['Partitions']);
    }
    const fallbackAtCreation = app.userAgentFallback;
    const followsFallback = SESSION_ERAS[this.era].userAgentFollowsFallback;
    this.userAgent = new UserAgentSettings(
      followsFallback ? () => app.userAgentFallback : () => fallbackAtCreation,
      defaultAcceptLanguages(),
    );
    this.domStorage = new DomStorage(identity.storagePath);
  }

  /** The public Session object, for services that emit its events. */
  get session(): EventEmitter {
    if (!this.#session) throw new Error('session services used before their Session exists');
    return this.#session;
  }

  attach(session: EventEmitter): void {
    this.#session = session;
  }

  /** The session's network stack, built on first use with every area's hook installed. */
  get network(): NetworkService {
    return this.use(this.#wiring.network);
  }

  /** The session's one public object of `kind` (the same object on every read), bound to its service. */
  publicObject<T extends SessionService>(kind: PublicObjectKind, factory: ServiceFactory<T>): object {
    let object = this.#objects.get(kind);
    if (!object) {
      object = createPublicObject(kind, this.era, this.use(factory));
      this.#objects.set(kind, object);
    }
    return object;
  }

  /** The public object of `kind` if a caller has ever read it (events go nowhere before that). */
  existingPublicObject(kind: PublicObjectKind): EventEmitter | undefined {
    return this.#objects.get(kind) as EventEmitter | undefined;
  }

  use<T extends SessionService>(factory: ServiceFactory<T>): T {
    let service = this.#areas.get(factory) as T | undefined;
    if (!service) {
      service = factory(this);
      this.#areas.set(factory, service);
    }
    return service;
  }

  /**
   * Writes what every store of the session holds and resolves when it is on
   * disk (DOM storage and each service that has a `flush`): what a test of
   * crash durability takes as acknowledged.
   */
  async flushStores(): Promise<void> {
    await this.domStorage.flush();
    await Promise.all([...this.#areas.values()].map((s) => s.flush?.()));
  }

  /** A graceful quit writes what is pending; a crash loses it. */
  async shutdown(crash: boolean): Promise<void> {
    if (!crash) this.domStorage.flushSync();
    await Promise.all([...this.#areas.values()].map((s) => s.shutdown?.(crash)));
  }
}

/** Computed once: the process's default locale does not change, and asking ICU for it costs milliseconds per session. */
let acceptLanguages: string | undefined;

function defaultAcceptLanguages(): string {
  if (acceptLanguages === undefined) {
    const locale = Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
    const base = locale.split('-')[0];
    acceptLanguages = base && base !== locale ? `${locale},${base}` : locale;
  }
  return acceptLanguages;
}
