// Where the suite's wall time goes: runs the whole suite (every era by
// default) the way `npm run conformance` does and prints, per era, the wall
// time, the time spent inside tests and the rest (worker start-up, imports,
// transforms, hooks: the overhead). The machine's load average is printed
// too, since on a shared machine the numbers are only comparable with it.
//
// Run: npm run bench:suite   [-- --era current] [-- --adapter remote:<command>] [-- --report before.json]

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseAdapter, parseEras } from '../../harness/cli/options.ts';
import { countStatuses, type Run } from '../../harness/report/model.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';

const { values } = parseArgs({
  options: {
    era: { type: 'string', default: 'all' },
    adapter: { type: 'string', default: 'reference' },
    report: { type: 'string' },
  },
});
const eras = parseEras(values.era, ['current']);
const adapter = parseAdapter(values.adapter!);

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const loadBefore = load();
const started = performance.now();
const report = await runSuite({ adapter, eras });
const wall = performance.now() - started;
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));

interface Row {
  era: string;
  files: number;
  tests: number;
  wall: number;
  inTests: number;
}

function row(run: Run): Row {
  return {
    era: run.info.era,
    files: new Set(run.results.map((r) => r.file)).size,
    tests: run.results.length,
    wall: run.info.durationMs,
    inTests: run.results.reduce((sum, r) => sum + r.durationMs, 0),
  };
}

const rows = report.runs.map(row);
const total: Row = {
  era: 'all (bench wall)',
  files: rows.reduce((s, r) => s + r.files, 0),
  tests: rows.reduce((s, r) => s + r.tests, 0),
  wall,
  inTests: rows.reduce((s, r) => s + r.inTests, 0),
};
const header = ['era', 'files', 'tests', 'wall', 'in tests', 'overhead', 'overhead %'];
const lines = [...rows, total].map((r) => [
  r.era,
  String(r.files),
  String(r.tests),
  seconds(r.wall),
  seconds(r.inTests),
  seconds(r.wall - r.inTests),
  `${Math.round((100 * (r.wall - r.inTests)) / Math.max(r.wall, 1))}%`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(format(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const l of lines) console.log(format(l));

const counts = countStatuses(report.runs.flatMap((r) => r.results));
const bad = counts.FAIL + counts.ERROR + counts.TIMEOUT + counts.CRASH;
console.log(`\n${values.adapter}, ${os.cpus().length} cores, load average before ${loadBefore}, after ${load()}`);
console.log(`"wall" per era is the era's own span; "in tests" sums test durations (parallel workers can make it exceed the wall)`);
if (bad) console.log(`${bad} test(s) failed: the timings are not comparable`);
