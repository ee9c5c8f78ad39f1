// `merge`: one report (report.json, report.html, ...) from the report.json of
// several runs, e.g. the jobs of a CI matrix; shards of one run become one column.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSummary } from '../../report/console.ts';
import { mergeReports } from '../../report/model.ts';
import { readReportFile } from '../../report/read.ts';
import { parseOutputFolder, parseReporters, UsageError } from '../options.ts';
import type { Command } from './command.ts';

async function merge(argv: string[]): Promise<number> {
  // The renderers and the catalog load when a report is written, not with the CLI.
  const [{ loadCatalog }, { writeReports }] = await Promise.all([
    import('../../report/catalog.ts'),
    import('../../report/write.ts'),
  ]);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'reports/merged' },
      reporter: { type: 'string', multiple: true },
    },
  });
  if (!positionals.length) throw new UsageError('merge needs one or more report.json files');
  const reporters = parseReporters(values.reporter, ['json', 'html']);
  const out = parseOutputFolder('--out', values.out!);
  let reports;
  try {
    reports = positionals.map(readReportFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const merged = mergeReports(reports);
  const files = await writeReports(merged, out, reporters, reporters.includes('html') ? loadCatalog() : undefined);
  console.log(formatSummary(merged));
  console.log(
    `\nmerged ${positionals.length} report(s) into ${merged.runs.length} run(s); wrote ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}`,
  );
  return 0;
}

export const mergeCommand: Command = {
  name: 'merge',
  usage: `merge      one report from several report.json       <report.json>...
             --out <dir>                where to write (default: reports/merged)
             --reporter <names>         json, junit, html, markdown (default: json,html)`,
  run: merge,
};
