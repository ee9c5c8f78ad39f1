// A QuickJS (WebAssembly) context for one PAC script: untrusted code from the
// network runs here, never in Node's own engine. The context has only the
// ECMAScript built-ins and the host functions given to it (no process,
// require, timers or I/O), a memory and stack limit, and a deadline enforced
// by QuickJS's interrupt handler. Sessions run it on the PAC thread
// (pac-worker.ts), where the thread itself bounds what QuickJS cannot: time
// spent inside one long operation, and memory.

import {
  getQuickJS,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

export interface SandboxLimits {
  /** Wall-clock budget for one evaluation or call. */
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
}

// The stack limit stays well under the PAC thread's own stack (its Worker's
// stackSizeMb), so QuickJS reports a deep recursion as a script error before
// the thread's stack runs out.
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 1000, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };

/** What a host function sees of one argument. */
export interface HostArgument {
  /** `typeof` inside the sandbox. */
  readonly type: string;
  /** The value when it is a string. */
  readonly string?: string;
  /** ToString() of the value, as Chromium's alert() does; undefined if it throws. */
  toText(): string | undefined;
}

export type HostResult = string | boolean | null | undefined | { typeError: string };

export type HostFunction = (args: HostArgument[]) => HostResult;

/** The outcome of running code in the sandbox. */
export type SandboxOutcome =
  | { kind: 'value'; type: string; string?: string }
  | { kind: 'error'; message: string; line: number }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

/** Thrown by a host function to stop the script at once (uncatchably). */
export class AbortScript extends Error {
  constructor() {
    super('script aborted by the host');
  }
}

export class PacSandbox {
  readonly #runtime: QuickJSRuntime;
  readonly #context: QuickJSContext;
  #limits: SandboxLimits;
  #deadline = 0;
  #abortRequested = false;
  #disposed = false;
  /** Per global function name, a function that looks it up and calls it inside the sandbox. */
  readonly #trampolines = new Map<string, QuickJSHandle>();

  private constructor(runtime: QuickJSRuntime, limits: SandboxLimits) {
    this.#runtime = runtime;
    this.#limits = limits;
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setInterruptHandler(() => this.#abortRequested || Date.now() > this.#deadline);
    this.#context = runtime.newContext();
  }

  /** The wall-clock budget of the next evaluation or call. */
  set timeoutMs(ms: number) {
    this.#limits = { ...this.#limits, timeoutMs: ms };
  }

  static async create(
    functions: Record<string, HostFunction>,
    limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
    module?: QuickJSWASMModule,
  ): Promise<PacSandbox> {
    const quickjs = module ?? (await getQuickJS());
    const sandbox = new PacSandbox(quickjs.newRuntime(), limits);
    for (const [name, fn] of Object.entries(functions)) sandbox.#define(name, fn);
    return sandbox;
  }

  #define(name: string, fn: HostFunction): void {
    const ctx = this.#context;
    const handle = ctx.newFunction(name, (...handles: QuickJSHandle[]) => {
      const args = handles.map((h) => this.#argument(h));
      let result: HostResult;
      try {
        result = fn(args);
      } catch (error) {
        if (error instanceof AbortScript) {
          // The interrupt handler stops the script even if it catches this.
          this.#abortRequested = true;
          return { error: ctx.newError('aborted') };
        }
        throw error;
      }
      if (result === null) return ctx.null;
      if (result === undefined) return ctx.undefined;
      if (typeof result === 'boolean') return result ? ctx.true : ctx.false;
      if (typeof result === 'string') return ctx.newString(result);
      const error = ctx.newError({ name: 'TypeError', message: result.typeError });
      return { error };
    });
    ctx.setProp(ctx.global, name, handle);
    handle.dispose();
  }

  #argument(handle: QuickJSHandle): HostArgument {
    const ctx = this.#context;
    const type = ctx.typeof(handle);
    const string = type === 'string' ? ctx.getString(handle) : undefined;
    return {
      type,
      ...(string !== undefined ? { string } : {}),
      toText: () => {
        if (string !== undefined) return string;
        const converted = ctx.evalCode('(function (v) { return String(v); })');
        if (converted.error) {
          converted.error.dispose();
          return undefined;
        }
        const result = ctx.callFunction(converted.value, ctx.undefined, handle);
        converted.value.dispose();
        if (result.error) {
          result.error.dispose();
          return undefined;
        }
        const text = ctx.getString(result.value);
        result.value.dispose();
        return text;
      },
    };
  }

