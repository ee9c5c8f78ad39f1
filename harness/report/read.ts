// Reads report.json files for the commands that work on finished runs
// (merge, diff, update-expectations), with errors that name the file.

import { readFileSync } from 'node:fs';
import { validateReport, type Report } from './model.ts';

export function readReportFile(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return validateReport(JSON.parse(text));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
