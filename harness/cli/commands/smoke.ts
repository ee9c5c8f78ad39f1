// `smoke`: a quick check that an agent speaks the protocol, before a full run:
// handshake, a target, fromPartition, an event and a synchronous callback
// round trip, a synchronous throw and an asynchronous rejection, dispose.
// Prints one line per check and a verdict line.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RemoteAdapter } from '../../adapters/remote-adapter.ts';
import type { Target } from '../../api/target.ts';
import { parseAdapter, parseEras, UsageError } from '../options.ts';
import type { Command } from './command.ts';

interface Check {
  name: string;
  run(target: Target): void | Promise<void>;
}

type Listener = (...args: unknown[]) => void;
type Emitter = { on(event: string, l: Listener): unknown; removeListener(event: string, l: Listener): unknown };

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs `fn` with a 'session-created' listener on the target's app. */
function withCreated<T>(target: Target, listener: Listener, fn: () => T): T {
  const app = target.app as unknown as Emitter;
  app.on('session-created', listener);
  try {
    return fn();
  } finally {
    app.removeListener('session-created', listener);
  }
}

let counter = 0;
const fresh = (label: string) => `smoke-${label}-${process.pid}-${++counter}`;

const CHECKS: Check[] = [
  {
    name: 'fromPartition returns one object per partition',
    run(target) {
      const name = fresh('identity');
      const ses = target.session.fromPartition(name);
      assert(ses && typeof ses === 'object', 'fromPartition returned no object');
      assert(target.session.fromPartition(name) === ses, 'the same partition gave two objects');
    },
  },
  {
    name: "event round trip: app 'session-created' reaches a runner listener with the session",
    run(target) {
      const seen: unknown[] = [];
      const ses = withCreated(
        target,
        (s) => seen.push(s),
        () => target.session.fromPartition(fresh('event')),
      );
      assert(seen.length === 1 && seen[0] === ses, `the listener saw ${seen.length} event(s), not the new session once`);
    },
  },
  {
    name: 'synchronous callback: a listener acts (nested call) before the emitting call returns',
    run(target) {
      const agent = `smoke-agent/${counter}`;
      let returned = false;
      let early = false;
      const ses = withCreated(
        target,
        (s) => {
          early = !returned;
          (s as { setUserAgent(ua: string): void }).setUserAgent(agent);
        },
        () => target.session.fromPartition(fresh('sync')),
      );
      returned = true;
      assert(early, 'the listener ran after fromPartition returned');
      assert(ses.getUserAgent() === agent, 'the nested setUserAgent did not take effect before fromPartition returned');
    },
  },
  {
    name: 'synchronous throw: fromPartition(42) throws a TypeError',
    run(target) {
      let thrown: unknown;
      try {
        target.session.fromPartition(42 as never);
      } catch (error) {
        thrown = error;
      }
      assert(thrown instanceof TypeError, `expected a TypeError, got ${String(thrown)}`);
    },
  },
  {
    name: 'asynchronous rejection: a rejected promise arrives as a rejection with its error',
    async run(target) {
      const link = (target as unknown as { link: { peer: { request(f: object): unknown } } }).link;
      const promise = link.peer.request({ op: 'echo', value: new RangeError('smoke'), completion: 'rejected' });
      assert(promise instanceof Promise, 'the agent did not answer with a promise');
      const outcome = await promise.then(
        () => 'resolved',
        (error: unknown) => error,
      );
      assert(
        outcome instanceof RangeError && outcome.message === 'smoke',
        `expected a RangeError rejection, got ${String(outcome)}`,
      );
    },
  },
];

async function smoke(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      adapter: { type: 'string' },
      era: { type: 'string' },
      'validate-protocol': { type: 'boolean', default: false },
    },
  });
  if (!values.adapter) throw new UsageError('smoke needs --adapter remote:<command> or attach:<address>');
  const spec = parseAdapter(values.adapter);
  if (spec.kind === 'reference') throw new UsageError('smoke checks an agent: use remote:<command> or attach:<address>');
  if (values['validate-protocol']) spec.validateProtocol = true;
  if (values.era === 'all') throw new UsageError('smoke runs in one era');
  const [era] = parseEras(values.era, ['current']);

  const adapter = new RemoteAdapter(spec);
  const userData = await mkdtemp(path.join(os.tmpdir(), 'session-conformance-smoke-'));
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const line = (ok: boolean, name: string, detail?: string) => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
  };
  let target: Target | undefined;
  try {
    try {
      const info = await adapter.describe();
      line(true, `handshake: ${info.name} ${info.version} (${info.language}, eras ${info.eras.join(' ')}, ${info.platform})`);
    } catch (error) {
      line(false, 'handshake', String(error));
      throw error;
    }
    try {
      target = await adapter.createTarget({ era: era!, userDataDir: userData });
      line(true, `target created in era ${era} (capabilities: ${[...target.capabilities].join(', ') || 'none'})`);
    } catch (error) {
      line(false, `target in era ${era}`, String(error));
      throw error;
    }
    for (const check of CHECKS) {
      try {
        await check.run(target);
        line(true, check.name);
      } catch (error) {
        line(false, check.name, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    }
    try {
      await target.dispose();
      target = undefined;
      line(true, 'target disposed');
    } catch (error) {
      line(false, 'dispose', String(error));
    }
  } catch {
    // Reported above; the verdict follows.
  } finally {
    await target?.dispose().catch(() => {});
    await rm(userData, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = failed === 0 ? 'PASS' : 'FAIL';
  console.log(`smoke ${verdict}: ${passed} passed, ${failed} failed · ${adapter.name} · ${seconds}s`);
  return failed === 0 ? 0 : 1;
}

export const smokeCommand: Command = {
  name: 'smoke',
  usage: `smoke      check an agent speaks the protocol
             --adapter remote:<command> the agent process to start, e.g. remote:node my-agent.cjs (required)
             --adapter attach:<address> or an agent already listening (host:port or socket path)
             --era <id>                 the era to ask for (default: current)
             --validate-protocol        check every agent message against its JSON Schema`,
  run: smoke,
};
