// Runs a service worker's script the only way the reference runs untrusted
// code from the network: in the QuickJS sandbox PAC scripts use, never in
// Node. The worker global offers `self`, `addEventListener` and `console`;
// console calls become Chromium's console messages (level 0 verbose for
// debug, 1 info for log and info, 2 warning, 3 error, source 'console-api',
// the line of the call), and an uncaught exception becomes an error message
// from source 'javascript' reading `Uncaught <Error>: <message>`. A script
// that runs past its budget is stopped.

import { PacSandbox, type HostArgument } from '../../proxy/pac/sandbox.ts';

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

export class WorkerSandbox {
  readonly #sandbox: PacSandbox;
  readonly #scriptUrl: string;
  readonly #messages: (m: ConsoleMessage) => void;

  private constructor(sandbox: PacSandbox, scriptUrl: string, messages: (m: ConsoleMessage) => void) {
    this.#sandbox = sandbox;
    this.#scriptUrl = scriptUrl;
    this.#messages = messages;
  }

  static async start(scriptUrl: string, onMessage: (m: ConsoleMessage) => void, timeoutMs: number): Promise<WorkerSandbox> {
    const sandbox = await PacSandbox.create(
      {
        __report: (args: HostArgument[]) => {
          const [level, message, stack] = args.map((a) => a.toText() ?? '');
          onMessage({
            source: 'console-api',
            level: Number(level),
            message: message ?? '',
            lineNumber: lineIn(stack ?? '', scriptUrl),
            sourceUrl: scriptUrl,
          });
          return undefined;
        },
      },
      { timeoutMs, memoryBytes: 32 * 1024 * 1024, stackBytes: 512 * 1024 },
    );
    sandbox.evaluate(WORKER_GLOBAL, 'worker-global.js');
    return new WorkerSandbox(sandbox, scriptUrl, onMessage);
  }

  #settle(outcome: ReturnType<PacSandbox['evaluate']>): ScriptOutcome {
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
    return { kind: 'ok' };
  }

  /** Evaluates the worker's script at global scope. */
  evaluate(source: string): ScriptOutcome {
    return this.#settle(this.#sandbox.evaluate(source, this.#scriptUrl));
  }

  /** Fires an extendable event (install, activate) at the worker's listeners. */
  dispatch(type: string): ScriptOutcome {
    return this.#settle(this.#sandbox.call('__dispatch', [type, '']));
  }

  dispose(): void {
    this.#sandbox.dispose();
  }
}
