// The sessions of one app, keyed as Electron keys them: partition strings
// (case-sensitive) and absolute paths live in separate maps, the default
// session is the empty partition, and a key always yields the same object.

import { randomUUID } from 'node:crypto';
import type { App } from '../app/app.ts';
import { provideBrowserContexts } from './browser-contexts.ts';
import { defaultIdentity, partitionIdentity, pathIdentity, PERSIST_PREFIX, type SessionIdentity } from '../session/identity.ts';
import { composeSession, type ReferenceSession } from '../session/compose.ts';
import type { SessionServices } from '../session/session-services.ts';

export class PartitionRegistry {
  readonly #app: App;
  readonly #partitions = new Map<string, ReferenceSession>();
  readonly #paths = new Map<string, ReferenceSession>();
  readonly #services = new Set<SessionServices>();
  #default: ReferenceSession | undefined;

  constructor(app: App) {
    this.#app = app;
    provideBrowserContexts(app, {
      defaultSession: () => this.defaultSession(),
      independent: () =>
        this.#create(partitionIdentity(randomUUID(), this.#app.getPath('sessionData'), true), { announce: false }),
    });
  }

  defaultSession(): ReferenceSession {
    this.#default ??= this.#create(defaultIdentity(this.#app.getPath('sessionData')));
    return this.#default;
  }

  fromPartition(partition: string, cache: boolean): ReferenceSession {
    if (partition === '' || partition === PERSIST_PREFIX) return this.defaultSession();
    let session = this.#partitions.get(partition);
    if (!session) {
      session = this.#create(partitionIdentity(partition, this.#app.getPath('sessionData'), cache));
      this.#partitions.set(partition, session);
    }
    return session;
  }

  fromPath(absolutePath: string, cache: boolean): ReferenceSession {
    let session = this.#paths.get(absolutePath);
    if (!session) {
      session = this.#create(pathIdentity(absolutePath, cache));
      this.#paths.set(absolutePath, session);
    }
    return session;
  }

  #create(identity: SessionIdentity, { announce = true } = {}): ReferenceSession {
    const { session, services } = composeSession(this.#app, identity);
    this.#services.add(services);
    if (announce) this.#app.emit('session-created', session);
    return session;
  }

  async shutdown(crash: boolean): Promise<void> {
    await Promise.all([...this.#services].map((services) => services.shutdown(crash)));
  }
}
