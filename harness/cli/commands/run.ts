// `run`: the suite against one adapter, in one era or all, writing report.json.
// Like vitest, a run that executes no test fails unless told otherwise.

import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadExpectations, NO_EXPECTATIONS } from '../../expectations/expectations.ts';
import { formatCoverage, formatSummary } from '../../report/console.ts';
import { unexpectedResults } from '../../report/model.ts';
import {
  parseAdapter,
  parseEras,
  parseOutputFolder,
  parseReporters,
  parseShard,
  progressPrinter,
  UsageError,
} from '../options.ts';
import type { Command } from './command.ts';
import { adapterLabel, type AdapterSpec } from '../../api/run-context.ts';
import { createAdapter } from '../../adapters/index.ts';
import type { ExpectationSet } from '../../expectations/expectations.ts';
import { defaultExpectationsFile, EXPECTATIONS_DIR } from '../expectations-file.ts';

const AGENT_FAILURES = new Set(['AgentCrashed', 'AgentTimeout', 'AgentUnsupported', 'AgentError', 'ProtocolError']);

/** What a run needs beyond parsing its options; loaded when a run starts, so the other commands start quickly. */
async function runModules() {
  const [catalog, write, coverage, suite, specFiles] = await Promise.all([
    import('../../report/catalog.ts'),
    import('../../report/write.ts'),
    import('../../runner/coverage.ts'),
    import('../../runner/run-suite.ts'),
    import('../../runner/spec-files.ts'),
  ]);
  return { ...catalog, ...write, ...coverage, ...suite, ...specFiles };
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      adapter: { type: 'string', default: 'reference' },
      era: { type: 'string' },
      shard: { type: 'string' },
      grep: { type: 'string' },
      exact: { type: 'boolean', default: false },
      expectations: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      reporter: { type: 'string', multiple: true },
      'validate-protocol': { type: 'boolean', default: false },
      'pass-with-no-tests': { type: 'boolean', default: false },
    },
  });
  const adapter = parseAdapter(values.adapter!);
  if (values['validate-protocol']) {
    if (adapter.kind === 'reference') throw new UsageError('--validate-protocol needs a remote: or attach: adapter');
    adapter.validateProtocol = true;
  }
  if (values.exact && values.grep === undefined) throw new UsageError('--exact needs --grep');
  const eras = parseEras(values.era, ['current']);
  const shard = parseShard(values.shard);
  const reporters = parseReporters(values.reporter, ['json', 'html']);
  const reportsFolder = parseOutputFolder('--reports', values.reports!);
  let expectations: ExpectationSet;
  try {
    expectations = await expectationsFor(adapter, values.expectations);
  } catch (error) {
    return agentFailure(adapter, error);
  }

  const { loadCatalog, renderReport, writeReports, computeCoverage, loadPending, runSuite, listSpecFiles } = await runModules();
  const started = Date.now();
  let report;
  try {
    report = await runSuite({
      adapter,
      eras,
      shard,
      grep: values.grep,
      exact: values.exact!,
      expectations,
      files: positionals,
      onProgress: progressPrinter(),
    });
  } catch (error) {
    return agentFailure(adapter, error);
  }
  if (process.stdout.isTTY && !process.env.CI) process.stdout.write('\n');
  const catalog = loadCatalog();
  const files = await writeReports(report, reportsFolder, reporters, catalog);
  // GitHub Actions shows this file on the run's page.
  if (reporters.includes('markdown') && process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderReport('markdown', report));
  }
  console.log(formatSummary(report));
  console.log(
    `\ncoverage (specced / documented):\n${formatCoverage(computeCoverage(listSpecFiles(), loadPending(), eras), false)}`,
  );
  const tests = report.runs.reduce((n, r) => n + r.results.length, 0);
  if (!tests) {
    const why = values.grep || positionals.length ? 'no spec file or test matched' : 'the suite is empty';
    if (!values['pass-with-no-tests']) {
      console.error(`session-conformance run: no test ran (${why}); --pass-with-no-tests makes that a success`);
      return 1;
    }
    console.log(`no test ran (${why})`);
  }
  const unexpected = unexpectedResults(report).length;
  const written = files.map((f) => path.relative(process.cwd(), f) || f).join(', ');
  console.log(
    `\nwrote ${written} · ${((Date.now() - started) / 1000).toFixed(1)}s · ${unexpected ? `${unexpected} unexpected result(s)` : 'no unexpected results'}`,
  );
  return unexpected ? 1 : 0;
}

// An agent that cannot be started or spoken to is reported, not a stack trace.
function agentFailure(adapter: AdapterSpec, error: unknown): number {
  if (!AGENT_FAILURES.has((error as Error).name)) throw error;
  console.error(`session-conformance run: ${adapterLabel(adapter)}: ${(error as Error).name}: ${(error as Error).message}`);
  return 2;
}

/**
 * The expectation file a run reads: the one named, which must exist, else
 * expectations/<implementation>.yaml in the working folder when there is one.
 */
async function expectationsFor(adapter: AdapterSpec, named: string | undefined): Promise<ExpectationSet> {
  let file = named && path.resolve(named);
  if (file && !existsSync(file)) throw new UsageError(`--expectations ${named}: no such file`);
  if (!file) {
    // Without an expectations folder there is nothing to look up, and no agent to ask its name.
    if (!existsSync(path.join(process.cwd(), EXPECTATIONS_DIR))) return NO_EXPECTATIONS;
    const described = createAdapter(adapter);
    try {
      file = defaultExpectationsFile((await described.describe()).name);
    } finally {
      await described.close?.();
    }
    if (!existsSync(file)) return NO_EXPECTATIONS;
  }
  // Recorded in the report (and its re-run lines) relative to the working folder when inside it.
  const relative = path.relative(process.cwd(), file);
  try {
    return loadExpectations(relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const runCommand: Command = {
  name: 'run',
  usage: `run        run the suite and write reports
             --adapter reference        implementation to test (default: reference)
             --adapter remote:<command> an agent process per spec file, e.g. remote:node my-agent.cjs;
                                        the bundled reference agent is harness/agent/reference-agent.mjs
                                        (node_modules/session-conformance/harness/... when installed)
             --adapter attach:<address> an agent already listening (host:port or socket path)
             --validate-protocol        check every agent message against its JSON Schema
             --era <ids>|all            eras to run: one, a comma-separated list, or all (default: current)
             --shard <i>/<n>            run one shard of the spec files
             --grep <text>              only tests whose id contains text
             --exact                    --grep is a test's whole title (describe > test), as re-run commands give it
             --expectations <file>      known failures (default: expectations/<implementation>.yaml
                                        in the current folder, when it exists)
             --reports <dir>            where to write the reports (default: reports)
             --reporter <names>         json, junit, html, markdown (default: json,html)
             --pass-with-no-tests       exit 0 when no test ran (default: exit 1)
             [spec files or folders]    e.g. spec/cookies/ or spec/session/from-partition.spec.ts`,
  run,
};
