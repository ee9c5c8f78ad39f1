// `run`: the suite against one adapter, in one era or all, writing report.json.

import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadExpectations, NO_EXPECTATIONS } from '../../expectations/expectations.ts';
import { formatCoverage, formatSummary } from '../../report/console.ts';
import { unexpectedResults } from '../../report/model.ts';
import { REPO_ROOT } from '../../runner/paths.ts';
import { parseAdapter, parseEras, parseReporters, progressPrinter, UsageError } from '../options.ts';
import type { Command } from './command.ts';
import { adapterLabel } from '../../api/run-context.ts';

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
      expectations: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      reporter: { type: 'string', multiple: true },
      'validate-protocol': { type: 'boolean', default: false },
    },
  });
  const adapter = parseAdapter(values.adapter!);
  if (values['validate-protocol']) {
    if (adapter.kind === 'reference') throw new UsageError('--validate-protocol needs a remote: or attach: adapter');
    adapter.validateProtocol = true;
  }
  const eras = parseEras(values.era, ['current']);
  if (values.shard && !/^\d+\/\d+$/.test(values.shard)) throw new UsageError('--shard takes <index>/<count>, e.g. 1/4');
  const reporters = parseReporters(values.reporter, ['json', 'html']);
  const defaultExpectations = path.join(REPO_ROOT, 'harness/expectations', `${adapter.kind}.yaml`);
  const expectationsFile = values.expectations ?? (existsSync(defaultExpectations) ? defaultExpectations : undefined);
  const expectations = expectationsFile ? loadExpectations(expectationsFile) : NO_EXPECTATIONS;

  const { loadCatalog, renderReport, writeReports, computeCoverage, loadPending, runSuite, listSpecFiles } = await runModules();
  const started = Date.now();
  let report;
  try {
    report = await runSuite({
      adapter,
      eras,
      shard: values.shard,
      grep: values.grep,
      expectations,
      files: positionals,
      onProgress: progressPrinter(),
    });
  } catch (error) {
    // An agent that cannot be started or spoken to is reported, not a stack trace.
    if (!AGENT_FAILURES.has((error as Error).name)) throw error;
    console.error(`session-conformance: ${adapterLabel(adapter)}: ${(error as Error).name}: ${(error as Error).message}`);
    return 2;
  }
  if (process.stdout.isTTY && !process.env.CI) process.stdout.write('\n');
  const catalog = loadCatalog();
  const files = await writeReports(report, path.resolve(values.reports!), reporters, catalog);
  // GitHub Actions shows this file on the run's page.
  if (reporters.includes('markdown') && process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderReport('markdown', report));
  }
  console.log(formatSummary(report));
  console.log(`\ncoverage (specced / documented):\n${formatCoverage(computeCoverage(listSpecFiles(), loadPending(), eras), false)}`);
  const unexpected = unexpectedResults(report).length;
  const written = files.map((f) => path.relative(process.cwd(), f) || f).join(', ');
  console.log(`\nwrote ${written} · ${((Date.now() - started) / 1000).toFixed(1)}s · ${unexpected ? `${unexpected} unexpected result(s)` : 'no unexpected results'}`);
  return unexpected ? 1 : 0;
}


export const runCommand: Command = {
  name: 'run',
  usage: `run        run the suite and write reports
             --adapter reference        implementation to test (default: reference)
             --adapter remote:<command> an agent process per spec file, e.g.
                                        remote:node harness/agent/reference-agent.mjs
             --adapter attach:<address> an agent already listening (host:port or socket path)
             --validate-protocol        check every agent message against its JSON Schema
             --era <id>|all             era to run (default: current)
             --shard <i>/<n>            run one shard of the spec files
             --grep <text>              only tests whose id contains text
             --expectations <file>      known failures (default: harness/expectations/<adapter>.yaml)
             --reports <dir>            where to write the reports (default: reports)
             --reporter <names>         json, junit, html, markdown (default: json,html)`,
  run,
};
