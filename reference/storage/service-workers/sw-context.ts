// The service workers of one session (behind `ses.serviceWorkers`):
// registration from web content (the script fetched over the session's own
// network stack, run in a QuickJS sandbox on the PAC thread, never in Node
// nor on the event loop), the workers running now, starting and stopping
// them, and the events Electron's
// ServiceWorkerContext emits: 'console-message' for each console call or
// uncaught exception, 'registration-completed' (Electron 17+) once a
// registration's worker installed, 'running-status-changed' (Electron 33+)
// as a worker starts and stops. Registrations persist with the session.

import type { EventEmitter } from 'node:events';
import { createElectronEvent } from '../../events/electron-event.ts';
import type { SessionService, SessionServices } from '../../session/session-services.ts';
import { STORAGE_ERAS } from '../storage-era.ts';
import { SERVICE_WORKERS_OBJECT } from './service-workers-object.ts';
import { ServiceWorkerMain } from './service-worker-main.ts';
import { fetchWorkerScript, RegistrationError } from './sw-script-fetch.ts';
import { SwRegistrations, type Registration } from './sw-registrations.ts';
import { WorkerSandbox, type ConsoleMessage } from './sw-sandbox.ts';

/** How long a worker's script or event handler may run before it is stopped. */
export const WORKER_SCRIPT_BUDGET_MS = 2000;

let nextRenderProcessId = 5;

export type RunningStatus = 'starting' | 'running' | 'stopping' | 'stopped';

interface RunningWorker {
  versionId: number;
  scope: string;
  scriptURL: string;
  renderProcessId: number;
  sandbox: WorkerSandbox;
}

export class ServiceWorkerContext implements SessionService {
  readonly registrations: SwRegistrations;
  readonly #services: SessionServices;
  readonly #running = new Map<number, RunningWorker>();
  readonly #mains = new Map<number, ServiceWorkerMain>();

  constructor(services: SessionServices) {
    this.#services = services;
    this.registrations = new SwRegistrations(services.identity.storagePath);
  }

  get era(): SessionServices['era'] {
    return this.#services.era;
  }

