// Writes report.json atomically, so a reader never sees half a report.

import path from 'node:path';
import { writeFileAtomic } from '../../reference/storage/atomic-file.ts';
import type { Report } from './model.ts';

export async function writeReport(report: Report, dir: string): Promise<string> {
  const file = path.join(dir, 'report.json');
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