  #settle(result: { value: QuickJSHandle } | { error: QuickJSHandle }): SandboxOutcome {
    const ctx = this.#context;
    const timedOut = Date.now() > this.#deadline;
    const aborted = this.#abortRequested;
    this.#abortRequested = false;
    if ('error' in result) {
      const error = ctx.dump(result.error) as unknown;
      result.error.dispose();
      if (aborted) return { kind: 'aborted' };
      if (timedOut && isInterrupted(error)) return { kind: 'timeout' };
      return { kind: 'error', ...describeError(error) };
    }
    if (aborted) {
      result.value.dispose();
      return { kind: 'aborted' };
    }
    const type = ctx.typeof(result.value);
    const outcome: SandboxOutcome = {
      kind: 'value',
      type,
      ...(type === 'string' ? { string: ctx.getString(result.value) } : {}),
    };
    result.value.dispose();
    return outcome;
  }

  /** Runs script text at global scope. */
  evaluate(code: string, filename: string): SandboxOutcome {
    this.#assertLive();
    this.#deadline = Date.now() + this.#limits.timeoutMs;
    return this.#settle(this.#context.evalCode(code, filename));
  }

  /** typeof the global `name`. */
  typeOfGlobal(name: string): string {
    this.#assertLive();
    const handle = this.#context.getProp(this.#context.global, name);
    const type = this.#context.typeof(handle);
    handle.dispose();
    return type;
  }

  /**
   * Calls the global function `name` (an identifier) with two string
   * arguments. The global is looked up at each call, as Chromium does, but
   * inside the sandbox: one crossing into QuickJS instead of two. A sloppy
   * plain call gives it the global object as `this`, as Chromium's does.
   */
  call(name: string, args: [string, string]): SandboxOutcome {
    this.#assertLive();
    const ctx = this.#context;
    let trampoline = this.#trampolines.get(name);
    if (!trampoline) {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
      const made = ctx.evalCode(`(function (a, b) { return ${name}(a, b); })`, 'trampoline.js');
      if (!('value' in made)) {
        made.error.dispose();
        throw new Error('could not prepare the call');
      }
      trampoline = made.value;
      this.#trampolines.set(name, trampoline);
    }
    const handles = args.map((a) => ctx.newString(a));
    this.#deadline = Date.now() + this.#limits.timeoutMs;
    try {
      return this.#settle(ctx.callFunction(trampoline, ctx.global, ...handles));
    } finally {
      for (const h of handles) h.dispose();
    }
  }

  #assertLive(): void {
    if (this.#disposed) throw new Error('PAC sandbox used after dispose');
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const trampoline of this.#trampolines.values()) trampoline.dispose();
    this.#context.dispose();
    this.#runtime.dispose();
  }
}

function isInterrupted(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { message?: unknown }).message === 'interrupted';
}

function describeError(error: unknown): { message: string; line: number } {
  if (typeof error === 'object' && error !== null) {
    const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
    const line = typeof stack === 'string' ? Number(/:(\d+)(?::\d+)?\)?\s*$/m.exec(stack)?.[1] ?? -1) : -1;
    const text =
      typeof message === 'string' ? (typeof name === 'string' && name ? `${name}: ${message}` : message) : String(error);
    return { message: text, line };
  }
  return { message: `Uncaught ${String(error)}`, line: -1 };
}
