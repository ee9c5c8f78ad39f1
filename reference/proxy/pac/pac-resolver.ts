// A loaded PAC script: the utility library and the script evaluated in a
// QuickJS sandbox, and FindProxyForURL(url, host) answered on demand.
// Failures are Chromium's: an empty script, a script that throws while
// loading, has no FindProxyForURL function, throws, returns a non-string or
// a non-ASCII string, or runs past the time limit.

import { nativeBindings, questionKey, type DnsQuestion } from './bindings.ts';
import { answerDnsQuestion, type PacHostResolver } from './host-resolution.ts';
import { PAC_LIBRARY } from './library.ts';
import { DEFAULT_SANDBOX_LIMITS, PacSandbox, type SandboxLimits, type SandboxOutcome } from './sandbox.ts';

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
  onAlert?(message: string): void;
  onError?(error: PacScriptError): void;
}

// A script that needs more distinct DNS answers than this in one call is
// treated as failing rather than re-run without end.
const MAX_RESTARTS = 64;

/** The answers of one resolution, filled between re-runs. */
class AnswerTable {
  readonly #answers = new Map<string, string | null>();
  readonly missingQuestions: DnsQuestion[] = [];

  get(question: DnsQuestion): string | null | undefined {
    return this.#answers.get(questionKey(question));
  }

  missing(question: DnsQuestion): void {
    this.missingQuestions.push(question);
  }

  async fill(resolver: PacHostResolver): Promise<void> {
    const questions = this.missingQuestions.splice(0);
    await Promise.all(
      questions.map(async (q) => {
        this.#answers.set(questionKey(q), await answerDnsQuestion(q, resolver));
      }),
    );
  }
}

function failure(outcome: Exclude<SandboxOutcome, { kind: 'value' }>, kind: PacFailure): PacScriptError {
  if (outcome.kind === 'timeout') return new PacScriptError('timeout', 'PAC script exceeded its time limit');
  if (outcome.kind === 'aborted') return new PacScriptError(kind, 'PAC script needed too many DNS lookups');
  return new PacScriptError(kind, outcome.message, outcome.line);
}

export class PacResolver {
  readonly #sandbox: PacSandbox;
  readonly #options: PacResolverOptions;
  readonly #answers: { current: AnswerTable };

  private constructor(sandbox: PacSandbox, answers: { current: AnswerTable }, options: PacResolverOptions) {
    this.#sandbox = sandbox;
    this.#answers = answers;
    this.#options = options;
  }

  /** Loads a script; rejects with PacScriptError (kind 'load' or 'timeout') when Chromium would fail it. */
  static async create(script: string, options: PacResolverOptions): Promise<PacResolver> {
    if (script.length === 0) throw report(options, new PacScriptError('load', 'empty PAC script'));
    const table = new AnswerTable();
    const answers = { current: table };
    for (let attempt = 0; ; attempt++) {
      const sandbox = await PacSandbox.create(
        nativeBindings(
          { get: (q) => answers.current.get(q), missing: (q) => answers.current.missing(q) },
          { alert: (m) => options.onAlert?.(m) },
        ),
        options.limits ?? DEFAULT_SANDBOX_LIMITS,
      );
      const library = sandbox.evaluate(PAC_LIBRARY, 'proxy-pac-utility-script.js');
      if (library.kind !== 'value') {
        sandbox.dispose();
        throw report(options, failure(library, 'load'));
      }
      const loaded = sandbox.evaluate(script, 'proxy-pac-script.js');
      if (loaded.kind === 'aborted' && attempt < MAX_RESTARTS) {
        // DNS at load time: answer it and load the script afresh.
        sandbox.dispose();
        await table.fill(options.hostResolver);
        continue;
      }
      if (loaded.kind !== 'value') {
        sandbox.dispose();
        throw report(options, failure(loaded, 'load'));
      }
      if (sandbox.typeOfGlobal('FindProxyForURL') !== 'function') {
        sandbox.dispose();
        throw report(options, new PacScriptError('load', 'the script defines no FindProxyForURL function'));
      }
      return new PacResolver(sandbox, answers, options);
    }
  }

  /** FindProxyForURL(url, host): the script's answer, which must be an ASCII string. */
  async findProxyForUrl(url: string, host: string): Promise<string> {
    const table = new AnswerTable();
    for (let attempt = 0; ; attempt++) {
      this.#answers.current = table;
      const outcome = this.#sandbox.call('FindProxyForURL', [url, host]);
      if (outcome.kind === 'aborted' && attempt < MAX_RESTARTS) {
        await table.fill(this.#options.hostResolver);
        continue;
      }
      if (outcome.kind !== 'value') throw report(this.#options, failure(outcome, 'run'));
      if (outcome.string === undefined) {
        throw report(this.#options, new PacScriptError('run', 'FindProxyForURL returned a value that is not a string'));
      }
      if (!/^[\x00-\x7f]*$/.test(outcome.string)) {
        throw report(this.#options, new PacScriptError('run', 'FindProxyForURL returned text that is not ASCII'));
      }
      return outcome.string;
    }
  }

  dispose(): void {
    this.#sandbox.dispose();
  }
}

function report(options: PacResolverOptions, error: PacScriptError): PacScriptError {
  options.onError?.(error);
  return error;
}
