// Where the suite's wall time goes: runs the whole suite (every era by
// default) the way `npm run conformance` does and prints, per era, the wall
// time, the time spent inside tests and the overhead around them (worker
// start-up, imports and transforms, hooks). The CPU time of the run and the
// machine's load average are printed too: on a shared machine wall times are
// only comparable with them.
//
// Run: npm run bench:suite   [-- --era current] [-- --adapter remote:<command>] [-- --report before.json]
//      npm run bench:suite -- --each    every era in a run of its own too, for each era's own wall time

import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Reporter, TestModule } from 'vitest/node';
import { parseEraModuleId } from '../../harness/api/run-context.ts';
import { parseAdapter, parseEras } from '../../harness/cli/options.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { countStatuses, type Report, type Run } from '../../harness/report/model.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';

const { values } = parseArgs({
  options: {
    era: { type: 'string', default: 'all' },
    adapter: { type: 'string', default: 'reference' },
    report: { type: 'string' },
    each: { type: 'boolean', default: false },
  },
});
const eras = parseEras(values.era, ['current']);
const adapter = parseAdapter(values.adapter!);

/** CPU seconds of this process and of its children that have exited (Linux); undefined elsewhere. */
function cpuSeconds(): number | undefined {
  try {
    // Fields after the command name: utime, stime, cutime, cstime are 14-17 (1-based) of the whole line.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return undefined;
  }
}

/** Per era: time spent importing spec files (and what they import) and in hooks, from vitest's diagnostics. */
class ModuleTimes implements Reporter {
  readonly importMs = new Map<string, number>();
  readonly moduleMs = new Map<string, number>();
  onTestModuleEnd(module: TestModule): void {
    const era = parseEraModuleId(module.moduleId)?.era ?? 'other';
    const d = module.diagnostic();
    const imports = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration;
    this.importMs.set(era, (this.importMs.get(era) ?? 0) + imports);
    this.moduleMs.set(era, (this.moduleMs.get(era) ?? 0) + imports + d.duration);
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Row {
  era: string;
  files: number;
  tests: number;
  wall: number;
  inTests: number;
  imports: number;
  inFiles: number;
}

function row(run: Run, times: ModuleTimes, wall = run.info.durationMs): Row {
  return {
    era: run.info.era,
    files: new Set(run.results.map((r) => r.file)).size,
    tests: run.results.length,
    wall,
    inTests: run.results.reduce((sum, r) => sum + r.durationMs, 0),
    imports: times.importMs.get(run.info.era) ?? 0,
    inFiles: times.moduleMs.get(run.info.era) ?? 0,
  };
}

async function measure(runEras: EraId[]): Promise<{ report: Report; times: ModuleTimes; wall: number }> {
  const times = new ModuleTimes();
  const started = performance.now();
  const report = await runSuite({ adapter, eras: runEras, reporters: [times] });
  return { report, times, wall: performance.now() - started };
}

const loadBefore = load();
const cpuBefore = cpuSeconds();
const whole = await measure(eras);
const cpuAfter = cpuSeconds();
const { report, wall } = whole;
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));

// Eras share the workers in one run, so their spans overlap; with --each,
// every era also runs alone and its row is that run's.
const rows: Row[] = [];
for (const run of report.runs) {
  if (!values.each) rows.push(row(run, whole.times));
  else {
    const alone = await measure([run.info.era]);
    rows.push(row(alone.report.runs[0]!, alone.times, alone.wall));
  }
}
const sum = (key: keyof Row) => rows.reduce((s, r) => s + (r[key] as number), 0);
const total: Row = {
  era: 'whole run',
  files: sum('files'),
  tests: sum('tests'),
  wall,
  inTests: report.runs.reduce((s, run) => s + row(run, whole.times).inTests, 0),
  imports: [...whole.times.importMs.values()].reduce((a, b) => a + b, 0),
  inFiles: [...whole.times.moduleMs.values()].reduce((a, b) => a + b, 0),
};
const header = ['era', 'files', 'tests', 'wall', 'in tests', 'overhead', 'overhead %', 'imports', 'hooks'];
const lines = [...rows, total].map((r) => [
  r.era,
  String(r.files),
  String(r.tests),
  seconds(r.wall),
  seconds(r.inTests),
  seconds(r.wall - r.inTests),
  `${Math.round((100 * (r.wall - r.inTests)) / Math.max(r.wall, 1))}%`,
  seconds(r.imports),
  seconds(r.inFiles - r.imports - r.inTests),
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const format = (cells: string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(format(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const l of lines) console.log(format(l));

const counts = countStatuses(report.runs.flatMap((r) => r.results));
const bad = counts.FAIL + counts.ERROR + counts.TIMEOUT + counts.CRASH;
const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `, CPU ${(cpuAfter - cpuBefore).toFixed(1)} s` : '';
console.log(
  `\n${values.adapter}, ${os.cpus().length} cores${cpu} (whole run), load average before ${loadBefore}, after ${load()}`,
);
console.log(
  values.each
    ? 'wall: the era run alone (whole run: all eras in one run); in tests: test durations summed;'
    : "wall: the era's own span (eras share one pool, so spans may overlap); in tests: test durations summed;",
);
console.log('overhead: wall - in tests (negative when workers run tests in parallel); imports: importing spec files');
console.log('and what they import, summed over files; hooks: beforeAll/afterAll and the like, summed over files');
if (bad) console.log(`${bad} test(s) failed: the timings are not comparable`);
