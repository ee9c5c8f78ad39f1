// One fuzz run: a fresh reference app of the era on its own userData, the
// run's actions performed in order against it, then a quit. Every call's
// outcome is checked: a synchronous throw or a rejection must have
// Electron's form (error-form.ts), a promise must settle within the bound,
// a legacy callback must be called; after the quit, everything still
// pending (page requests, fetches, calls waiting on user callbacks) must
// settle within the bound too.

import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { callbackMember } from '../contract/eras/callback-api.ts';
import type { EraId } from '../contract/eras/eras.ts';
import { launchReference, REFERENCE_DRIVER_COMMANDS, type ReferenceElectron } from '../reference/testing.ts';
import { describeAction, type Action } from './actions.ts';
import { errorSummary, wrongForm } from './error-form.ts';
import type { Findings } from './findings.ts';
import type { SurfaceMember } from './surface.ts';
import { build, type Desc, type FuzzWorld } from './values.ts';

export interface TrialEnvironment {
  era: EraId;
  sandbox: string;
  urls: readonly string[];
  pacScripts: readonly string[];
  caPem: string;
  boundMs: number;
}

const BODY_LIMIT = 64 * 1024;
const FETCHES = new Set(['ses.fetch', 'net.fetch']);

type Settling = { label: string; promise: Promise<unknown> };

function within<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ settled: true; value?: T; error?: unknown; rejected: boolean } | { settled: false }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ settled: false }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ settled: true, value, rejected: false });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ settled: true, error, rejected: true });
      },
    );
  });
}

