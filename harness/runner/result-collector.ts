// A vitest reporter that turns test results into TestRecords: classified
// (classify.ts), judged against the expectations, with the spec's metadata.
// One vitest run holds every era (each spec file runs once per era, as a
// module of its own): records, progress and the span of time each era took
// are kept per era.

import path from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, TestSpecification } from 'vitest/node';
import { parseEraModuleId } from '../api/run-context.ts';
import type { TestMeta } from '../api/spec-runtime.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { findExpectation, judge, type ExpectationSet } from '../expectations/expectations.ts';
import type { TestRecord } from '../report/model.ts';
import { classify, type ObservedError } from './classify.ts';

export interface Progress {
  filesDone: number;
  filesTotal: number;
  tests: number;
  unexpected: number;
  lastFile?: string;
}

export function areaOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'spec' && parts.length > 2 ? parts[1]! : 'other';
}

function toObservedErrors(errors: readonly unknown[] | undefined): ObservedError[] {
  return (errors ?? []).map((e) => {
    const error = e as { name?: string; message?: string; capability?: string };
    return { name: error.name, message: error.message, capability: error.capability };
  });
}

function seedOf(errors: readonly unknown[] | undefined): string | undefined {
  for (const e of errors ?? []) {
    const match = /seed:\s*(-?\d+)(?:,\s*path:\s*"([^"]*)")?/.exec(String((e as { message?: string }).message ?? ''));
    if (match) return match[2] ? `${match[1]} path ${match[2]}` : match[1];
  }
  return undefined;
}

/** The first error's expected and actual values, as vitest printed them (an assertion with a diff). */
function assertionOf(errors: readonly unknown[] | undefined): TestRecord['assertion'] {
  const first = errors?.[0] as { expected?: unknown; actual?: unknown } | undefined;
  if (typeof first?.expected !== 'string' || typeof first.actual !== 'string') return undefined;
  return { expected: first.expected, actual: first.actual };
}

/** What one era of the run yielded: its records and when its first file started and its last ended. */
export interface EraResults {
  records: TestRecord[];
  progress: Progress;
  startedAt?: number;
  endedAt?: number;
}

/** `spec/x.spec.ts?era=e9:24:15` in a stack or message -> `spec/x.spec.ts:24:15`: reports name files, not runs of them. */
function withoutEraIds(text: string): string {
  return text.replace(/(\.[cm]?[jt]s)\?era=[a-z0-9]+/g, '$1');
}

/** The file and era of one era's run of a spec file (harness/api/run-context.ts). */
function splitModuleId(moduleId: string): { file: string; era: EraId } {
  const parsed = parseEraModuleId(moduleId);
  if (!parsed) throw new Error(`${moduleId}: not a module id the runner made (no era)`);
  return parsed;
}

export class ResultCollector implements Reporter {
  readonly #eras = new Map<EraId, EraResults>();
  readonly #root: string;
  readonly #expectations: ExpectationSet;
  readonly #onProgress: (era: EraId, p: Progress) => void;
  /** Module ids the run was given, and those that ended: the rest died with their worker. */
  readonly #planned = new Set<string>();
  readonly #ended = new Set<string>();
  /** Tests that produced a result (by module id and full name). */
  readonly #reported = new Set<string>();

  constructor(root: string, expectations: ExpectationSet, onProgress: (era: EraId, p: Progress) => void) {
    this.#root = root;
    this.#expectations = expectations;
    this.#onProgress = onProgress;
  }

  /** The results of an era (empty when none of its files ran). */
  era(era: EraId): EraResults {
    let results = this.#eras.get(era);
    if (!results) {
      results = { records: [], progress: { filesDone: 0, filesTotal: 0, tests: 0, unexpected: 0 } };
      this.#eras.set(era, results);
    }
    return results;
  }

  #relative(file: string): string {
    return path.relative(this.#root, file).split(path.sep).join('/');
  }

  onTestRunStart(specifications: readonly TestSpecification[]): void {
    const eras = new Set<EraId>();
    for (const spec of specifications) {
      const { era } = splitModuleId(spec.moduleId);
      this.#planned.add(spec.moduleId);
      this.era(era).progress.filesTotal++;
      eras.add(era);
    }
    for (const era of eras) this.#onProgress(era, { ...this.era(era).progress });
  }

  onTestModuleStart(testModule: TestModule): void {
    const results = this.era(splitModuleId(testModule.moduleId).era);
    results.startedAt ??= Date.now();
  }

