// The fuzz runner's command line: a fixed --seed runs the whole budget, and
// the replay command printed for any child runs exactly that child again,
// with the same seed, runs and actions.

import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { BUDGETS, childrenOf, planFrom, replayArgs } from '../../fuzz/run.ts';

describe('fuzz runner plans', () => {
  it('runs every child of the budget for a fixed seed', () => {
    const plan = planFrom(['--budget', 'long', '--seed', '77']);
    expect(plan.seed).toBe(77);
    expect(childrenOf(plan)).toHaveLength(ERA_IDS.length * BUDGETS.long.childrenPerEra);
    expect(new Set(childrenOf(plan).map((c) => c.seed)).size).toBe(ERA_IDS.length * BUDGETS.long.childrenPerEra);
  });

  it('replays exactly the child a finding came from, in every era and budget', () => {
    for (const budget of ['short', 'long', '25']) {
      const plan = planFrom(['--budget', budget, '--seed', '123456']);
      for (const child of childrenOf(plan)) {
        // `npm run fuzz` puts --budget long before the arguments it is given.
        const again = planFrom(['--budget', 'long', ...replayArgs(plan, child.era, child.seed, '3')]);
        expect(childrenOf(again)).toEqual([child]);
        expect([again.runs, again.actions, again.path]).toEqual([plan.runs, plan.actions, '3']);
      }
    }
  });

  it('names the budget in a replay of a plan built without one', () => {
    const plan = { eras: ERA_IDS, ...BUDGETS.long, seed: 5, jobs: 1 };
    const again = planFrom(replayArgs(plan, 'e12', 99));
    expect([again.runs, again.actions, childrenOf(again)]).toEqual([plan.runs, plan.actions, [{ era: 'e12', seed: 99 }]]);
  });

  it('refuses flags it cannot honour', () => {
    expect(() => planFrom(['--seed', 'abc'])).toThrow('--seed: a whole number, not abc');
    expect(() => planFrom(['--path', '2'])).toThrow('--child-seed');
    expect(() => planFrom(['--era', 'e99'])).toThrow('--era: unknown era e99');
    expect(() => planFrom(['--budget', '2.5'])).toThrow('--budget');
  });
});
