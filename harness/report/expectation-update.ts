// Writes or prunes an expectation file from the results of one or more runs,
// like wptrunner's metadata updater: a test that failed gets an entry listing
// what it did (bad statuses first, PASS last when it also passed somewhere);
// an entry whose test now only passes goes; an entry that already lists more
// than one status (an intermittent) keeps them and gains the new ones.
// `disabled:` entries are decisions, never touched. Comments and order in the
// existing file are kept (the YAML document is edited, not regenerated).

import { Document, isMap, parseDocument, Scalar } from 'yaml';
import { BAD_STATUSES, type Status } from '../api/status.ts';
import { parseExpectations, type ExpectationEntry } from '../expectations/expectations.ts';
import type { Report } from './model.ts';
import { firstLine } from './text.ts';

export interface ExpectationChange {
  file: string;
  title: string;
  change: 'added' | 'updated' | 'removed';
  before?: Status[];
  after?: Status[];
  why: string;
}

export interface ExpectationUpdate {
  text: string;
  changes: ExpectationChange[];
}

interface Observation {
  statuses: Status[];
  message?: string;
}

/** Statuses that say something about the implementation (SKIP and NOT_APPLICABLE do not). */
function telling(status: Status): boolean {
  return status !== 'SKIP' && status !== 'NOT_APPLICABLE';
}

/** Bad statuses most frequent first, then PASS if it also passed. */
export function statusList(observed: readonly Status[]): Status[] {
  const counts = new Map<Status, number>();
  for (const s of observed) if (telling(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const bad = [...counts.entries()].filter(([s]) => BAD_STATUSES.has(s)).sort((a, b) => b[1] - a[1]);
  return [...bad.map(([s]) => s), ...(counts.has('PASS') ? (['PASS'] as Status[]) : [])];
}

function union(existing: readonly Status[], observed: readonly Status[]): Status[] {
  return [...new Set([...existing, ...statusList(observed)])];
}

function withoutExpectationReason(message: string | undefined): string | undefined {
  return message?.split(' | expectation: ')[0];
}

function observe(reports: readonly Report[]): { seen: Map<string, Map<string, Observation>>; complete: Set<string> } {
  const seen = new Map<string, Map<string, Observation>>();
  const partial = new Set<string>();
  const files = new Set<string>();
  for (const run of reports.flatMap((r) => r.runs)) {
    for (const r of run.results) {
      files.add(r.file);
      // A filtered run, or a file that failed to load, does not show every test.
      if (run.info.grep || r.title === '(file)') partial.add(r.file);
      if (r.title === '(file)') continue;
      const tests = seen.get(r.file) ?? new Map<string, Observation>();
      seen.set(r.file, tests);
      const o = tests.get(r.title) ?? { statuses: [] };
      o.statuses.push(r.status);
      if (BAD_STATUSES.has(r.status) && !o.message) {
        const message = withoutExpectationReason(r.message);
        if (message) o.message = message;
      }
      tests.set(r.title, o);
    }
  }
  return { seen, complete: new Set([...files].filter((f) => !partial.has(f))) };
}

function statusNode(doc: Document, list: Status[]): unknown {
  return list.length === 1 ? list[0] : doc.createNode(list, { flow: true });
}

function same(a: readonly Status[] | undefined, b: readonly Status[]): boolean {
  return !!a && a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The expectation file `existing` (its text, or null for none) updated with
 * what `reports` observed. All runs must be of the adapter the file is for.
 */
export function updateExpectations(existing: string | null, source: string, reports: readonly Report[]): ExpectationUpdate {
  const entries: ExpectationEntry[] = existing ? parseExpectations(existing, source).entries : [];
  const doc: Document = existing?.trim() ? parseDocument(existing) : new Document({});
  if (!existing?.trim()) {
    doc.commentBefore = ' Known failures: written by `session-conformance update-expectations`; reasons may be edited.';
  }
  const { seen, complete } = observe(reports);
  const changes: ExpectationChange[] = [];

  for (const entry of entries) {
    if (!entry.expected) continue; // `disabled:` only: a person decided it
    const o = seen.get(entry.file)?.get(entry.title);
    if (!o) {
      if (complete.has(entry.file)) {
        doc.deleteIn([entry.file, entry.title]);
        changes.push({
          file: entry.file,
          title: entry.title,
          change: 'removed',
          before: entry.expected,
          why: 'the test no longer exists',
        });
      }
      continue;
    }
    if (!o.statuses.some(telling)) continue;
    const next = entry.expected.length > 1 ? union(entry.expected, o.statuses) : statusList(o.statuses);
    if (!next.some((s) => BAD_STATUSES.has(s))) {
      if (entry.disabled) doc.deleteIn([entry.file, entry.title, 'expected']);
      else doc.deleteIn([entry.file, entry.title]);
      changes.push({
        file: entry.file,
        title: entry.title,
        change: 'removed',
        before: entry.expected,
        after: next,
        why: 'it passes',
      });
    } else if (!same(entry.expected, next)) {
      doc.setIn([entry.file, entry.title, 'expected'], statusNode(doc, next));
      changes.push({
        file: entry.file,
        title: entry.title,
        change: 'updated',
        before: entry.expected,
        after: next,
        why: `observed ${o.statuses.join(', ')}`,
      });
    }
  }

  const known = new Set(entries.map((e) => `${e.file}\u0000${e.title}`));
  for (const file of [...seen.keys()].sort()) {
    for (const [title, o] of [...seen.get(file)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (known.has(`${file}\u0000${title}`)) continue;
      const list = statusList(o.statuses);
      if (!list.some((s) => BAD_STATUSES.has(s))) continue;
      if (!doc.hasIn([file])) doc.setIn([file], doc.createNode({}));
      const reason = `observed ${list.join(', ')}${o.message ? `: ${firstLine(o.message, 160)}` : ''}`;
      const tests = doc.getIn([file]);
      if (!isMap(tests)) throw new Error(`${source}: ${file} is not a mapping of test titles`);
      // Titles are quoted, as in hand-written files: they contain ' > ' and often ':'.
      const key = new Scalar(title);
      key.type = 'QUOTE_DOUBLE';
      tests.add(doc.createPair(key, doc.createNode({ expected: statusNode(doc, list), reason })));
      changes.push({ file, title, change: 'added', after: list, why: reason });
    }
  }

  // Files whose every entry went are dropped too.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isMap(pair.value)) {
        pair.value.items = pair.value.items.filter((test) => !(isMap(test.value) && test.value.items.length === 0));
      }
    }
    doc.contents.items = doc.contents.items.filter((pair) => !(isMap(pair.value) && pair.value.items.length === 0));
  }
  const text =
    isMap(doc.contents) && doc.contents.items.length === 0
      ? '{}\n'
      : doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // The result must be a file the runner accepts.
  parseExpectations(text, source);
  return { text, changes };
}
