// The main thread's side of the PAC thread (pac-worker.ts): one Worker per
// process for every PAC script of every session, as Chromium runs PAC in one
// proxy resolver service (service-worker scripts run there too). It starts on first use, with V8 heap and stack
// limits and a ceiling on the WebAssembly memory QuickJS lives in. A request
// the thread runs past its time gets the thread killed (QuickJS's own
// deadline cannot interrupt a single long operation); a thread that fails,
// runs out of memory or reports a runtime it would not reuse is replaced,
// and the scripts load again into the new one (`generation` tells). The app's
// event loop never waits for a script.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkoutWorkerBundle } from './pac-worker-bundle.ts';
import { PROGRESS, progressClock, type PacReady, type PacReply, type PacRequest } from './pac-thread-messages.ts';

/** An answer, or the thread died before it gave one (`own`: this request's deadline killed it). */
export type ThreadAnswer = PacReply | { id: number; terminated: string; own: boolean };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (answer: ThreadAnswer) => void; timer: NodeJS.Timeout | undefined };

/** How long past a request's own budget the thread may take before it is killed. */
const GRACE_MS = 500;

const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };
/** The WebAssembly memory ceiling of all sandboxes together: 128 MiB. */
const WASM_PAGES = 2048;

/** Beside this file in the sources and in dist/; from dist/cjs/'s bundle, in dist/reference/proxy/pac/. */
const ENTRY = [
  new URL('./pac-worker-entry.js', import.meta.url),
  new URL('../reference/proxy/pac/pac-worker-entry.js', import.meta.url),
].find((url) => existsSync(fileURLToPath(url)))!;

class PacThread {
  #worker: Worker | undefined;
  /** What the current thread is doing (pac-thread-messages.ts PROGRESS), and the epoch of its clock. */
  #progress = new Int32Array(new SharedArrayBuffer(0));
  #epoch = 0;
  #ready: Promise<void> | undefined;
  #generation = 0;
  #nextId = 1;
  #nextSandbox = 1;
  readonly #pending = new Map<number, Pending>();

  /** Changes whenever the thread is replaced: sandboxes of an older generation are gone. */
  get generation(): number {
    return this.#generation;
  }

  newSandboxId(): number {
    return this.#nextSandbox++;
  }

  #start(): Promise<void> {
    if (this.#ready) return this.#ready;
    const progress = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    const epoch = Date.now();
    const workerData = { wasmPages: WASM_PAGES, progress, epoch };
    const worker = new Worker(checkoutWorkerBundle() ?? ENTRY, {
      workerData,
      resourceLimits: RESOURCE_LIMITS,
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    this.#progress = progress;
    this.#epoch = epoch;
    const generation = this.#generation;
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (first: PacReady) => {
        if (!first.ready) return reject(new Error('the PAC thread did not start'));
        // An idle PAC thread must not keep the process alive; a request refs it again.
        if (!this.#pending.size) worker.unref();
        resolve();
      });
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the PAC thread exited while starting')));
    });
    this.#ready.catch(() => undefined);
    worker.on('message', (message: PacReply | PacReady) => {
      if (!('id' in message)) return;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if (!this.#pending.size) worker.unref();
      pending.resolve(message);
      if (!message.clean) this.#replace(generation, 'its runtime failed');
    });
    worker.on('error', (error) => this.#replace(generation, error.message));
    worker.on('exit', () => this.#replace(generation, 'it exited'));
    return this.#ready;
  }

  /** Ends the thread of `generation` (if it is still the current one); everything waiting on it is told. */
  #replace(generation: number, reason: string, culprit?: number): void {
    if (generation !== this.#generation) return;
    this.#generation++;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    void worker?.terminate();
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.resolve({ id, terminated: reason, own: id === culprit });
    }
    this.#pending.clear();
  }

  /** Sends a request; the answer comes within `budgetMs` (plus a grace period) or the thread is killed. */
  async request(request: WithoutId<Exclude<PacRequest, { op: 'drop' }>>, budgetMs: number): Promise<ThreadAnswer> {
    const id = this.#nextId++;
    try {
      await this.#start();
    } catch (error) {
      this.#replace(this.#generation, (error as Error).message);
      return { id, terminated: `the PAC thread could not start: ${(error as Error).message}`, own: false };
    }
    const generation = this.#generation;
    const progress = this.#progress;
    const epoch = this.#epoch;
    const limitMs = budgetMs + GRACE_MS;
    return new Promise<ThreadAnswer>((resolve) => {
      const pending: Pending = { resolve, timer: undefined };
      // The limit counts the thread's own time on this request, read from
      // what the thread shares: not the time it waits behind other requests,
      // nor the time this event loop takes to pick up an answer already sent.
      const watch = () => {
        if (!this.#pending.has(id) || Atomics.load(progress, PROGRESS.answered) >= id) return;
        const ranMs =
          Atomics.load(progress, PROGRESS.running) === id
            ? (progressClock(epoch) - Atomics.load(progress, PROGRESS.startedAt)) | 0
            : 0;
        if (ranMs >= limitMs) this.#replace(generation, 'a script ran past its time limit', id);
        else pending.timer = setTimeout(watch, limitMs - ranMs);
      };
      pending.timer = setTimeout(watch, limitMs);
      this.#pending.set(id, pending);
      // A request in flight keeps the process alive until its answer comes.
      this.#worker!.ref();
      this.#worker!.postMessage({ ...request, id } as PacRequest);
    });
  }

  /** Forgets a sandbox (its script was replaced or its session closed). */
  drop(sandbox: number, generation: number): void {
    if (generation === this.#generation && this.#worker)
      this.#worker.postMessage({ id: 0, op: 'drop', sandbox } satisfies PacRequest);
  }
}

/** The process's PAC thread. */
export const pacThread = new PacThread();