  get #target(): EventEmitter | undefined {
    return this.#services.existingPublicObject(SERVICE_WORKERS_OBJECT);
  }

  #emitConsole(versionId: number, message: ConsoleMessage): void {
    this.#target?.emit('console-message', createElectronEvent(), { versionId, ...message });
  }

  #emitStatus(versionId: number, runningStatus: RunningStatus): void {
    if (STORAGE_ERAS[this.#services.era].runningStatusEvent)
      this.#target?.emit('running-status-changed', { versionId, runningStatus });
  }

  /** Starts a version's worker: its script evaluated, then `events` dispatched; stopped again on failure. */
  async #start(
    versionId: number,
    scope: string,
    scriptURL: string,
    source: string,
    events: string[],
  ): Promise<'ok' | 'error' | 'timeout'> {
    this.#emitStatus(versionId, 'starting');
    const sandbox = await WorkerSandbox.start(scriptURL, (m) => this.#emitConsole(versionId, m), WORKER_SCRIPT_BUDGET_MS);
    const worker: RunningWorker = { versionId, scope, scriptURL, renderProcessId: nextRenderProcessId++, sandbox };
    const evaluated = await sandbox.evaluate(source);
    if (evaluated.kind !== 'ok') {
      sandbox.dispose();
      this.#emitStatus(versionId, 'stopped');
      return evaluated.kind;
    }
    this.#running.set(versionId, worker);
    this.#emitStatus(versionId, 'running');
    for (const type of events) {
      const outcome = await sandbox.dispatch(type);
      if (outcome.kind === 'timeout') {
        this.#stop(versionId);
        return 'timeout';
      }
    }
    return 'ok';
  }

  #stop(versionId: number): void {
    const worker = this.#running.get(versionId);
    if (!worker) return;
    this.#emitStatus(versionId, 'stopping');
    this.#running.delete(versionId);
    worker.sandbox.dispose();
    this.#emitStatus(versionId, 'stopped');
  }

  /** navigator.serviceWorker.register(scriptURL, { scope }) from a page of the session. */
  async register(scriptURL: string, scope?: string): Promise<{ versionId: number; scope: string }> {
    const resourceType = STORAGE_ERAS[this.#services.era].workerScriptResourceType;
    const fetched = await fetchWorkerScript(this.#services.network, scriptURL, scope, resourceType);
    const scopeHref = fetched.scope.href;
    const scriptHref = fetched.script.href;
    const prefix = `Failed to register a ServiceWorker for scope ('${scopeHref}') with script ('${scriptHref}'): `;
    const versionId = this.registrations.newVersionId();
    const outcome = await this.#start(versionId, scopeHref, scriptHref, fetched.source, ['install']);
    if (outcome === 'error') throw new RegistrationError(`${prefix}ServiceWorker script evaluation failed`);
    if (outcome === 'timeout')
      throw new RegistrationError(`${prefix}Timed out while trying to start the Service Worker.`, 'AbortError');
    // The version this one replaces goes away.
    const previous = this.registrations.byScope(scopeHref);
    if (previous) this.#retire(previous.versionId);
    this.registrations.activate(scopeHref, scriptHref, fetched.scope.origin, versionId, fetched.source);
    if (STORAGE_ERAS[this.#services.era].registrationCompletedEvent) {
      this.#target?.emit('registration-completed', createElectronEvent(), { scope: scopeHref });
    }
    void this.#running.get(versionId)?.sandbox.dispatch('activate');
    return { versionId, scope: scopeHref };
  }

  #retire(versionId: number): void {
    this.#stop(versionId);
    this.#mains.get(versionId)?.destroy();
    this.#mains.delete(versionId);
  }

  getAllRunning(): Record<string, { scriptUrl: string; scope: string; renderProcessId: number }> {
    const out: Record<string, { scriptUrl: string; scope: string; renderProcessId: number }> = {};
    for (const worker of this.#running.values()) {
      out[String(worker.versionId)] = {
        scriptUrl: worker.scriptURL,
        scope: worker.scope,
        renderProcessId: worker.renderProcessId,
      };
    }
    return out;
  }

  runningInfo(versionId: number): { scriptUrl: string; scope: string; renderProcessId: number } | undefined {
    const worker = this.#running.get(versionId);
    return worker && { scriptUrl: worker.scriptURL, scope: worker.scope, renderProcessId: worker.renderProcessId };
  }

  /** The live version's ServiceWorkerMain (the same object each time), or undefined. */
  workerMain(versionId: number): ServiceWorkerMain | undefined {
    let main = this.#mains.get(versionId);
    if (main) return main;
    const registration = this.registrations.all().find((r) => r.versionId === versionId);
    const running = this.#running.get(versionId);
    const live = registration ?? running;
    if (!live) return undefined;
    main = ServiceWorkerMain.create(versionId, live.scope, live.scriptURL);
    this.#mains.set(versionId, main);
    return main;
  }

  /** serviceWorkers.startWorkerForScope: the registration's worker, started if it is not running. */
  async startForScope(scope: string): Promise<ServiceWorkerMain> {
    const registration = this.registrations.forClient(scope);
    if (!registration) throw new Error('Failed to start service worker.');
    if (!this.#running.has(registration.versionId)) {
      const outcome = await this.#start(
        registration.versionId,
        registration.scope,
        registration.scriptURL,
        registration.source,
        [],
      );
      if (outcome !== 'ok') throw new Error('Failed to start service worker.');
    }
    return this.workerMain(registration.versionId)!;
  }

  stopAll(): void {
    for (const versionId of [...this.#running.keys()]) this.#stop(versionId);
  }

  /** clearStorageData's part: the registrations of the origins `match` selects go, with their workers. */
  clear(match: (origin: string) => boolean): void {
    for (const removed of this.registrations.remove((r: Registration) => match(r.origin))) this.#retire(removed.versionId);
  }

  /** The scopes registered for an origin. */
  scopesOf(origin: string): string[] {
    return this.registrations
      .all()
      .filter((r) => r.origin === origin)
      .map((r) => r.scope);
  }

  flush(): Promise<void> {
    return this.registrations.flush();
  }

  async shutdown(crash: boolean): Promise<void> {
    for (const worker of this.#running.values()) worker.sandbox.dispose();
    this.#running.clear();
    await this.registrations.shutdown(crash);
  }
}

export function serviceWorkerContext(services: SessionServices): ServiceWorkerContext {
  return new ServiceWorkerContext(services);
}
