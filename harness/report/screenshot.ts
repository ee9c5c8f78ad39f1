// `npm run screenshot [report.json...]`: renders report.html from the given
// reports (default: reports/report.json, or a fresh run of the whole suite in
// every era when there is none), opens it in headless Chromium, opens the
// detail of one cell and saves docs/report-matrix.png for the README.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { REPO_ROOT } from '../runner/paths.ts';
import { runSuite } from '../runner/run-suite.ts';
import { loadCatalog } from './catalog.ts';
import { launchChromium } from './chromium.ts';
import { renderHtml } from './html.ts';
import { mergeReports, type Report } from './model.ts';
import { readReportFile } from './read.ts';

export const SCREENSHOT = 'docs/report-matrix.png';

async function reportToShow(files: string[]): Promise<Report> {
  if (files.length) return mergeReports(files.map(readReportFile));
  const latest = path.join(REPO_ROOT, 'reports/report.json');
  if (existsSync(latest)) return readReportFile(latest);
  console.log('no reports/report.json: running the suite in every era');
  return runSuite({ adapter: { kind: 'reference' }, eras: [...ERA_IDS] });
}

export async function screenshot(report: Report, out: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-screenshot-'));
  const browser = await launchChromium();
  try {
    const page = path.join(dir, 'report.html');
    writeFileSync(page, renderHtml(report, loadCatalog()));
    const tab = await browser.newPage({ viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(page).href);
    // Show what a click gives: the detail of the first member in the newest era.
    const rows = tab.locator('tr.member-row[data-kind=member]');
    if (await rows.count()) {
      await rows.first().locator('td.cell').last().click();
      await tab.locator('#detail details summary').first().click();
    }
    await tab.screenshot({ path: out });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const report = await reportToShow(process.argv.slice(2));
  const out = path.join(REPO_ROOT, SCREENSHOT);
  await screenshot(report, out);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
