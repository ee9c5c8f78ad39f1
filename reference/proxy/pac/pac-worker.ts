// The PAC thread (a worker_threads Worker, started by pac-thread.ts): the
// QuickJS sandboxes of every PAC script the process has loaded (and of every
// running service worker's script, which is untrusted in the same way), each a
// runtime of its own with QuickJS's memory and stack limits, all in one
// WebAssembly memory whose ceiling no script can pass. Nothing here runs on
// the app's main thread, so a script that loops, recurses or hoards memory
// slows or kills this thread only; the main thread replaces it.

import { parentPort, workerData } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from 'quickjs-emscripten';
import { nativeBindings, questionKey, type DnsQuestion } from './bindings.ts';
import { PAC_LIBRARY } from './library.ts';
import {
  PROGRESS,
  progressClock,
  type AnswerList,
  type PacReady,
  type PacReply,
  type PacRequest,
} from './pac-thread-messages.ts';
import { type HostArgument, PacSandbox, type SandboxOutcome } from './sandbox.ts';

interface Loaded {
  sandbox: PacSandbox;
  /** The table the sandbox's DNS functions read; replaced for every attempt. */
  io: { answers: Map<string, string | null>; missing: DnsQuestion[]; alerts: string[]; reports: string[][] };
}

const port = parentPort!;
const { wasmPages, progress, epoch } = workerData as { wasmPages: number; progress: Int32Array; epoch: number };
const sandboxes = new Map<number, Loaded>();
let quickjs: QuickJSWASMModule;

function isClean(outcome: PacReply['outcome']): boolean {
  if (outcome.kind === 'timeout') return false;
  // QuickJS's own failures (stack overflow, out of memory, interrupted) leave a runtime best not reused.
  return !(outcome.kind === 'error' && /^InternalError\b/.test(outcome.message));
}

function attempt(loaded: Loaded, request: { answers: AnswerList }, run: () => PacReply['outcome']): Omit<PacReply, 'id'> {
  loaded.io.answers = new Map(request.answers);
  loaded.io.missing = [];
  loaded.io.alerts = [];
  loaded.io.reports = [];
  const started = performance.now();
  const outcome = run();
  return {
    outcome,
    missing: loaded.io.missing,
    alerts: loaded.io.alerts,
    reports: loaded.io.reports,
    elapsedMs: performance.now() - started,
    clean: isClean(outcome),
  };
}

async function load(request: Extract<PacRequest, { op: 'load' }>): Promise<Omit<PacReply, 'id'>> {
  sandboxes.get(request.sandbox)?.sandbox.dispose();
  sandboxes.delete(request.sandbox);
  const io: Loaded['io'] = { answers: new Map(), missing: [], alerts: [], reports: [] };
  const sandbox = await PacSandbox.create(
    nativeBindings(
      { get: (q) => io.answers.get(questionKey(q)), missing: (q) => io.missing.push(q) },
      { alert: (m) => io.alerts.push(m) },
    ),
    { ...request.limits, timeoutMs: request.timeoutMs },
    quickjs,
  );
  const loaded: Loaded = { sandbox, io };
  const reply = attempt(loaded, request, (): PacReply['outcome'] => {
    const library = sandbox.evaluate(PAC_LIBRARY, 'proxy-pac-utility-script.js');
    if (library.kind !== 'value') return library;
    const script: SandboxOutcome = sandbox.evaluate(request.script, 'proxy-pac-script.js');
    if (script.kind !== 'value') return script;
    return sandbox.typeOfGlobal('FindProxyForURL') === 'function' ? script : { kind: 'no-entry-point' };
  });
  if (reply.outcome.kind === 'value') sandboxes.set(request.sandbox, loaded);
  else if (reply.clean) sandbox.dispose();
  return reply;
}

