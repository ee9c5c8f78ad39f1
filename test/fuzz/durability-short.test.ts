// Crash durability in CI: a few dozen trials of a writer killed with
// SIGKILL at random moments (npm run fuzz:durability runs a thousand). Every
// acknowledged change survives, no temp file or damaged store is left, and
// the next start always opens.

import { describe, expect, it } from 'vitest';
import { durabilitySummary, runDurability } from '../../fuzz/durability.ts';

describe('crash durability of every persisted store (short budget)', () => {
  it('keeps every acknowledged change through kill -9, with no temp files or damage', async () => {
    const totals = await runDurability({ trials: 24, chains: 2, seed: Number(process.env.FUZZ_SEED) || 20_261_207 });
    const report = `${durabilitySummary(totals)}\n${totals.problems.join('\n')}`;
    expect(totals.trials).toBe(24);
    expect(totals.acknowledged).toBeGreaterThan(24);
    expect(totals.problems, report).toEqual([]);
  }, 600_000);
});
