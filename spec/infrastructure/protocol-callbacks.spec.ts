// Callbacks across whatever boundary the run's adapter has (none in-process,
// the agent protocol for remote: and attach:): listeners run synchronously
// inside the emitting call, their nested calls act before it returns, even
// when they emit again; listeners keep their identity and `this`; errors keep
// their class; promises settle.

import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: [],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary:
    'Listeners run synchronously with nested calls (re-entrant too), keep identity and this; errors keep their class; promises settle.',
});

const t = useTarget(meta);

type Listener = (...args: unknown[]) => void;
interface Emitter {
  on(event: string, listener: Listener): unknown;
  removeListener(event: string, listener: Listener): unknown;
  listeners(event: string): Listener[];
  listenerCount(event: string): number;
}

const app = () => t.app as unknown as Emitter;
const cleanups: Array<() => void> = [];
function listen(listener: Listener): void {
  app().on('session-created', listener);
  cleanups.push(() => app().removeListener('session-created', listener));
}

let counter = 0;
const fresh = (label: string) => `protocol-${label}-${++counter}`;

describe('callbacks across the adapter boundary', () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it("runs a listener inside the emitting call, and the listener's own calls act before that call returns", () => {
    const steps: string[] = [];
    listen((ses) => {
      steps.push('listener');
      (ses as Session).setUserAgent('set-in-listener/1.0');
      steps.push(`listener read ${(ses as Session).getUserAgent()}`);
    });
    const ses = t.session.fromPartition(fresh('sync'));
    steps.push('returned');
    expect(steps).toEqual(['listener', 'listener read set-in-listener/1.0', 'returned']);
    expect(ses.getUserAgent()).toBe('set-in-listener/1.0');
  });

  it('lets a listener emit again: the nested emission completes inside the outer listener', () => {
    const outer = fresh('outer');
    const inner = fresh('inner');
    const steps: string[] = [];
    listen(() => {
      if (steps.length === 0) {
        steps.push('outer listener starts');
        const created = t.session.fromPartition(inner);
        steps.push(`outer listener got ${created === t.session.fromPartition(inner) ? 'the inner session' : 'something else'}`);
      } else {
        steps.push('inner listener');
      }
    });
    t.session.fromPartition(outer);
    steps.push('outer call returned');
    expect(steps).toEqual([
      'outer listener starts',
      'inner listener',
      'outer listener got the inner session',
      'outer call returned',
    ]);
  });

  it('keeps a listener function and its this: it is found among the listeners, removed by identity, and called on the emitter', () => {
    let self: unknown;
    const listener = function (this: unknown) {
      self = this;
    };
    const before = app().listenerCount('session-created');
    app().on('session-created', listener);
    expect(app().listeners('session-created')).toContain(listener);
    t.session.fromPartition(fresh('this'));
    expect(self).toBe(t.app);
    app().removeListener('session-created', listener);
    expect(app().listenerCount('session-created')).toBe(before);
  });

  it('passes the same object to a listener that the emitting call returns', () => {
    const seen: unknown[] = [];
    listen((ses) => seen.push(ses));
    const ses = t.session.fromPartition(fresh('identity'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(ses);
  });

  it('keeps the class and message of a thrown error', () => {
    let thrown: unknown;
    try {
      t.session.fromPartition(42 as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });

  it('settles promises of the implementation', async () => {
    await expect(t.app.whenReady()).resolves.toBeUndefined();
  });
});
