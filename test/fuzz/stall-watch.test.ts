// The fuzzer's stall watch: a main thread that blocks its own event loop
// (running code or waiting in a system call) for over a second is a stall;
// a gap spent waiting for a core on a loaded machine is not.

import { describe, expect, it } from 'vitest';
import { isStall, queuedMs, StallWatch, type Gap } from '../../fuzz/stall-watch.ts';

/** Blocks the thread: running code for `ms` of CPU time, or waiting `ms` in a system call. */
function blockFor(ms: number, how: 'busy' | 'wait'): void {
  if (how === 'wait') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  else {
    const cpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    for (const end = cpu() + ms; cpu() < end; );
  }
}

async function gapsWhile(block: () => void): Promise<{ stalls: Gap[]; descheduled: number }> {
  const stalls: Gap[] = [];
  const watch = new StallWatch((gap) => stalls.push(gap), 500);
  await new Promise((r) => setTimeout(r, 120));
  block();
  await new Promise((r) => setTimeout(r, 120));
  watch.stop();
  return { stalls, descheduled: watch.descheduled };
}

describe('stall watch', () => {
  it('reports a loop blocked by running code', async () => {
    const { stalls } = await gapsWhile(() => blockFor(900, 'busy'));
    expect(stalls.length).toBe(1);
    expect(stalls[0]!.gapMs).toBeGreaterThanOrEqual(900);
  }, 30_000);

  it('reports a loop blocked in a system call that uses no CPU', async () => {
    const { stalls } = await gapsWhile(() => blockFor(900, 'wait'));
    expect(stalls.length).toBe(1);
  }, 30_000);

  it('does not count time the thread waited for a core', () => {
    expect(isStall({ gapMs: 1200, queuedMs: 900 }, 1000)).toBe(false);
    expect(isStall({ gapMs: 1200, queuedMs: 100 }, 1000)).toBe(true);
    expect(isStall({ gapMs: 3000, queuedMs: 1500 }, 1000)).toBe(true);
    expect(isStall({ gapMs: 900, queuedMs: 0 }, 1000)).toBe(false);
    // Without the kernel's figures, a watcher thread that stood still too means the process was descheduled.
    expect(isStall({ gapMs: 1200, watcherGapMs: 1150 }, 1000)).toBe(false);
    expect(isStall({ gapMs: 1200, watcherGapMs: 20 }, 1000)).toBe(true);
  });

  it.runIf(process.platform === 'linux')("reads this thread's queue time from the kernel", () => {
    const before = queuedMs();
    expect(before).toBeGreaterThanOrEqual(0);
    blockFor(50, 'busy');
    expect(queuedMs()).toBeGreaterThanOrEqual(before!);
  });
});
