// A vitest reporter that turns test results into TestRecords: classified
// (classify.ts), judged against the expectations, with the spec's metadata.
// It also reports live progress through a callback.

import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { TestMeta } from '../api/spec-runtime.ts';
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

export class ResultCollector implements Reporter {
  readonly records: TestRecord[] = [];
  readonly #root: string;
  readonly #expectations: ExpectationSet;
  readonly #onProgress: (p: Progress) => void;
  readonly #progress: Progress = { filesDone: 0, filesTotal: 0, tests: 0, unexpected: 0 };

  constructor(root: string, expectations: ExpectationSet, onProgress: (p: Progress) => void) {
    this.#root = root;
    this.#expectations = expectations;
    this.#onProgress = onProgress;
  }

  #relative(moduleId: string): string {
    return path.relative(this.#root, moduleId).split(path.sep).join('/');
  }

  onTestRunStart(specifications: readonly unknown[]): void {
    this.#progress.filesTotal = specifications.length;
    this.#onProgress({ ...this.#progress });
  }

  onTestCaseResult(testCase: TestCase): void {
    const file = this.#relative(testCase.module.moduleId);
    const result = testCase.result();
    const meta = (testCase.meta() as { conformance?: TestMeta }).conformance;
    const errors = 'errors' in result ? result.errors : undefined;
    const { status, message } = classify({
      state: result.state,
      errors: toObservedErrors(errors),
      meta,
    });
    this.#add(file, testCase.fullName, status, message, {
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
    const errors = testModule.errors();
    if (errors.length) {
      const file = this.#relative(testModule.moduleId);
      const observed = toObservedErrors(errors);
      const crashed = classify({ state: 'failed', errors: observed, meta: undefined }).status === 'CRASH';
      const text = observed.map((e) => [e.name, e.message].filter(Boolean).join(': ')).join('\n');
      this.#add(file, '(file)', crashed ? 'CRASH' : 'ERROR', text, { members: [], durationMs: 0 });
    }
    this.#progress.filesDone++;
    this.#progress.lastFile = this.#relative(testModule.moduleId);
    this.#onProgress({ ...this.#progress });
  }

  #add(
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
    if (why) record.message = why;
    if (extra.stack && status !== 'PASS') record.stack = extra.stack;
    if (extra.seed) record.seed = extra.seed;
    if (extra.assertion && status !== 'PASS') record.assertion = extra.assertion;
    if (extra.agentOutput) record.agentOutput = extra.agentOutput;
    this.records.push(record);
    this.#progress.tests++;
    if (!record.expected) this.#progress.unexpected++;
  }
}
