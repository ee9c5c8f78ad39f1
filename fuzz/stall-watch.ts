// Tells a stall of this thread's event loop from a machine too busy to run
// us. A timer ticks every 50 ms; a gap over the threshold between ticks is a
// stall only when the thread was blocked for that long by itself — running
// code or waiting in a system call — not when it sat runnable in the
// scheduler's queue while other processes had the cores. On Linux the
// thread's queue time comes from /proc/thread-self/schedstat (the kernel's
// count of nanoseconds spent runnable but not running). Elsewhere a watcher
// thread ticking every 20 ms stands in: when it stood still too, the whole
// process was descheduled and the gap says nothing about the code.

import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { workerData } = require('node:worker_threads');
const shared = new Float64Array(workerData);
let last = Date.now();
setInterval(() => {
  const now = Date.now();
  shared[0] = Math.max(shared[0], now - last);
  last = now;
}, 20);
`;

/** Milliseconds this thread has spent runnable but waiting for a core, or undefined where the kernel does not say. */
export function queuedMs(): number | undefined {
  try {
    const waitNs = Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[1]);
    return Number.isFinite(waitNs) ? waitNs / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

export interface Gap {
  /** Wall-clock time between two ticks. */
  gapMs: number;
  /** Of that, the time the thread waited for a core (when known). */
  queuedMs?: number;
  /** The longest gap of the watcher thread in the same time (the fallback). */
  watcherGapMs?: number;
}

/** Whether a gap over the threshold was the thread's own doing (a stall) rather than the machine's. */
export function isStall(gap: Gap, thresholdMs: number): boolean {
  if (gap.gapMs <= thresholdMs) return false;
  if (gap.queuedMs !== undefined) return gap.gapMs - gap.queuedMs > thresholdMs;
  return gap.watcherGapMs === undefined || gap.watcherGapMs < gap.gapMs / 2;
}

export class StallWatch {
  readonly #shared = new Float64Array(new SharedArrayBuffer(8));
  readonly #worker: Worker | undefined;
  readonly #timer: NodeJS.Timeout;
  #last = Date.now();
  #queued = queuedMs();
  /** Gaps the machine caused (not counted as stalls). */
  descheduled = 0;

  constructor(onStall: (gap: Gap, startedAt: number) => void, thresholdMs = 1000) {
    if (this.#queued === undefined) {
      this.#worker = new Worker(WATCHER, { eval: true, workerData: this.#shared.buffer });
      this.#worker.unref();
    }
    this.#timer = setInterval(() => {
      const now = Date.now();
      const queued = this.#worker ? undefined : queuedMs();
      const gap: Gap = { gapMs: now - this.#last };
      if (queued !== undefined && this.#queued !== undefined) gap.queuedMs = Math.round(queued - this.#queued);
      if (this.#worker) gap.watcherGapMs = this.#shared[0]!;
      this.#shared[0] = 0;
      this.#queued = queued;
      if (gap.gapMs > thresholdMs) {
        if (isStall(gap, thresholdMs)) onStall(gap, this.#last);
        else this.descheduled++;
      }
      this.#last = now;
    }, 50);
    this.#timer.unref();
  }

  /** Forget the time so far (set-up is not watched). */
  reset(): void {
    this.#last = Date.now();
    this.#queued = this.#worker ? undefined : queuedMs();
    this.#shared[0] = 0;
  }

  stop(): void {
    clearInterval(this.#timer);
    void this.#worker?.terminate();
  }
}