  onTestCaseResult(testCase: TestCase): void {
    const { file: full, era } = splitModuleId(testCase.module.moduleId);
    const file = this.#relative(full);
    const result = testCase.result();
    this.#reported.add(`${testCase.module.moduleId}\0${testCase.fullName}`);
    const meta = (testCase.meta() as { conformance?: TestMeta }).conformance;
    const errors = 'errors' in result ? result.errors : undefined;
    const { status, message } = classify({
      state: result.state,
      errors: toObservedErrors(errors),
      meta,
    });
    this.#add(era, file, testCase.fullName, status, message, {
      members: meta?.members ?? [],
      level: meta?.level,
      basis: meta?.basis,
      durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
      stack: (errors?.[0] as { stack?: string } | undefined)?.stack,
      seed: seedOf(errors),
      agentOutput: meta?.agentOutput,
      assertion: assertionOf(errors),
    });
  }

  onTestModuleEnd(testModule: TestModule): void {
    // A file that could not be collected, or whose worker died, yields one
    // record for the file so the failure is never silent.
    const { file: full, era } = splitModuleId(testModule.moduleId);
    const file = this.#relative(full);
    const results = this.era(era);
    this.#ended.add(testModule.moduleId);
    this.#missing(testModule, 'its worker stopped before this test reported');
    const errors = testModule.errors();
    if (errors.length) {
      const observed = toObservedErrors(errors);
      const crashed = classify({ state: 'failed', errors: observed, meta: undefined }).status === 'CRASH';
      const text = observed.map((e) => [e.name, e.message].filter(Boolean).join(': ')).join('\n');
      this.#add(era, file, '(file)', crashed ? 'CRASH' : 'ERROR', text, { members: [], durationMs: 0 });
    }
    results.endedAt = Date.now();
    results.progress.filesDone++;
    results.progress.lastFile = file;
    this.#onProgress(era, { ...results.progress });
  }

  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[], _reason: TestRunEndReason): void {
    // A worker that dies (killed, out of memory) takes its file's remaining
    // tests with it, and vitest may never end that module: each such test,
    // or the file when it was never collected, is a CRASH, never a silence.
    const cause = unhandledErrors.map((e) => [e.name, e.message].filter(Boolean).join(': ')).join('\n');
    const why = `the worker process died before this test reported${cause ? ` (${cause})` : ''}`;
    const modules = new Map(testModules.map((m) => [m.moduleId, m]));
    for (const moduleId of this.#planned) {
      if (this.#ended.has(moduleId)) continue;
      const { file: full, era } = splitModuleId(moduleId);
      const testModule = modules.get(moduleId);
      if (!testModule || !this.#missing(testModule, why)) {
        this.#add(era, this.#relative(full), '(file)', 'CRASH', why, { members: [], durationMs: 0 });
      }
      const results = this.era(era);
      results.endedAt = Date.now();
      results.progress.filesDone++;
      this.#onProgress(era, { ...results.progress });
    }
  }

  /** Records CRASH for each collected test of the module that never reported; how many there were. */
  #missing(testModule: TestModule, why: string): number {
    const { file: full, era } = splitModuleId(testModule.moduleId);
    let count = 0;
    for (const testCase of testModule.children.allTests()) {
      if (this.#reported.has(`${testModule.moduleId}\0${testCase.fullName}`)) continue;
      if (testCase.result().state !== 'pending') continue;
      count++;
      const meta = (testCase.meta() as { conformance?: TestMeta }).conformance;
      this.#add(era, this.#relative(full), testCase.fullName, 'CRASH', why, {
        members: meta?.members ?? [],
        level: meta?.level,
        basis: meta?.basis,
        durationMs: 0,
      });
    }
    return count;
  }

  #add(
    era: EraId,
    file: string,
    title: string,
    status: TestRecord['status'],
    message: string | undefined,
    extra: Pick<TestRecord, 'members' | 'durationMs'> & Partial<TestRecord>,
  ): void {
    const entry = findExpectation(this.#expectations, file, title);
    const verdict = judge(status, entry);
    const record: TestRecord = {
      id: `${file} > ${title}`,
      file,
      title,
      area: areaOf(file),
      status,
      expected: verdict.expected,
      durationMs: extra.durationMs,
      members: extra.members,
    };
    if (extra.level) record.level = extra.level;
    if (extra.basis) record.basis = extra.basis;
    if (verdict.intermittent) record.intermittent = true;
    if (verdict.stale) record.stale = true;
    if (entry?.expected) record.expectedStatuses = entry.expected;
    const why = [message, verdict.reason && `expectation: ${verdict.reason}`].filter(Boolean).join(' | ');
    if (why) record.message = withoutEraIds(why);
    if (extra.stack && status !== 'PASS') record.stack = withoutEraIds(extra.stack);
    if (extra.seed) record.seed = extra.seed;
    if (extra.assertion && status !== 'PASS') record.assertion = extra.assertion;
    if (extra.agentOutput) record.agentOutput = extra.agentOutput;
    const results = this.era(era);
    results.records.push(record);
    results.progress.tests++;
    if (!record.expected) results.progress.unexpected++;
  }
}
