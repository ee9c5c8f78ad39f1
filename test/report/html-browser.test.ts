// report.html and junit.xml in a real browser: Debian's Chromium, headless,
// driven by playwright-core. The report is a real run of the runner's fixture
// specs and the first conformance spec in two eras (every status occurs),
// merged with a small run of another adapter whose records carry fixture
// traffic, agent stderr and a fast-check seed.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { STATUSES } from '../../harness/api/status.ts';
import { loadExpectations } from '../../harness/expectations/expectations.ts';
import { loadCatalog } from '../../harness/report/catalog.ts';
import { launchChromium } from '../../harness/report/chromium.ts';
import { renderHtml } from '../../harness/report/html.ts';
import { renderJunit } from '../../harness/report/junit.ts';
import { mergeReports, unexpectedResults, type Report, type TestRecord } from '../../harness/report/model.ts';
import { computeCoverage, loadPending } from '../../harness/runner/coverage.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';
import { listSpecFiles } from '../../harness/runner/spec-files.ts';
import { record, report as sampleReport, run as sampleRun } from './sample-report.ts';

const FIXTURES = 'test/fixtures/harness-specs';
const AGENT = 'remote:sample-agent';

let report: Report;
let browser: Browser;
let page: Page;
let dir: string;
const problems: string[] = [];
const requests: string[] = [];

function agentRun() {
  return sampleRun(
    'e17',
    [
      record('spec/session/from-partition.spec.ts > session.fromPartition > talks to a server', {
        members: ['session.fromPartition'],
        status: 'FAIL',
        expected: false,
        message: 'AssertionError: expected 407 to be 200',
        traffic: ['127.0.0.1:41234 CONNECT example.test:443', '127.0.0.1:41234 407 Proxy Authentication Required'],
        agentOutput: '[agent] session created\n[agent] proxy rejected <credentials>',
        seed: '-1819918769 path 0:1:0',
        // Run from an installed package: the suite's frames are inside node_modules too.
        stack: [
          'AssertionError: expected 407 to be 200',
          '    at /app/node_modules/session-conformance/spec/session/from-partition.spec.ts:42:7',
          '    at file:///app/node_modules/@vitest/runner/dist/index.js:155:11',
          '    at file:///app/node_modules/vitest/dist/chunks/runtime.js:9:3',
        ].join('\n'),
        assertion: { expected: '200', actual: '407' },
      }),
      record('spec/session/from-partition.spec.ts > session.fromPartition > weird <title> & "quotes"', {
        members: ['session.fromPartition'],
      }),
    ],
    { adapter: AGENT },
  );
}

