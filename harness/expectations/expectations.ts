// Expectation files: known failures per spec file and test title, the way
// WPT's metadata and test262's runner exclusions work. The file is YAML:
//
//   spec/area/file.spec.ts:
//     "group > test title":
//       expected: FAIL            # or [FAIL, PASS]: first usual, rest intermittent
//       reason: why it fails
//     "another title":
//       disabled: why it must not run
//
// A result is expected when its status is listed (or, without an entry, when
// it is not a failure). An unexpected PASS means the expectation is stale.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BAD_STATUSES, isStatus, type Status } from '../api/status.ts';

export interface ExpectationEntry {
  file: string;
  title: string;
  /** Allowed statuses; the first is the usual one, the rest intermittent. */
  expected?: Status[];
  reason?: string;
  /** The test is not run; the text says why. */
  disabled?: string;
}

export interface ExpectationSet {
  source: string | null;
  entries: ExpectationEntry[];
}

export const NO_EXPECTATIONS: ExpectationSet = { source: null, entries: [] };

function fail(source: string, where: string, message: string): never {
  throw new Error(`${source}: ${where}: ${message}`);
}

export function parseExpectations(text: string, source: string): ExpectationSet {
  const data: unknown = parse(text) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) fail(source, 'top level', 'expected a mapping of spec files');
  const entries: ExpectationEntry[] = [];
  for (const [file, tests] of Object.entries(data as Record<string, unknown>)) {
    if (!tests || typeof tests !== 'object' || Array.isArray(tests)) fail(source, file, 'expected a mapping of test titles');
    for (const [title, raw] of Object.entries(tests as Record<string, unknown>)) {
      const where = `${file} > ${title}`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(source, where, 'expected `expected:` or `disabled:`');
      const { expected, reason, disabled, ...rest } = raw as Record<string, unknown>;
      const unknownKeys = Object.keys(rest);
      if (unknownKeys.length) fail(source, where, `unknown key ${unknownKeys.join(', ')}`);
      const entry: ExpectationEntry = { file, title };
      if (disabled !== undefined) {
        if (typeof disabled !== 'string' || !disabled) fail(source, where, '`disabled` needs a reason');
        entry.disabled = disabled;
      }
      if (expected !== undefined) {
        const list = Array.isArray(expected) ? expected : [expected];
        if (!list.length || !list.every(isStatus)) fail(source, where, `bad status in \`expected\`: ${JSON.stringify(expected)}`);
        entry.expected = list as Status[];
        if (typeof reason !== 'string' || !reason) fail(source, where, '`expected` needs a `reason`');
      }
      if (reason !== undefined) entry.reason = String(reason);
      if (!entry.expected && !entry.disabled) fail(source, where, 'expected `expected:` or `disabled:`');
      entries.push(entry);
    }
  }
  return { source, entries };
}

export function loadExpectations(file: string): ExpectationSet {
  return parseExpectations(readFileSync(file, 'utf8'), file);
}

export function findExpectation(set: ExpectationSet, file: string, title: string): ExpectationEntry | undefined {
  return set.entries.find((e) => e.file === file && e.title === title);
}

export interface Judgement {
  expected: boolean;
  /** The status matched a listed intermittent (not the usual) outcome. */
  intermittent?: boolean;
  /** An expectation exists but the test passed: the entry should go. */
  stale?: boolean;
  reason?: string;
}

export function judge(status: Status, entry: ExpectationEntry | undefined): Judgement {
  if (!entry?.expected) {
    if (entry?.disabled && status === 'SKIP') return { expected: true, reason: entry.disabled };
    return { expected: !BAD_STATUSES.has(status) };
  }
  const index = entry.expected.indexOf(status);
  const reason = entry.reason;
  if (index === 0) return { expected: true, reason };
  if (index > 0) return { expected: true, intermittent: true, reason };
  if (status === 'PASS') return { expected: false, stale: true, reason };
  // A different failure than the one listed is news; NOT_APPLICABLE or SKIP is not.
  return { expected: !BAD_STATUSES.has(status), reason };
}
