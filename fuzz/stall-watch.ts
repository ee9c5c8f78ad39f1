// Tells a stall of this thread's event loop from a machine too busy to run
// us. A watcher thread ticks every 20 ms and records the longest gap between
// its own ticks; when the main loop stood still for over a second while the
// watcher kept ticking, the main thread itself was busy (a stall). When the
// watcher stood still too, the whole process was descheduled (another
// process had the cores) and the gap says nothing about the code.

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

export class StallWatch {
  readonly #shared = new Float64Array(new SharedArrayBuffer(8));
  readonly #worker: Worker;
  readonly #timer: NodeJS.Timeout;
  #last = Date.now();
  /** Gaps the whole process suffered (not counted as stalls). */
  descheduled = 0;

  constructor(onStall: (gapMs: number, startedAt: number) => void, thresholdMs = 1000) {
    this.#worker = new Worker(WATCHER, { eval: true, workerData: this.#shared.buffer });
    this.#worker.unref();
    this.#timer = setInterval(() => {
      const now = Date.now();
      const gap = now - this.#last;
      const watcherGap = this.#shared[0]!;
      this.#shared[0] = 0;
      if (gap > thresholdMs) {
        if (watcherGap < gap / 2) onStall(gap, this.#last);
        else this.descheduled++;
      }
      this.#last = now;
    }, 50);
    this.#timer.unref();
  }

  /** Forget the time so far (set-up is not watched). */
  reset(): void {
    this.#last = Date.now();
    this.#shared[0] = 0;
  }

  stop(): void {
    clearInterval(this.#timer);
    void this.#worker.terminate();
  }
}
