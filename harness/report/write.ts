// Renders the chosen reporters and writes their files atomically, so a reader
// never sees half a report. Every reporter is a pure function of the Report
// (the HTML one also of the suite's static catalog).

import path from 'node:path';
import type { SuiteCatalog } from './catalog.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import type { Report } from './model.ts';
import { writeFileAtomic } from '../../reference/testing.ts';

import { REPORTER_FILES, type ReporterName } from './reporters.ts';

export { isReporter, REPORTER_FILES, REPORTERS, type ReporterName } from './reporters.ts';

/** Reports are read by others (CI artefacts, a web server): the mode of a file Node writes, before the umask. */
export const SHARED_FILE_MODE = 0o666;

export function renderReport(name: ReporterName, report: Report, catalog?: SuiteCatalog): string {
  switch (name) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'junit':
      return renderJunit(report);
    case 'html':
      return renderHtml(report, catalog);
    case 'markdown':
      return renderMarkdown(report);
  }
}

export async function writeReport(report: Report, dir: string): Promise<string> {
  const file = path.join(dir, REPORTER_FILES.json);
  await writeFileAtomic(file, renderReport('json', report), SHARED_FILE_MODE);
  return file;
}

/** Writes one file per reporter into `dir`; returns the paths written. */
export async function writeReports(
  report: Report,
  dir: string,
  reporters: readonly ReporterName[],
  catalog?: SuiteCatalog,
): Promise<string[]> {
  const files: string[] = [];
  for (const name of reporters) {
    const file = path.join(dir, REPORTER_FILES[name]);
    await writeFileAtomic(file, renderReport(name, report, catalog), SHARED_FILE_MODE);
    files.push(file);
  }
  return files;
}
