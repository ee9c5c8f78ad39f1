// JUnit XML for CI systems: one <testsuite> per spec file and run, one
// <testcase> per test with the member as classname. Only unexpected results
// are failures or errors; expected failures and NOT_APPLICABLE are skipped
// with the reason, so the CI verdict matches the CLI's exit code.

import type { Report, Run, TestRecord } from './model.ts';
import { escapeXml, firstLine } from './text.ts';

interface Outcome {
  kind: 'pass' | 'failure' | 'error' | 'skipped';
  type?: string;
  message?: string;
}

export function junitOutcome(r: TestRecord): Outcome {
  const reason = r.message ?? '';
  if (r.stale) {
    return {
      kind: 'failure',
      type: 'STALE',
      message: `an expectation says ${r.expectedStatuses?.join(' or ') ?? 'failure'} but it passed; remove it`,
    };
  }
  switch (r.status) {
    case 'PASS':
      return { kind: 'pass' };
    case 'NOT_APPLICABLE':
      return { kind: 'skipped', type: 'NOT_APPLICABLE', message: `not applicable: ${reason}` };
    case 'SKIP':
      return { kind: 'skipped', type: 'SKIP', message: `skipped: ${reason}` };
    default:
      if (r.expected) return { kind: 'skipped', type: `EXPECTED_${r.status}`, message: `expected ${r.status}: ${reason}` };
      return { kind: r.status === 'FAIL' ? 'failure' : 'error', type: r.status, message: reason };
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function testcase(r: TestRecord): string {
  const outcome = junitOutcome(r);
  const attrs = `name="${escapeXml(r.title)}" classname="${escapeXml(r.members.join(', ') || r.area)}" file="${escapeXml(r.file)}" time="${seconds(r.durationMs)}"`;
  const body: string[] = [];
  if (outcome.kind !== 'pass') {
    const message = escapeXml(firstLine(outcome.message, 500));
    const detail =
      outcome.kind === 'skipped'
        ? ''
        : escapeXml([outcome.message, r.stack, r.seed && `fast-check seed: ${r.seed}`].filter(Boolean).join('\n\n'));
    body.push(
      detail
        ? `<${outcome.kind} type="${outcome.type}" message="${message}">${detail}</${outcome.kind}>`
        : `<${outcome.kind} message="${message}"/>`,
    );
  }
  if (r.traffic?.length) body.push(`<system-out>${escapeXml(r.traffic.join('\n'))}</system-out>`);
  if (r.agentOutput) body.push(`<system-err>${escapeXml(r.agentOutput)}</system-err>`);
  return body.length ? `    <testcase ${attrs}>\n      ${body.join('\n      ')}\n    </testcase>` : `    <testcase ${attrs}/>`;
}

interface Tally {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

function tally(records: readonly TestRecord[]): Tally {
  const t: Tally = { tests: records.length, failures: 0, errors: 0, skipped: 0, ms: 0 };
  for (const r of records) {
    const kind = junitOutcome(r).kind;
    if (kind === 'failure') t.failures++;
    else if (kind === 'error') t.errors++;
    else if (kind === 'skipped') t.skipped++;
    t.ms += r.durationMs;
  }
  return t;
}

function counts(t: Tally): string {
  return `tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}" time="${seconds(t.ms)}"`;
}

function suites(run: Run, label: string): string[] {
  const files = [...new Set(run.results.map((r) => r.file))].sort();
  const { info } = run;
  const properties = [
    ['adapter', info.adapter],
    ['era', info.era],
    ['implementation', `${info.implementation.name} ${info.implementation.version}`],
    ['platform', `${info.platform.os}-${info.platform.arch} node ${info.platform.node}`],
    ...(info.shard ? [['shard', info.shard]] : []),
  ]
    .map(([name, value]) => `      <property name="${name}" value="${escapeXml(value!)}"/>`)
    .join('\n');
  return files.map((file) => {
    const records = run.results.filter((r) => r.file === file);
    return [
      `  <testsuite name="${escapeXml(`${file} [${label}]`)}" ${counts(tally(records))} timestamp="${info.startedAt.replace(/\.\d+Z$/, '')}">`,
      `    <properties>\n${properties}\n    </properties>`,
      ...records.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
}

export function renderJunit(report: Report): string {
  const adapters = new Set(report.runs.map((r) => r.info.adapter));
  const all = tally(report.runs.flatMap((r) => r.results));
  const body = report.runs.flatMap((run) =>
    suites(run, adapters.size > 1 ? `${run.info.adapter} · ${run.info.era}` : run.info.era),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="session-conformance" ${counts(all)}>\n${body.join('\n')}\n</testsuites>\n`;
}
