// JUnit and markdown as text: how each status maps, escaping of what tests
// print (markup, pipes, terminal colours, characters XML forbids).

import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../harness/report/html.ts';
import { junitOutcome, renderJunit } from '../../harness/report/junit.ts';
import { renderMarkdown } from '../../harness/report/markdown.ts';
import { rerunCommand } from '../../harness/report/rerun.ts';
import { escapeXml, markdownCell, shellQuote } from '../../harness/report/text.ts';
import { record, report, run } from './sample-report.ts';

const F = 'spec/session/a.spec.ts';

describe('junitOutcome', () => {
  it('fails only unexpected results and skips expected failures and NOT_APPLICABLE with the reason', () => {
    expect(junitOutcome(record(`${F} > t`))).toEqual({ kind: 'pass' });
    expect(junitOutcome(record(`${F} > t`, { status: 'FAIL', expected: false, message: 'm' }))).toMatchObject({
      kind: 'failure',
      type: 'FAIL',
    });
    expect(junitOutcome(record(`${F} > t`, { status: 'TIMEOUT', expected: false }))).toMatchObject({
      kind: 'error',
      type: 'TIMEOUT',
    });
    expect(junitOutcome(record(`${F} > t`, { status: 'CRASH', expected: true, message: 'known' }))).toEqual({
      kind: 'skipped',
      type: 'EXPECTED_CRASH',
      message: 'expected CRASH: known',
    });
    expect(junitOutcome(record(`${F} > t`, { status: 'NOT_APPLICABLE', message: 'era legacy is outside >=e12' }))).toMatchObject({
      kind: 'skipped',
      message: 'not applicable: era legacy is outside >=e12',
    });
    expect(
      junitOutcome(record(`${F} > t`, { status: 'PASS', expected: false, stale: true, expectedStatuses: ['FAIL'] })),
    ).toMatchObject({
      kind: 'failure',
      type: 'STALE',
    });
  });

  it('escapes what a test printed, drops characters XML forbids and terminal colours', () => {
    const xml = renderJunit(
      report(
        run('current', [
          record(`${F} > <b>&"'`, {
            status: 'FAIL',
            expected: false,
            message: '\u001b[31mred\u001b[39m \u0000 nul',
            members: ['ses.x'],
          }),
        ]),
      ),
    );
    expect(xml).toContain('name="&lt;b&gt;&amp;&quot;&#39;"');
    expect(xml).toContain('classname="ses.x"');
    expect(xml).toContain('message="red \uFFFD nul"');
    expect(xml).not.toMatch(/\u001b|\u0000/);
    expect(xml).toMatch(/<testsuite name="spec\/session\/a\.spec\.ts \[current\]" tests="1" failures="1" errors="0" skipped="0"/);
  });
});

describe('renderMarkdown', () => {
  it('gives the verdict, counts per run, passes per area and the unexpected results', () => {
    const md = renderMarkdown(
      report(
        run('legacy', [record(`${F} > ok`), record(`${F} > n/a`, { status: 'NOT_APPLICABLE' })]),
        run('current', [
          record(`${F} > ok`),
          record(`${F} > a | b`, { status: 'FAIL', expected: false, message: 'line one\nline two' }),
        ]),
      ),
    );
    expect(md).toMatch(/^## session-conformance: ❌ 1 unexpected result\n/);
    expect(md).toMatch(/\| reference · legacy · linux-x64 \| sample 1\.0\.0 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \| 0 \| 1\.0s \|/);
    expect(md).toMatch(/\| session \| 1\/1 \| 1\/2 ❌ \|/);
    expect(md).toContain('| current · linux-x64 | FAIL | spec/session/a.spec.ts > a \\| b | line one |');
    expect(renderMarkdown(report(run('current', [record(`${F} > ok`)])))).toMatch(/✅ no unexpected results/);
  });
});

describe('text helpers', () => {
  it('quote for a POSIX shell and escape for markdown and XML', () => {
    expect(shellQuote('plain-arg/x.ts')).toBe('plain-arg/x.ts');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote("app 'session-created' > x")).toBe(`"app 'session-created' > x"`);
    expect(shellQuote('a > b')).toBe(`'a > b'`);
    expect(markdownCell('a|b\n*c*')).toBe('a\\|b \\*c\\*');
    expect(escapeXml('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('builds a re-run line per test, and per file for a file-level record', () => {
    expect(rerunCommand({ adapter: 'reference', era: 'e9' }, { file: F, title: 'g > t' })).toBe(
      `npx session-conformance run --adapter reference --era e9 --reports reports/rerun --grep 'g > t' --exact ${F}`,
    );
    expect(rerunCommand({ adapter: 'reference', era: 'e9' }, { file: F, title: '(file)' })).toBe(
      `npx session-conformance run --adapter reference --era e9 --reports reports/rerun ${F}`,
    );
  });

  it("keeps the run's expectations in the re-run line", () => {
    const info = { adapter: 'remote:node agent.mjs', era: 'current' as const, expectations: 'expectations/my fork.yaml' };
    expect(rerunCommand(info, { file: F, title: 't' })).toBe(
      `npx session-conformance run --adapter 'remote:node agent.mjs' --era current --expectations 'expectations/my fork.yaml' --reports reports/rerun --grep t --exact ${F}`,
    );
  });
});

describe('a report without runs', () => {
  it('still renders in every format', () => {
    expect(renderHtml(report())).toMatch(/0 runs · 0 results/);
    expect(renderJunit(report())).toMatch(/<testsuites name="session-conformance" tests="0"/);
    expect(renderMarkdown(report())).toMatch(/✅ no unexpected results/);
  });
});