/** A script that is not PAC: its sandbox's one host function, `__report`, records its arguments as text. */
async function loadScript(request: Extract<PacRequest, { op: 'script-load' }>): Promise<Omit<PacReply, 'id'>> {
  sandboxes.get(request.sandbox)?.sandbox.dispose();
  sandboxes.delete(request.sandbox);
  const io: Loaded['io'] = { answers: new Map(), missing: [], alerts: [], reports: [] };
  const report = (args: HostArgument[]) => {
    io.reports.push(args.map((a) => a.toText() ?? ''));
    return undefined;
  };
  const sandbox = await PacSandbox.create({ __report: report }, { ...request.limits, timeoutMs: request.timeoutMs }, quickjs);
  const loaded: Loaded = { sandbox, io };
  const reply = attempt(loaded, { answers: [] }, (): PacReply['outcome'] => {
    const prelude = sandbox.evaluate(request.prelude, 'worker-global.js');
    return prelude.kind === 'value' ? sandbox.evaluate(request.script, request.file) : prelude;
  });
  if (reply.outcome.kind === 'value') sandboxes.set(request.sandbox, loaded);
  else if (reply.clean) sandbox.dispose();
  return reply;
}

function callScript(request: Extract<PacRequest, { op: 'script-call' }>): Omit<PacReply, 'id'> {
  const loaded = sandboxes.get(request.sandbox);
  if (!loaded) return { outcome: { kind: 'no-sandbox' }, missing: [], alerts: [], elapsedMs: 0, clean: true };
  loaded.sandbox.timeoutMs = request.timeoutMs;
  return attempt(loaded, { answers: [] }, () => loaded.sandbox.call(request.fn, request.args));
}

function find(request: Extract<PacRequest, { op: 'find' }>): Omit<PacReply, 'id'> {
  const loaded = sandboxes.get(request.sandbox);
  if (!loaded) return { outcome: { kind: 'no-sandbox' }, missing: [], alerts: [], elapsedMs: 0, clean: true };
  loaded.sandbox.timeoutMs = request.timeoutMs;
  return attempt(loaded, request, () => loaded.sandbox.call('FindProxyForURL', [request.url, request.host]));
}

async function handle(request: PacRequest): Promise<void> {
  if (request.op === 'drop') {
    sandboxes.get(request.sandbox)?.sandbox.dispose();
    sandboxes.delete(request.sandbox);
    return;
  }
  Atomics.store(progress, PROGRESS.startedAt, progressClock(epoch));
  Atomics.store(progress, PROGRESS.running, request.id);
  let reply: Omit<PacReply, 'id'>;
  try {
    if (request.op === 'load') reply = await load(request);
    else if (request.op === 'script-load') reply = await loadScript(request);
    else if (request.op === 'script-call') reply = callScript(request);
    else reply = find(request);
  } catch (error) {
    // A failure of QuickJS itself (an abort in the WebAssembly code): this thread is replaced.
    reply = {
      outcome: { kind: 'error', message: `PAC runtime failed: ${(error as Error).message}`, line: -1 },
      missing: [],
      alerts: [],
      elapsedMs: 0,
      clean: false,
    };
  }
  port.postMessage({ id: request.id, ...reply } satisfies PacReply);
  // Posted: the main thread's deadline no longer counts against this request, however late its loop takes the answer.
  Atomics.store(progress, PROGRESS.answered, request.id);
  Atomics.store(progress, PROGRESS.running, 0);
}

// The WebAssembly memory every sandbox lives in, capped: a script that gets
// past QuickJS's own limit meets this ceiling (16 MB to start, as QuickJS's
// build expects; 64 KiB pages).
type WasmMemory = Parameters<typeof newVariant>[1]['wasmMemory'];
const { Memory } = (
  globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => WasmMemory } }
).WebAssembly;
quickjs = await newQuickJSWASMModuleFromVariant(
  newVariant(RELEASE_SYNC, { wasmMemory: new Memory({ initial: 256, maximum: wasmPages }) }),
);
// Requests are handled one at a time, in order: a script runs to its end before the next starts.
let queue = Promise.resolve();
port.on('message', (request: PacRequest) => {
  queue = queue.then(() => handle(request));
});
port.postMessage({ ready: true } satisfies PacReady);
