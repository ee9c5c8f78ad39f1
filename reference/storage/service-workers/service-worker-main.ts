// ServiceWorkerMain (Electron 33+, experimental): the main process's handle
// on one live version of a service worker, the same object for the same
// version while it lives. The reference offers its identity (versionId,
// scope, scriptURL) and whether it is destroyed; messaging into the worker
// is not modelled.

import { EventEmitter } from 'node:events';

const CONSTRUCT = Symbol('construct');

export class ServiceWorkerMain extends EventEmitter {
  readonly #versionId: number;
  readonly #scope: string;
  readonly #scriptURL: string;
  #destroyed = false;

  constructor(token: unknown, versionId: number, scope: string, scriptURL: string) {
    if (token !== CONSTRUCT) throw new Error("ServiceWorkerMain objects cannot be created with 'new'");
    super();
    this.#versionId = versionId;
    this.#scope = scope;
    this.#scriptURL = scriptURL;
  }

  static create(versionId: number, scope: string, scriptURL: string): ServiceWorkerMain {
    return new ServiceWorkerMain(CONSTRUCT, versionId, scope, scriptURL);
  }

  get versionId(): number {
    return this.#versionId;
  }

  get scope(): string {
    return this.#scope;
  }

  get scriptURL(): string {
    return this.#scriptURL;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The version was removed (unregistered or its data cleared). */
  destroy(): void {
    this.#destroyed = true;
  }
}