/** Reads a little of a response body, then lets it go. */
async function sample(body: unknown): Promise<void> {
  if (!(body instanceof ReadableStream)) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read < BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) return;
      read += (value as Uint8Array).byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export async function runTrial(
  env: TrialEnvironment,
  surfaceOfApp: (app: ReferenceElectron) => {
    reach(owner: string, session: unknown): object | undefined;
    members: Map<string, SurfaceMember>;
  },
  actions: readonly Action[],
  findings: Findings,
): Promise<void> {
  const userData = mkdtempSync(path.join(env.sandbox, 'trial-'));
  const app = launchReference({
    era: env.era,
    userDataDir: userData,
    switches: {
      'host-resolver-rules': 'MAP *.fixture.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE ::1, EXCLUDE localhost',
    },
    extraCaCertificates: [env.caPem],
  });
  await app.app.whenReady();
  const module = app.session as unknown as Record<string, (...a: unknown[]) => unknown>;
  const sessions: unknown[] = [
    app.session.defaultSession,
    module.fromPartition!('fz'),
    module.fromPartition!('persist:fz'),
    typeof module.fromPath === 'function' ? module.fromPath(path.join(userData, 'from-path')) : module.fromPartition!('fz-2'),
  ];
  const world: FuzzWorld = {
    sandbox: env.sandbox,
    sessions,
    urls: env.urls,
    pacScripts: env.pacScripts,
    onCallback: () => findings.callbacks++,
  };
  const { reach, members } = surfaceOfApp(app);
  const pending: Settling[] = [];
  const track = (label: string, promise: Promise<unknown>) => {
    promise.catch(() => undefined);
    pending.push({ label, promise });
  };

  for (const [index, action] of actions.entries()) {
    const label = describeAction(action, index);
    findings.begin(label);
    findings.calls++;
    if (process.env.FUZZ_DEBUG) process.stderr.write(`  ${label}\n`);
    try {
      await perform(action, label);
    } catch (error) {
      findings.add('wrong-form', `the fuzzer failed to perform the action: ${errorSummary(error)}`, label);
    }
  }

  async function perform(action: Action, label: string): Promise<void> {
    if (action.t === 'stimulus') {
      const command = (REFERENCE_DRIVER_COMMANDS as unknown as Record<string, (args: unknown) => unknown>)[action.command];
      if (!command) return;
      let result: unknown;
      try {
        result = command(build(action.args, world));
      } catch {
        // A driver refusing its arguments is the harness's business, not the API's.
        return;
      }
      if (result instanceof Promise) {
        track(label, result);
        await within(result, 400);
      }
      return;
    }
    if (action.t === 'fetch') {
      const session = sessions[action.target % sessions.length] as Record<string, unknown>;
      const url = env.urls[action.url % env.urls.length]!;
      const fetch = session.fetch as ((input: string, init: object) => Promise<Response>) | undefined;
      const signal = AbortSignal.timeout(Math.floor(env.boundMs / 3));
      const request: Promise<unknown> = fetch
        ? fetch.call(session, url, { signal }).then((r) => sample(r.body))
        : Promise.resolve(REFERENCE_DRIVER_COMMANDS['page.fetch']!({ session, url }));
      if (process.env.FUZZ_DEBUG)
        request.then(
          () => process.stderr.write(`    ${label} ${url} ok\n`),
          (e: Error) => process.stderr.write(`    ${label} ${url} ${e?.message}\n`),
        );
      track(label, request);
      // Let it get as far as it will (handlers, listeners, verify procs answer), but no longer than a moment.
      await within(request, 400);
      return;
    }
    const member = members.get(action.member);
    if (!member) return;
    const owner = reach(member.owner, sessions[action.target % sessions.length]);
    if (!owner) return;
    const object = owner as Record<string, unknown>;
    if (action.t === 'read') {
      checkSync(() => object[member.key], label);
      return;
    }
    if (action.t === 'write') {
      // Only properties with a setter: assigning a getter-only one throws in strict code, in Electron too.
      if (!hasSetter(object, member.key)) return;
      checkSync(() => {
        object[member.key] = build(action.value, world);
      }, label);
      return;
    }
    if (action.t === 'listen') {
      checkSync(
        () => (object.on as (e: string, l: unknown) => unknown).call(object, member.key, build(action.listener, world)),
        label,
      );
      return;
    }
    const args = action.args.map((a) => build(a, world));
    if (member.name === 'ses.fetch' || member.name === 'net.fetch') withSignal(args, env.boundMs);
    let called: Promise<unknown> | undefined;
    const spec = callbackMember(env.era, member.name);
    if (spec && action.legacyCallback) {
      while (args.length < spec.arity) args.push(undefined);
      args.length = spec.arity;
      called = new Promise((resolve) => args.push((...results: unknown[]) => resolve(results)));
    }
    let result: unknown;
    try {
      result = (object[member.key] as (...a: unknown[]) => unknown).apply(object, args);
    } catch (error) {
      check(error, label, member.name);
      return;
    }
    if (result instanceof Promise) {
      const outcome = await within(result, env.boundMs);
      if (!outcome.settled) {
        findings.add('hang', `the promise did not settle within ${env.boundMs} ms`, label);
        track(label, result);
      } else if (outcome.rejected) {
        check(outcome.error, label, member.name);
      } else if (outcome.value instanceof Response) {
        await within(sample(outcome.value.body), env.boundMs);
      }
    }
    if (called) {
      const outcome = await within(called, env.boundMs);
      if (!outcome.settled) findings.add('hang', `the legacy callback was not called within ${env.boundMs} ms`, label);
    }
    // A callback just handed over (a handler, a listener, a verify proc) is put to work at once.
    if (action.args.some(hasCallback)) {
      for (const url of [0, 9, 12]) await perform({ t: 'fetch', target: action.target, url }, `${label} traffic`);
    }
  }

  function checkSync(run: () => unknown, label: string): void {
    try {
      run();
    } catch (error) {
      check(error, label);
    }
  }

  function check(error: unknown, label: string, member?: string): void {
    // Electron's fetch builds a WHATWG Request and Response: their RangeErrors are its own.
    if (member && FETCHES.has(member) && error instanceof RangeError) return;
    const problem = wrongForm(error);
    if (problem) findings.add('wrong-form', `${problem}\n${errorSummary(error)}`, label);
  }

  findings.begin('quit');
  const quitting = await within(app.quit(), env.boundMs);
  if (!quitting.settled) findings.add('quit-hang', `app.quit() did not settle within ${env.boundMs} ms`, 'quit');
  else if (quitting.rejected) findings.add('wrong-form', `app.quit() rejected: ${errorSummary(quitting.error)}`, 'quit');
  const left = await Promise.all(pending.map(async (p) => ({ label: p.label, outcome: await within(p.promise, env.boundMs) })));
  for (const { label, outcome } of left) {
    if (!outcome.settled) findings.add('quit-hang', `still pending ${env.boundMs} ms after the app quit`, label);
  }
}

/** ses.fetch always gets an AbortSignal, so a handler that never answers cannot hold it past the bound. */
function withSignal(args: unknown[], boundMs: number): void {
  const signal = AbortSignal.timeout(Math.floor(boundMs / 3));
  const init = args[1];
  if (init && typeof init === 'object' && Object.getPrototypeOf(init) === Object.prototype) {
    try {
      Object.defineProperty(init, 'signal', { value: signal, enumerable: true, configurable: true });
      return;
    } catch {
      // frozen: replaced below
    }
  }
  while (args.length < 2) args.push(undefined);
  args[1] = { signal };
}

function hasCallback(desc: Desc): boolean {
  if (desc.k === 'fn') return true;
  if (desc.k === 'array') return desc.items.some(hasCallback);
  if (desc.k === 'dict') return desc.entries.some(([, d]) => hasCallback(d));
  return false;
}

function hasSetter(object: object, key: string): boolean {
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor) return descriptor.set !== undefined || descriptor.writable === true;
  }
  return false;
}
