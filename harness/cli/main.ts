// The session-conformance command line: run, list, coverage.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AdapterSpec } from '../api/run-context.ts';
import { ERA_IDS, isEraId, type EraId } from '../eras/eras.ts';
import { erasInRange } from '../eras/eras.ts';
import { loadExpectations, NO_EXPECTATIONS } from '../expectations/expectations.ts';
import { formatCoverage, formatSummary } from '../report/console.ts';
import { unexpectedResults } from '../report/model.ts';
import { writeReport } from '../report/write.ts';
import { computeCoverage, loadPending } from '../runner/coverage.ts';
import { REPO_ROOT } from '../runner/paths.ts';
import type { Progress } from '../runner/result-collector.ts';
import { runSuite } from '../runner/run-suite.ts';
import { listSpecFiles } from '../runner/spec-files.ts';

const USAGE = `usage: session-conformance <command> [options]

commands:
  run        run the suite and write reports
             --adapter reference        implementation to test (default: reference)
             --era <id>|all             era to run (default: current); ids: ${ERA_IDS.join(', ')}
             --shard <i>/<n>            run one shard of the spec files
             --grep <text>              only tests whose title contains text
             --expectations <file>      known failures (default: harness/expectations/<adapter>.yaml)
             --reports <dir>            where to write report.json (default: reports)
             --reporter json            reporters to write (json; more arrive with the report issue)
  list       list spec files, their members and eras      [--era <id>]
  coverage   members specced per era                     [--era <id>|all]
`;

export class UsageError extends Error {}

function parseAdapter(text: string): AdapterSpec {
  if (text === 'reference') return { kind: 'reference' };
  if (text.startsWith('remote:')) return { kind: 'remote', command: text.slice(7).split(' ').filter(Boolean) };
  if (text.startsWith('attach:')) return { kind: 'attach', address: text.slice(7) };
  throw new UsageError(`unknown adapter "${text}" (use reference, remote:<command>, attach:<address>)`);
}

function parseEras(text: string | undefined, fallback: EraId[]): EraId[] {
  if (text === undefined) return fallback;
  if (text === 'all') return [...ERA_IDS];
  if (isEraId(text)) return [text];
  throw new UsageError(`unknown era "${text}" (use ${ERA_IDS.join(', ')} or all)`);
}

function progressPrinter(): (era: EraId, p: Progress) => void {
  const live = Boolean(process.stdout.isTTY) && !process.env.CI;
  return (era, p) => {
    const line = `[${era}] files ${p.filesDone}/${p.filesTotal} · tests ${p.tests} · unexpected ${p.unexpected}`;
    if (live) process.stdout.write(`\r${line}\x1b[K`);
    else if (p.lastFile) process.stdout.write(`${line} · ${p.lastFile}\n`);
  };
}

async function commandRun(argv: string[]): Promise<number> {
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
    },
  });
  const adapter = parseAdapter(values.adapter!);
  if (adapter.kind !== 'reference') throw new UsageError(`the ${adapter.kind} adapter is not available yet`);
  const eras = parseEras(values.era, ['current']);
  if (values.shard && !/^\d+\/\d+$/.test(values.shard)) throw new UsageError('--shard takes <index>/<count>, e.g. 1/4');
  for (const reporter of values.reporter ?? []) if (reporter !== 'json') throw new UsageError(`unknown reporter "${reporter}"`);
  const defaultExpectations = path.join(REPO_ROOT, 'harness/expectations', `${adapter.kind}.yaml`);
  const expectationsFile = values.expectations ?? (existsSync(defaultExpectations) ? defaultExpectations : undefined);
  const expectations = expectationsFile ? loadExpectations(expectationsFile) : NO_EXPECTATIONS;

  const started = Date.now();
  const report = await runSuite({
    adapter,
    eras,
    shard: values.shard,
    grep: values.grep,
    expectations,
    files: positionals,
    onProgress: progressPrinter(),
  });
  if (process.stdout.isTTY && !process.env.CI) process.stdout.write('\n');
  const file = await writeReport(report, path.resolve(values.reports!));
  console.log(formatSummary(report));
  console.log(`\ncoverage (specced / documented):\n${formatCoverage(computeCoverage(listSpecFiles(), loadPending(), eras), false)}`);
  const unexpected = unexpectedResults(report).length;
  console.log(`\nwrote ${path.relative(process.cwd(), file) || file} · ${((Date.now() - started) / 1000).toFixed(1)}s · ${unexpected ? `${unexpected} unexpected result(s)` : 'no unexpected results'}`);
  return unexpected ? 1 : 0;
}

function commandList(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' } } });
  const eras = parseEras(values.era, [...ERA_IDS]);
  for (const { file, meta } of listSpecFiles()) {
    const applies = erasInRange(meta.eras).filter((e) => eras.includes(e));
    if (!applies.length) continue;
    console.log(`${file}\n  members: ${meta.members.join(', ')}\n  eras: ${meta.eras} (${applies.join(', ')}) · requires: ${meta.requires.join(', ') || '-'} · ${meta.level} · ${meta.basis}\n  ${meta.summary}`);
  }
  return 0;
}

function commandCoverage(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' } } });
  const coverage = computeCoverage(listSpecFiles(), loadPending(), parseEras(values.era, [...ERA_IDS]));
  console.log(formatCoverage(coverage));
  const broken = coverage.eras.some((e) => e.missing.length) || coverage.stalePending.length || coverage.unknownMembers.length;
  return broken ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await commandRun(rest);
      case 'list':
        return commandList(rest);
      case 'coverage':
        return commandCoverage(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`session-conformance: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
