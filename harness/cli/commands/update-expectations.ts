// `update-expectations`: writes or prunes an expectation file from the
// report.json of one or more runs (see harness/report/expectation-update.ts).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { updateExpectations } from '../../report/expectation-update.ts';
import type { Report } from '../../report/model.ts';
import { readReportFile } from '../../report/read.ts';
import { defaultExpectationsFile } from '../expectations-file.ts';
import { UsageError } from '../options.ts';
import type { Command } from './command.ts';
import { writeFileAtomic } from '../../../reference/testing.ts';
import { SHARED_FILE_MODE } from '../../report/write.ts';

function onlyAdapter(reports: Report[], wanted: string | undefined): Report[] {
  const adapters = [...new Set(reports.flatMap((r) => r.runs.map((run) => run.info.adapter)))];
  if (!wanted && adapters.length > 1) {
    throw new UsageError(`the reports hold runs of several adapters (${adapters.join(', ')}); pick one with --adapter`);
  }
  if (!wanted) return reports;
  return reports.map((r) => ({ ...r, runs: r.runs.filter((run) => run.info.adapter === wanted) }));
}

async function update(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      expectations: { type: 'string' },
      adapter: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new UsageError('update-expectations needs one or more report.json files');
  let reports: Report[];
  try {
    reports = onlyAdapter(positionals.map(readReportFile), values.adapter);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
  const runs = reports.flatMap((r) => r.runs);
  if (!runs.length) throw new UsageError(`no runs of adapter ${values.adapter} in the reports`);
  const file = path.resolve(values.expectations ?? defaultExpectationsFile(runs[0]!.info.implementation.name));
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const { text, changes } = updateExpectations(existing, path.relative(process.cwd(), file) || file, reports);
  for (const c of changes) {
    const statuses = `${c.before?.join(',') ?? '-'} -> ${c.after?.join(',') ?? '-'}`;
    console.log(`${c.change.padEnd(8)} ${statuses.padEnd(24)} ${c.file} > ${c.title}  (${c.why})`);
  }
  const where = path.relative(process.cwd(), file) || file;
  if (!changes.length) console.log(`${where} is up to date`);
  else if (values['dry-run']) console.log(`${changes.length} change(s); --dry-run: ${where} not written`);
  else {
    await writeFileAtomic(file, text, SHARED_FILE_MODE);
    console.log(`wrote ${where}: ${changes.length} change(s)`);
  }
  return 0;
}

export const updateExpectationsCommand: Command = {
  name: 'update-expectations',
  usage: `update-expectations  write or prune known failures from results <report.json>...
             --expectations <file>      file to update (default: expectations/<implementation>.yaml,
                                        the file run reads by default)
             --adapter <label>          which adapter's runs, when the reports hold several
             --dry-run                  print the changes without writing`,
  run: update,
};