beforeAll(async () => {
  const real = await runSuite({
    adapter: { kind: 'reference' },
    eras: ['legacy', 'current'],
    include: [`${FIXTURES}/*.spec.ts`, 'spec/session/from-partition.spec.ts'],
    expectations: loadExpectations(path.join(REPO_ROOT, FIXTURES, 'expectations.yaml')),
    testTimeout: 1_000,
  });
  report = mergeReports([real, sampleReport(agentRun())]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'report-html-'));
  const file = path.join(dir, 'report.html');
  writeFileSync(file, renderHtml(report, loadCatalog()));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a cell must say, computed from the records alone. */
function expectedText(records: readonly TestRecord[]): string {
  if (!records.length) return '';
  const applicable = records.filter((r) => r.status !== 'NOT_APPLICABLE');
  if (!applicable.length) return 'n/a';
  return `${applicable.filter((r) => r.status === 'PASS').length}/${applicable.length}`;
}

async function cellTexts(): Promise<Map<string, string>> {
  const cells = await page.$$eval('#matrix td.cell', (tds) =>
    tds.map((td) => [`${td.getAttribute('data-row')}|${td.getAttribute('data-col')}`, td.textContent ?? ''] as const),
  );
  return new Map(cells);
}

async function visibleRows(): Promise<string[]> {
  return page.$$eval('#matrix tr.member-row', (trs) =>
    trs
      .filter((tr) => (tr as unknown as { offsetParent: unknown }).offsetParent !== null)
      .map((tr) => tr.getAttribute('data-row') ?? ''),
  );
}

describe('report.html in Chromium', () => {
  it('loads with no errors, no warnings and no request beyond the file itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:.*report\.html$/);
  });

  it('shows in every cell the passes and applicable tests that report.json holds', async () => {
    const texts = await cellTexts();
    let checked = 0;
    report.runs.forEach((run, col) => {
      expect(texts.get(`*|${col}`)).toBe(expectedText(run.results));
      for (const area of new Set(report.runs.flatMap((r) => r.results.map((x) => x.area)))) {
        expect(texts.get(`${area}|${col}`), `${area} in column ${col}`).toBe(
          expectedText(run.results.filter((r) => r.area === area)),
        );
        checked++;
      }
      const member = run.results.filter((r) => r.members.includes('session.fromPartition'));
      expect(texts.get(`session/session.fromPartition|${col}`)).toBe(expectedText(member));
      const file = run.results.filter((r) => r.file === `${FIXTURES}/statuses.spec.ts`);
      expect(texts.get(`other/${FIXTURES}/statuses.spec.ts|${col}`)).toBe(expectedText(file));
    });
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(await page.textContent('#verdict')).toBe(`${unexpectedResults(report).length} unexpected results`);
  });

  it('has a column per run, naming the adapter where runs differ in it', async () => {
    const heads = await page.$$eval('#matrix th.run', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(heads).toHaveLength(3);
    expect(heads[0]).toMatch(/^legacy/);
    expect(heads[2]).toContain(AGENT);
  });

  it('filters to unexpected results and back', async () => {
    const all = await visibleRows();
    expect(all).toContain('session/session.fromPartition');
    await page.check('#f-unexpected');
    const unexpected = await visibleRows();
    expect(unexpected).toContain(`other/${FIXTURES}/statuses.spec.ts`);
    expect(unexpected).not.toContain(`other/${FIXTURES}/needs-renderer.spec.ts`);
    expect(unexpected).toContain('session/session.fromPartition'); // the agent run has an unexpected FAIL there
    await page.selectOption('#f-era', 'legacy');
    expect(await visibleRows()).not.toContain('session/session.fromPartition');
    expect(await page.isHidden('#matrix th.run[data-col="1"]')).toBe(true);
    expect(await page.isVisible('#matrix th.run[data-col="0"]')).toBe(true);
    await page.selectOption('#f-era', '');
    await page.uncheck('#f-unexpected');
    expect(await visibleRows()).toEqual(all);
  });

  it('filters failures only and by area', async () => {
    await page.check('#f-failures');
    expect(await visibleRows()).not.toContain(`other/${FIXTURES}/current-only.spec.ts`);
    await page.uncheck('#f-failures');
    await page.selectOption('#f-area', 'session');
    expect(await visibleRows()).toEqual(['session/session.fromPartition']);
    await page.selectOption('#f-area', '');
  });

  it('collapses and expands an area', async () => {
    await page.click('tbody.area[data-area="other"] .toggle');
    expect(await visibleRows()).not.toContain(`other/${FIXTURES}/statuses.spec.ts`);
    await page.click('#expand-all');
    expect(await visibleRows()).toContain(`other/${FIXTURES}/statuses.spec.ts`);
  });

  it('opens the tests behind a cell: expected vs observed, message, stack and the re-run command', async () => {
    await page.click(`td.cell[data-row="other/${FIXTURES}/statuses.spec.ts"][data-col="1"]`);
    const detail = page.locator('#detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('h2').textContent()).toContain('current');
    const failing = detail.locator('details[data-id$="statuses > fails an assertion"]');
    const text = (await failing.textContent()) ?? '';
    expect(text).toContain('observedFAIL · UNEXPECTED');
    expect(text).toContain('expectedPASS (no expectation)');
    expect(text).toContain('expected 1 to be 2');
    expect(text).toContain('npx session-conformance run --adapter reference --era current --expectations ');
    expect(text).toContain(`--reports reports/rerun --grep 'statuses > fails an assertion' --exact ${FIXTURES}/statuses.spec.ts`);
    expect(text).toMatch(/expected value\s*2\s*actual value\s*1/);
    expect(text).toMatch(/statuses\.spec\.ts:\d+:\d+/);
    expect(text).toMatch(/\(\d+ frames inside node_modules not shown\)/);
    expect(text).not.toContain('node_modules/@vitest');
    expect(await detail.locator('details[data-id$="statuses > is expected to fail"] .badge').getAttribute('class')).toBe(
      'badge s-expected-fail',
    );
    const known = (await detail.locator('details[data-id$="statuses > is expected to fail"]').textContent()) ?? '';
    expect(known).toMatch(/expectedFAIL/);
    expect(known).toMatch(/observedFAIL · expected/);
    const stale = (await detail.locator('details[data-id$="is expected to fail but passes"]').textContent()) ?? '';
    expect(stale).toMatch(/the expectation is stale/);
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it("shows the spec's summary and doc anchor, and opens from the keyboard", async () => {
    await page.focus('td.cell[data-row="session/session.fromPartition"][data-col="0"]');
    await page.keyboard.press('Enter');
    const first = page.locator('#detail details').first();
    await first.locator('summary').click();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain(listSpecFiles().find((s) => s.file === 'spec/session/from-partition.spec.ts')!.meta.summary);
    expect(await first.locator('a[rel="noreferrer"]').getAttribute('href')).toBe(
      'https://www.electronjs.org/docs/latest/api/session#sessionfrompartitionpartition-options',
    );
  });

  it('shows fixture traffic, agent stderr and the fast-check seed when a record has them', async () => {
    await page.click('td.cell[data-row="session/session.fromPartition"][data-col="2"]');
    const failing = page.locator('#detail details[data-id$="talks to a server"]');
    const text = (await failing.textContent()) ?? '';
    expect(text).toContain('127.0.0.1:41234 407 Proxy Authentication Required');
    expect(text).toContain('[agent] proxy rejected <credentials>');
    expect(text).toContain('-1819918769 path 0:1:0');
    expect(text).toContain(
      `run --adapter ${AGENT} --era e17 --reports reports/rerun --grep 'session.fromPartition > talks to a server'`,
    );
    expect(text).toContain('node_modules/session-conformance/spec/session/from-partition.spec.ts:42:7');
    expect(text).toContain('(2 frames inside node_modules not shown)');
    expect(text).not.toContain('@vitest/runner');
    // Text from the report is text, never markup.
    expect(await page.locator('#detail details[data-id*="weird"] summary').textContent()).toContain('weird <title> & "quotes"');
  });

  it('counts each status per run', async () => {
    const rows = await page.$$eval('#status-counts tbody tr', (trs) =>
      trs.map((tr) =>
        Array.prototype.map.call(tr.querySelectorAll('td'), (td: { textContent: string }) => Number(td.textContent)),
      ),
    );
    const counts = (run: Report['runs'][number]) =>
      STATUSES.map((status) => run.results.filter((r) => r.status === status).length);
    expect(rows).toEqual(report.runs.map((run) => [...counts(run), run.results.length]));
  });

  it('filters by text across test ids, members and messages', async () => {
    const all = await visibleRows();
    await page.fill('#f-text', 'PROXY REJECTED');
    expect(await visibleRows()).toEqual([]);
    await page.fill('#f-text', 'expected 407');
    expect(await visibleRows()).toEqual(['session/session.fromPartition']);
    await page.fill('#f-text', 'fails an assertion');
    expect(await visibleRows()).toEqual([`other/${FIXTURES}/statuses.spec.ts`]);
    await page.click(`td.cell[data-row="other/${FIXTURES}/statuses.spec.ts"][data-col="1"]`);
    const shown = await page.$$eval('#detail details', (d) => d.map((x) => x.getAttribute('data-id')));
    expect(shown).toEqual([`${FIXTURES}/statuses.spec.ts > statuses > fails an assertion`]);
    await page.fill('#f-text', '');
    await page.keyboard.press('Escape');
    expect(await visibleRows()).toEqual(all);
  });

  it('links to each test: the link opens that test, in view', async () => {
    const id = `${FIXTURES}/statuses.spec.ts > statuses > times out`;
    await page.click(`td.cell[data-row="other/${FIXTURES}/statuses.spec.ts"][data-col="1"]`);
    const href = await page.locator(`#detail details[data-id="${id}"] a.test-link`).getAttribute('href');
    expect(href).toBe(`#test=1:${encodeURIComponent(id)}`);
    await page.keyboard.press('Escape');
    await page.goto(`${page.url().split('#')[0]!}${href}`);
    const linked = page.locator('#detail details.linked');
    await expect.poll(() => linked.getAttribute('data-id')).toBe(id);
    expect(await linked.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await linked.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('has a coverage tab with the specced / documented count per era', async () => {
    await page.click('[data-tab="coverage"]');
    expect(await page.isVisible('#coverage-table')).toBe(true);
    expect(await page.isHidden('#matrix')).toBe(true);
    const totals = await page.$$eval('#coverage-table td.cov-total', (tds) => tds.map((td) => td.textContent));
    const coverage = computeCoverage(listSpecFiles(), loadPending(), [...ERA_IDS]);
    expect(totals).toEqual(coverage.eras.map((e) => `${e.specced}/${e.documented}`));
    await page.click('[data-tab="matrix"]');
    expect(await page.isVisible('#matrix')).toBe(true);
  });

  it('never logged an error while being used', () => {
    expect(problems).toEqual([]);
  });
});

describe('junit.xml in a real XML parser', () => {
  it('is well-formed, with one testcase per record and failures only for unexpected results', async () => {
    const xml = renderJunit(report);
    const summary = await page.evaluate((text) => {
      // Runs in the page, where DOMParser exists (the project's types have no DOM).
      type Node = {
        textContent: string | null;
        getAttribute(name: string): string | null;
        querySelector(s: string): Node | null;
      };
      type Doc = Node & { documentElement: Node; querySelectorAll(s: string): Iterable<Node> & { length: number } };
      const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Doc } })
        .DOMParser;
      const doc = new Parser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      const cases = [...doc.querySelectorAll('testcase')];
      return {
        error: error?.textContent ?? null,
        cases: cases.length,
        failing: cases.filter((c) => c.querySelector('failure, error')).length,
        skipped: cases.filter((c) => c.querySelector('skipped')).map((c) => c.querySelector('skipped')!.getAttribute('message')),
        weird: cases.find((c) => c.getAttribute('name')?.includes('weird'))?.getAttribute('name'),
        stale: doc.querySelector('failure[type="STALE"]')?.getAttribute('message'),
        out: doc.querySelector('system-out')?.textContent,
        suites: doc.querySelectorAll('testsuite').length,
        total: doc.documentElement.getAttribute('tests'),
      };
    }, xml);
    const records = report.runs.flatMap((r) => r.results);
    expect(summary.error).toBeNull();
    expect(summary.cases).toBe(records.length);
    expect(String(summary.total)).toBe(String(records.length));
    expect(summary.failing).toBe(unexpectedResults(report).length);
    expect(summary.skipped).toContain(
      "expected FAIL: AssertionError: expected 'actual' to be 'expected' // Object.is equality | expectation: fixture for a known failure",
    );
    expect(summary.skipped.some((m) => m?.startsWith('not applicable: '))).toBe(true);
    expect(summary.weird).toBe('session.fromPartition > weird <title> & "quotes"');
    expect(summary.stale).toMatch(/FAIL or TIMEOUT but it passed/);
    expect(summary.out).toContain('CONNECT example.test:443');
    const files = new Set(
      report.runs.flatMap((r) => [...new Set(r.results.map((x) => x.file))].map((f) => `${r.info.adapter}${r.info.era}${f}`)),
    );
    expect(summary.suites).toBe(files.size);
  });
});
