// The event-loop check of tests that run hostile scripts (PAC, service
// workers): the fuzzer's stall rule, a gap over the threshold that this
// thread spent blocked rather than waiting for a core, so a busy machine is
// not taken for a blocked loop and a blocked loop is never excused.

import { type Gap, StallWatch } from '../../fuzz/stall-watch.ts';

export function watchStalls(thresholdMs = 1000): { stop(): Promise<Gap[]> } {
  const stalls: Gap[] = [];
  const watch = new StallWatch((gap) => stalls.push(gap), thresholdMs);
  return {
    async stop() {
      // The watch ticks every 50 ms: let a tick that was due while the loop was blocked run first.
      await new Promise((resolve) => setTimeout(resolve, 60));
      watch.stop();
      return stalls;
    },
  };
}
