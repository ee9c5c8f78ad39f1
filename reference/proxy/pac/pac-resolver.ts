// A loaded PAC script: the utility library and the script evaluated in a
// QuickJS sandbox on the PAC thread (pac-thread.ts), and
// FindProxyForURL(url, host) answered on demand. Failures are Chromium's: an
// empty script, a script that throws while loading, has no FindProxyForURL
// function, throws, returns a non-string or a non-ASCII string, or runs past
// the time limit.
//
// A script that needs DNS is re-run once the answers are in (bindings.ts).
// One resolution has one time budget for all its runs together and one
// wall-clock limit that covers the DNS lookups between them, so a script
// that loops and asks a new name per run cannot hold a request. When the PAC
// thread is replaced (a script hung it, exhausted its memory or recursed too
// deep) every script loads again into the new one, as Chromium re-creates
// its resolver after ERR_PAC_SCRIPT_TERMINATED; a resolution the
// replacement cut short is tried once more unless it caused it.

import { questionKey, type DnsQuestion } from './bindings.ts';
import { answerDnsQuestion, type PacHostResolver } from './host-resolution.ts';
import type { AnswerList, PacReply } from './pac-thread-messages.ts';
import { pacThread, type ThreadAnswer } from './pac-thread.ts';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './sandbox.ts';

export type PacFailure = 'load' | 'run' | 'timeout';

export class PacScriptError extends Error {
  override readonly name = 'PacScriptError';
  readonly kind: PacFailure;
  readonly line: number;
  constructor(kind: PacFailure, message: string, line = -1) {
    super(message);
    this.kind = kind;
    this.line = line;
  }
}

export interface PacResolverOptions {
  hostResolver: PacHostResolver;
  limits?: SandboxLimits;
  /** The wall-clock limit of one load or resolution, DNS lookups included. */
  wallClockMs?: number;
  onAlert?(message: string): void;
  onError?(error: PacScriptError): void;
}

// A script that needs more distinct DNS answers than this in one call is
// treated as failing rather than re-run without end.
const MAX_RESTARTS = 64;
const DEFAULT_WALL_CLOCK_MS = 10_000;

/** The answers of one resolution, filled between re-runs. */
class AnswerTable {
  readonly #answers = new Map<string, string | null>();

  list(): AnswerList {
    return [...this.#answers];
  }

  async fill(questions: DnsQuestion[], resolver: PacHostResolver): Promise<void> {
    await Promise.all(
      questions.map(async (q) => {
        this.#answers.set(questionKey(q), await answerDnsQuestion(q, resolver));
      }),
    );
  }
}

/** One load or resolution: its budget, its answers, the runs it took. */
class Attempts {
  readonly answers = new AnswerTable();
  readonly #deadline: number;
  #budgetMs: number;
  runs = 0;
  retriedAfterTermination = false;

  constructor(limits: SandboxLimits, wallClockMs: number) {
    this.#budgetMs = limits.timeoutMs;
    this.#deadline = Date.now() + wallClockMs;
  }

  /** What is left of the script's time budget, or 0 when it or the wall clock is spent. */
  remainingMs(): number {
    return Date.now() >= this.#deadline ? 0 : Math.max(0, this.#budgetMs);
  }

  spent(ms: number): void {
    this.#budgetMs -= ms;
  }
}

function failureOf(outcome: PacReply['outcome'] | { kind: 'terminated'; reason: string }, kind: PacFailure): PacScriptError {
  switch (outcome.kind) {
    case 'timeout':
      return new PacScriptError('timeout', 'PAC script exceeded its time limit');
    case 'aborted':
      return new PacScriptError(kind, 'PAC script needed too many DNS lookups');
    case 'error':
      return new PacScriptError(kind, outcome.message, outcome.line);
    case 'no-entry-point':
      return new PacScriptError('load', 'the script defines no FindProxyForURL function');
    case 'terminated':
      return new PacScriptError(kind, `the PAC script was terminated: ${outcome.reason}`);
    default:
      return new PacScriptError(kind, 'PAC script failed');
  }
}

export class PacResolver {
  readonly #script: string;
  readonly #options: PacResolverOptions;
  readonly #limits: SandboxLimits;
  #sandbox = pacThread.newSandboxId();
  /** The PAC thread generation the script is loaded in; another one means loading it again. */
  #loadedIn = -1;
  #disposed = false;

  private constructor(script: string, options: PacResolverOptions) {
    this.#script = script;
    this.#options = options;
    this.#limits = options.limits ?? DEFAULT_SANDBOX_LIMITS;
  }

