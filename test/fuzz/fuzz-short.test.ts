// The fuzzing suite's short, fixed budget in CI (npm run fuzz runs the long
// one): every era, hostile arguments and callback answers for every member
// found in the inventories and the area registry, in child processes. Any
// crash, hang, stall, wrong-form error or uncaught error fails the test
// with the command that replays it.

import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { BUDGETS, runFuzz, summary } from '../../fuzz/run.ts';

describe('fuzzing every public member (short budget)', () => {
  it('finds no crash, hang, stall, wrong-form error or uncaught error', async () => {
    const seed = Number(process.env.FUZZ_SEED) || 20_261_207;
    const lines: string[] = [];
    const totals = await runFuzz({ eras: ERA_IDS, ...BUDGETS.short, seed, jobs: 2 }, (line) => lines.push(line));
    const report = `${summary(totals)}\n${lines.filter((l) => !/^\w+ seed \d+:/.test(l)).join('\n')}`;
    expect(totals.children).toBe(ERA_IDS.length);
    expect(totals.calls).toBeGreaterThan(100);
    expect(totals.findings, report).toEqual([]);
  }, 600_000);
});
