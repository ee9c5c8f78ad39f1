// Runs a service worker's script the only way the reference runs untrusted
// code from the network: in a QuickJS sandbox on the PAC thread
// (proxy/pac/pac-thread.ts), never in Node and never on the app's event loop,
// under the thread's memory ceiling, QuickJS's stack limit and a time limit
// the thread enforces (a script past it gets the thread replaced). The worker
// global offers `self`, `addEventListener` and `console`; console calls become
// Chromium's console messages (level 0 verbose for debug, 1 info for log and
// info, 2 warning, 3 error, source 'console-api', the line of the call), and
// an uncaught exception becomes an error message from source 'javascript'
// reading `Uncaught <Error>: <message>`. A script that runs past its budget
// is stopped.

import { pacThread, type ThreadAnswer } from '../../proxy/pac/pac-thread.ts';

export interface ConsoleMessage {
  source: 'console-api' | 'javascript';
  level: number;
  message: string;
  lineNumber: number;
  sourceUrl: string;
}

export type ScriptOutcome = { kind: 'ok' } | { kind: 'error' } | { kind: 'timeout' };

const WORKER_GLOBAL = `(function () {
  var report = __report;
  var text = function (args) {
    return Array.prototype.map.call(args, function (a) { try { return String(a); } catch (e) { return ''; } }).join(' ');
  };
  var make = function (level) { return function () { report(String(level), text(arguments), String(new Error().stack)); }; };
  globalThis.console = { debug: make(0), log: make(1), info: make(1), warn: make(2), error: make(3) };
  var listeners = {};
  globalThis.self = globalThis;
  globalThis.addEventListener = function (type, fn) { (listeners[type] = listeners[type] || []).push(fn); };
  globalThis.__dispatch = function (type) {
    var list = listeners[type] || [];
    for (var i = 0; i < list.length; i++) list[i].call(globalThis, { type: type, waitUntil: function () {} });
  };
})();`;

/** The line of the first stack frame in `file`, or 0. */
function lineIn(stack: string, file: string): number {
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`(${file}:`);
    if (at < 0) continue;
    const match = /:(\d+)(?::\d+)?\)\s*$/.exec(line.slice(at));
    if (match) return Number(match[1]);
  }
  return 0;
}

/** QuickJS's limits for a worker's script: memory and stack (the thread's ceiling bounds the rest). */
const WORKER_LIMITS = { memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };

export class WorkerSandbox {
  readonly #id = pacThread.newSandboxId();
  /** The thread generation the script was loaded into (a replaced thread has lost it). */
  #generation = -1;
  readonly #scriptUrl: string;
  readonly #messages: (m: ConsoleMessage) => void;
  readonly #timeoutMs: number;

  private constructor(scriptUrl: string, messages: (m: ConsoleMessage) => void, timeoutMs: number) {
    this.#scriptUrl = scriptUrl;
    this.#messages = messages;
    this.#timeoutMs = timeoutMs;
  }

  static async start(scriptUrl: string, onMessage: (m: ConsoleMessage) => void, timeoutMs: number): Promise<WorkerSandbox> {
    return new WorkerSandbox(scriptUrl, onMessage, timeoutMs);
  }

  #settle(answer: ThreadAnswer): ScriptOutcome {
    // The thread killed for this script's time, or lost with it (another script's failure, a crash of QuickJS).
    if ('terminated' in answer) return answer.own ? { kind: 'timeout' } : { kind: 'error' };
    for (const [level, message, stack] of answer.reports ?? []) {
      this.#messages({
        source: 'console-api',
        level: Number(level),
        message: message ?? '',
        lineNumber: lineIn(stack ?? '', this.#scriptUrl),
        sourceUrl: this.#scriptUrl,
      });
    }
    const outcome = answer.outcome;
    if (outcome.kind === 'timeout' || outcome.kind === 'aborted') return { kind: 'timeout' };
    if (outcome.kind === 'error') {
      this.#messages({
        source: 'javascript',
        level: 3,
        message: `Uncaught ${outcome.message}`,
        lineNumber: Math.max(outcome.line, 0),
        sourceUrl: this.#scriptUrl,
      });
      return { kind: 'error' };
    }
    return outcome.kind === 'value' ? { kind: 'ok' } : { kind: 'error' };
  }

  /** Evaluates the worker's script at global scope (after the worker global). */
  async evaluate(source: string): Promise<ScriptOutcome> {
    const load = async () => {
      const generation = pacThread.generation;
      const answer = await pacThread.request(
        {
          op: 'script-load',
          sandbox: this.#id,
          prelude: WORKER_GLOBAL,
          script: source,
          file: this.#scriptUrl,
          limits: WORKER_LIMITS,
          timeoutMs: this.#timeoutMs,
        },
        this.#timeoutMs,
      );
      this.#generation = generation;
      return answer;
    };
    const first = await load();
    // The thread was lost to another script's failure while this one loaded: this script is not to blame.
    return this.#settle('terminated' in first && !first.own ? await load() : first);
  }

  /** Fires an extendable event (install, activate) at the worker's listeners. */
  async dispatch(type: string): Promise<ScriptOutcome> {
    const answer = await pacThread.request(
      { op: 'script-call', sandbox: this.#id, fn: '__dispatch', args: [type, ''], timeoutMs: this.#timeoutMs },
      this.#timeoutMs,
    );
    return this.#settle(answer);
  }

  dispose(): void {
    pacThread.drop(this.#id, this.#generation);
  }
}
