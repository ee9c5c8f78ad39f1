// The interpretation rules as tables computed from the code that applies
// them (gateFor, classify, judge) over a fixed set of probes. docs/INTERPRETING.md
// embeds these tables, so the document cannot drift from the code; their
// fingerprint is pinned per contract version in harness/api/contract.ts, so a
// change of behaviour cannot land without bumping the version.

import { createHash } from 'node:crypto';
import type { Capability } from '../../contract/capabilities.ts';
import type { SpecMeta } from '../api/spec-meta.ts';
import { gateFor, type TestMeta } from '../api/spec-runtime.ts';
import type { Status } from '../api/status.ts';
import { judge, type ExpectationEntry } from '../expectations/expectations.ts';
import { classify, type Observed } from '../runner/classify.ts';

const SPEC: SpecMeta = {
  members: ['ses.example'],
  eras: '>=e12',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary: 'probe',
};
const TEST_META: TestMeta = { members: SPEC.members, requires: SPEC.requires, level: 'must', basis: 'documented' };

/** Inputs and outputs of every probe, in order: what the fingerprint covers (not the wording). */
type Facts = unknown[];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function gateTable(facts: Facts): string {
  const probes: [string, 'legacy' | 'e12' | 'current', Capability[]][] = [
    ['era inside the range, capability present', 'current', ['network']],
    ['era outside the range', 'legacy', ['network']],
    ['capability missing', 'e12', []],
  ];
  const rows = probes.map(([what, era, caps]) => {
    const gate = gateFor(SPEC, era, new Set(caps));
    facts.push(['gate', SPEC.eras, SPEC.requires, era, caps, gate?.status ?? 'runs']);
    return [what, `\`${era}\``, caps.length ? caps.join(', ') : 'none', gate ? `${gate.status}: ${gate.reason}` : 'runs'];
  });
  return table(
    [`spec with \`eras: '${SPEC.eras}'\`, \`requires: ['network']\``, 'run era', 'target capabilities', 'outcome'],
    rows,
  );
}

function classifyTable(facts: Facts): string {
  const err = (name: string, message: string, capability?: string) => ({ name, message, ...(capability ? { capability } : {}) });
  const probes: [string, Observed][] = [
    ['the test passed', { state: 'passed', errors: [], meta: TEST_META }],
    [
      'skipped by the runtime: era outside the range',
      {
        state: 'skipped',
        errors: [],
        meta: { ...TEST_META, gate: { status: 'NOT_APPLICABLE', reason: 'era legacy is outside >=e12' } },
      },
    ],
    [
      'skipped by the runtime: disabled by an expectation',
      { state: 'skipped', errors: [], meta: { ...TEST_META, gate: { status: 'SKIP', reason: 'disabled: hangs' } } },
    ],
    ['skipped by the spec itself (it.skip, ctx.skip)', { state: 'skipped', errors: [], meta: TEST_META }],
    ['an assertion failed', { state: 'failed', errors: [err('AssertionError', 'expected 1 to be 2')], meta: TEST_META }],
    ['the implementation threw', { state: 'failed', errors: [err('TypeError', 'x is not a function')], meta: TEST_META }],
    ['the test ran out of time', { state: 'failed', errors: [err('Error', 'Test timed out in 30000ms.')], meta: TEST_META }],
    ['a hook ran out of time', { state: 'failed', errors: [err('Error', 'Hook timed out in 60000ms.')], meta: TEST_META }],
    ['the worker or agent died', { state: 'failed', errors: [err('Error', 'Worker exited unexpectedly')], meta: TEST_META }],
    [
      'the harness failed (e.g. no target could be created)',
      { state: 'failed', errors: [err('HarnessError', 'could not create a target')], meta: TEST_META },
    ],
    [
      'a driver command is unsupported, capability declared in `requires`',
      {
        state: 'failed',
        errors: [err('DriverUnsupported', 'driver command "page.fetch" is not supported', 'network')],
        meta: TEST_META,
      },
    ],
    [
      'a driver command is unsupported, capability not declared',
      {
        state: 'failed',
        errors: [err('DriverUnsupported', 'driver command "hid.plug" is not supported', 'devices.hid')],
        meta: TEST_META,
      },
    ],
    [
      'a driver command whose capability the spec did not declare, on any target',
      {
        state: 'failed',
        errors: [err('UndeclaredCapability', 'driver command "hid.plug" needs capability devices.hid', 'devices.hid')],
        meta: TEST_META,
      },
    ],
    [
      'an agent stopped because it did not answer in time',
      {
        state: 'failed',
        errors: [
          err('AgentTimeout', 'the agent did not answer call x within 25000 ms'),
          err('AgentCrashed', 'the agent died: it was stopped after it did not answer in time'),
        ],
        meta: TEST_META,
      },
    ],
  ];
  const rows = probes.map(([what, observed]) => {
    const { status } = classify(observed);
    facts.push(['classify', observed.state, observed.errors, observed.meta?.gate ?? null, status]);
    return [what, `\`${status}\``];
  });
  return table(['what happened', 'status'], rows);
}

function judgeTable(facts: Facts): string {
  const entry = (expected?: Status[], disabled?: string): ExpectationEntry => ({
    file: 'f',
    title: 't',
    ...(expected ? { expected, reason: 'r' } : {}),
    ...(disabled ? { disabled } : {}),
  });
  const probes: [string, ExpectationEntry | undefined, Status[]][] = [
    ['none', undefined, ['PASS', 'SKIP', 'NOT_APPLICABLE', 'FAIL', 'ERROR', 'TIMEOUT', 'CRASH']],
    ['`expected: FAIL`', entry(['FAIL']), ['FAIL', 'PASS', 'TIMEOUT', 'NOT_APPLICABLE']],
    ['`expected: [FAIL, PASS]`', entry(['FAIL', 'PASS']), ['FAIL', 'PASS', 'CRASH']],
    ['`disabled: …`', entry(undefined, 'hangs'), ['SKIP']],
  ];
  const rows = probes.flatMap(([what, e, statuses]) =>
    statuses.map((status) => {
      const j = judge(status, e);
      facts.push([
        'judge',
        e?.expected ?? null,
        e?.disabled ?? null,
        status,
        j.expected,
        j.intermittent ?? false,
        j.stale ?? false,
      ]);
      const verdict = j.expected
        ? j.intermittent
          ? 'expected (intermittent)'
          : 'expected'
        : j.stale
          ? 'unexpected (stale expectation)'
          : 'unexpected';
      return [what, `\`${status}\``, verdict];
    }),
  );
  return table(['expectation entry', 'status', 'verdict'], rows);
}

/** The rules section of docs/INTERPRETING.md, and the fingerprint of the behaviour it shows. */
export function ruleTables(): { markdown: string; fingerprint: string } {
  const facts: Facts = [];
  const markdown = [
    '#### Gating (before a test runs)',
    '',
    gateTable(facts),
    '',
    '#### From outcome to status',
    '',
    classifyTable(facts),
    '',
    '#### Judging a status against the expectations',
    '',
    judgeTable(facts),
  ].join('\n');
  const fingerprint = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
  return { markdown, fingerprint };
}