  /** Loads a script; rejects with PacScriptError (kind 'load' or 'timeout') when Chromium would fail it. */
  static async create(script: string, options: PacResolverOptions): Promise<PacResolver> {
    if (script.length === 0) throw report(options, new PacScriptError('load', 'empty PAC script'));
    const resolver = new PacResolver(script, options);
    await resolver.#load('load');
    return resolver;
  }

  #attempts(): Attempts {
    return new Attempts(this.#limits, this.#options.wallClockMs ?? DEFAULT_WALL_CLOCK_MS);
  }

  /**
   * Runs one request on the thread, re-running it after DNS answers, within
   * the attempts' budget; resolves with the final reply, or throws the failure.
   */
  async #run(
    attempts: Attempts,
    kind: PacFailure,
    send: (answers: AnswerList, budgetMs: number) => Promise<ThreadAnswer>,
  ): Promise<PacReply> {
    for (;;) {
      const budget = attempts.remainingMs();
      if (budget <= 0) throw report(this.#options, failureOf({ kind: 'timeout' }, kind));
      const answer = await send(attempts.answers.list(), budget);
      if ('terminated' in answer) {
        if (answer.own) throw report(this.#options, failureOf({ kind: 'timeout' }, kind));
        throw new ThreadReplaced(answer.terminated);
      }
      attempts.spent(answer.elapsedMs);
      for (const alert of answer.alerts) this.#options.onAlert?.(alert);
      if (answer.outcome.kind === 'aborted' && attempts.runs++ < MAX_RESTARTS) {
        await attempts.answers.fill(answer.missing, this.#options.hostResolver);
        continue;
      }
      if (answer.outcome.kind !== 'value') throw report(this.#options, failureOf(answer.outcome, kind));
      return answer;
    }
  }

  async #load(kind: PacFailure): Promise<void> {
    const attempts = this.#attempts();
    for (;;) {
      try {
        const sandbox = this.#sandbox;
        await this.#run(attempts, kind, (answers, budgetMs) =>
          pacThread.request(
            { op: 'load', sandbox, script: this.#script, limits: this.#limits, timeoutMs: budgetMs, answers },
            budgetMs,
          ),
        );
        this.#loadedIn = pacThread.generation;
        return;
      } catch (error) {
        if (!(error instanceof ThreadReplaced) || attempts.retriedAfterTermination)
          throw asScriptError(this.#options, error, kind);
        attempts.retriedAfterTermination = true;
      }
    }
  }

  /** FindProxyForURL(url, host): the script's answer, which must be an ASCII string. */
  async findProxyForUrl(url: string, host: string): Promise<string> {
    if (this.#disposed) throw new PacScriptError('run', 'the PAC script was unloaded');
    const attempts = this.#attempts();
    let reply: PacReply;
    for (;;) {
      try {
        if (this.#loadedIn !== pacThread.generation) await this.#load('run');
        const sandbox = this.#sandbox;
        reply = await this.#run(attempts, 'run', (answers, budgetMs) =>
          pacThread.request({ op: 'find', sandbox, url, host, timeoutMs: budgetMs, answers }, budgetMs),
        );
        break;
      } catch (error) {
        if (!(error instanceof ThreadReplaced) || attempts.retriedAfterTermination)
          throw asScriptError(this.#options, error, 'run');
        attempts.retriedAfterTermination = true;
      }
    }
    const outcome = reply.outcome as Extract<PacReply['outcome'], { kind: 'value' }>;
    if (outcome.string === undefined) {
      throw report(this.#options, new PacScriptError('run', 'FindProxyForURL returned a value that is not a string'));
    }
    if (!/^[\x00-\x7f]*$/.test(outcome.string)) {
      throw report(this.#options, new PacScriptError('run', 'FindProxyForURL returned text that is not ASCII'));
    }
    return outcome.string;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    pacThread.drop(this.#sandbox, this.#loadedIn);
  }
}

/** The PAC thread was replaced under a request this script did not cause. */
class ThreadReplaced extends Error {}

function asScriptError(options: PacResolverOptions, error: unknown, kind: PacFailure): PacScriptError {
  if (error instanceof PacScriptError) return error;
  return report(options, failureOf({ kind: 'terminated', reason: (error as Error).message }, kind));
}

function report(options: PacResolverOptions, error: PacScriptError): PacScriptError {
  options.onError?.(error);
  return error;
}
