// The service worker registrations of a session, as Chromium's
// ServiceWorkerRegistry keeps them: a scope, the script of its active
// version, and ids that never repeat within the session's data (the next
// ids are stored with the registrations). Persistent sessions keep them in
// `Service Worker/Database/` and write every change at once, atomically.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file.ts';

export interface Registration {
  registrationId: number;
  scope: string;
  scriptURL: string;
  versionId: number;
  origin: string;
  /** The installed script, as Chromium keeps it in its script cache. */
  source: string;
}

interface RegistryFile {
  nextRegistrationId: number;
  nextVersionId: number;
  registrations: Registration[];
}

const FILE = path.join('Service Worker', 'Database', 'registrations.json');

export class SwRegistrations {
  readonly #file: string | null;
  #data: RegistryFile = { nextRegistrationId: 0, nextVersionId: 0, registrations: [] };
  #queue: Promise<void> = Promise.resolve();
  #crashed = false;

  constructor(storagePath: string | null) {
    this.#file = storagePath && path.join(storagePath, FILE);
    if (this.#file) this.#load(this.#file);
  }

  #load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const data = JSON.parse(text) as RegistryFile;
      if (Array.isArray(data.registrations)) this.#data = data;
    } catch {
      rmSync(file, { force: true });
    }
  }

  all(): Registration[] {
    return this.#data.registrations.map((r) => ({ ...r }));
  }

  /** The registration whose scope is the longest prefix of `url` (FindRegistrationForClientUrl). */
  forClient(url: string): Registration | undefined {
    let best: Registration | undefined;
    for (const r of this.#data.registrations) {
      if (url.startsWith(r.scope) && (!best || r.scope.length > best.scope.length)) best = r;
    }
    return best && { ...best };
  }

  byScope(scope: string): Registration | undefined {
    const found = this.#data.registrations.find((r) => r.scope === scope);
    return found && { ...found };
  }

  /** An id no version of this session had. */
  newVersionId(): number {
    const id = this.#data.nextVersionId++;
    this.#write();
    return id;
  }

  /** Stores `versionId` as the active version of `scope` (a new registration if the scope had none). */
  activate(scope: string, scriptURL: string, origin: string, versionId: number, source: string): Registration {
    const existing = this.#data.registrations.find((r) => r.scope === scope);
    let registration: Registration;
    if (existing) {
      Object.assign(existing, { scriptURL, versionId, source });
      registration = existing;
    } else {
      registration = { registrationId: this.#data.nextRegistrationId++, scope, scriptURL, versionId, origin, source };
      this.#data.registrations.push(registration);
    }
    this.#write();
    return { ...registration };
  }

  /** Removes the registrations `match` selects; returns them. */
  remove(match: (r: Registration) => boolean): Registration[] {
    const removed = this.#data.registrations.filter(match);
    if (!removed.length) return [];
    this.#data.registrations = this.#data.registrations.filter((r) => !match(r));
    this.#write();
    return removed;
  }

  #write(): void {
    const file = this.#file;
    if (!file) return;
    const task = async () => {
      if (!this.#crashed) await writeFileAtomic(file, JSON.stringify(this.#data));
    };
    this.#queue = this.#queue.then(task, task).catch(() => undefined);
  }

  flush(): Promise<void> {
    return this.#queue;
  }

  async shutdown(crash: boolean): Promise<void> {
    if (crash) this.#crashed = true;
    else await this.flush();
  }
}
