// The actions of one fuzz run, as printable data: call a member with
// arguments, read or write a property, listen to an event, make a page or
// device stimulus, or fetch a fixture URL. Generated per era from the
// members found on a live target (surface.ts).

import fc from 'fast-check';
import { callbackMember } from '../contract/eras/callback-api.ts';
import type { EraId } from '../contract/eras/eras.ts';
import { genericArgs, hintsFor } from './hints.ts';
import { stimulusArb, type Stimulus } from './stimuli.ts';
import type { SurfaceMember } from './surface.ts';
import { callbackArb, valueArb, type Desc } from './values.ts';

/** How many sessions a run works with: default, in-memory partition, persist: partition, fromPath. */
export const SESSION_POOL = 4;

export type Action =
  | { t: 'call'; member: string; target: number; args: Desc[]; legacyCallback: boolean }
  | { t: 'read'; member: string; target: number }
  | { t: 'write'; member: string; target: number; value: Desc }
  | { t: 'listen'; member: string; target: number; listener: Desc }
  | ({ t: 'stimulus' } & Stimulus)
  | { t: 'fetch'; target: number; url: number };

export interface ActionWorld {
  era: EraId;
  surface: readonly SurfaceMember[];
  driverCommands: readonly string[];
  urls: number;
  pacScripts: number;
  /** Worker scripts whose URLs follow the `urls` in the pool (stimuli.ts). */
  workerScripts?: number;
}

export function actionArb(world: ActionWorld): fc.Arbitrary<Action> {
  const sizes = { urls: world.urls, pacScripts: world.pacScripts };
  const hints = hintsFor(sizes);
  const target = fc.nat(SESSION_POOL - 1);
  const argsFor = (name: string): fc.Arbitrary<Desc[]> => {
    const hint = hints.find(([pattern]) => pattern.test(name))?.[1];
    return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: genericArgs(sizes) }) : genericArgs(sizes);
  };
  const methods = world.surface.filter((m) => m.kind === 'method');
  const properties = world.surface.filter((m) => m.kind === 'property');
  const events = world.surface.filter((m) => m.kind === 'event');
  const choices: fc.WeightedArbitrary<Action>[] = [];
  if (methods.length) {
    choices.push({
      weight: 10,
      arbitrary: fc.constantFrom(...methods).chain((m) =>
        fc.record({
          t: fc.constant('call' as const),
          member: fc.constant(m.name),
          target,
          args: argsFor(m.name),
          legacyCallback: callbackMember(world.era, m.name) ? fc.boolean() : fc.constant(false),
        }),
      ),
    });
  }
  if (properties.length) {
    choices.push({
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('read' as const),
        member: fc.constantFrom(...properties.map((p) => p.name)),
        target,
      }),
    });
    choices.push({
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('write' as const),
        member: fc.constantFrom(...properties.map((p) => p.name)),
        target,
        value: valueArb(sizes, 1),
      }),
    });
  }
  if (events.length) {
    choices.push({
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('listen' as const),
        member: fc.constantFrom(...events.map((e) => e.name)),
        target,
        listener: callbackArb(valueArb(sizes, 1)),
      }),
    });
  }
  const stimuli = stimulusArb(world.driverCommands, {
    ...sizes,
    sessions: SESSION_POOL,
    ...(world.workerScripts ? { workerScripts: world.workerScripts } : {}),
  });
  if (stimuli) choices.push({ weight: 3, arbitrary: stimuli.map((s): Action => ({ t: 'stimulus', ...s })) });
  choices.push({ weight: 3, arbitrary: fc.record({ t: fc.constant('fetch' as const), target, url: fc.nat(world.urls - 1) }) });
  return fc.oneof(...choices);
}

export function describeAction(action: Action, index: number): string {
  switch (action.t) {
    case 'call':
    case 'read':
    case 'write':
    case 'listen':
      return `#${index} ${action.t} ${action.member}`;
    case 'stimulus':
      return `#${index} stimulus ${action.command}`;
    case 'fetch':
      return `#${index} fetch`;
  }
}
