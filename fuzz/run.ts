// The fuzzing suite's runner: `tsx fuzz/run.ts [--budget short|long|<runs>]
// [--era <id>|all] [--seed n] [--path i] [--jobs n]`. It runs fuzz children
// (child.ts) for every era, a few at a time, each with its own seed and a
// wall-clock limit, so a crash (a child dying without its result) and a
// hang (a child killed at its limit) are seen from outside. It prints the
// totals (calls, crashes, hangs, stalls, wrong-form errors) and, for every
// finding, the command that replays it; it exits 1 when there is any.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ERA_IDS, isEraId, type EraId } from '../contract/eras/eras.ts';
import { RESULT_PREFIX, type ChildResult, type Finding } from './findings.ts';

export interface FuzzPlan {
  eras: readonly EraId[];
  /** Children per era, each with its own seed. */
  childrenPerEra: number;
  runs: number;
  actions: number;
  seed: number;
  path?: string;
  jobs: number;
  /** Wall-clock limit of one child. */
  childLimitMs: number;
}

export interface FuzzTotals {
  calls: number;
  callbacks: number;
  children: number;
  crashes: number;
  hangs: number;
  stalls: number;
  wrongForm: number;
  uncaught: number;
  findings: Finding[];
}

export const BUDGETS = {
  /** CI: well under a minute on a loaded two-core machine. */
  short: { childrenPerEra: 1, runs: 10, actions: 12, childLimitMs: 120_000 },
  /** On demand: minutes per era. */
  long: { childrenPerEra: 6, runs: 60, actions: 16, childLimitMs: 900_000 },
} as const;

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

interface ChildOutcome {
  era: EraId;
  seed: number;
  result?: ChildResult;
  crashed?: string;
  hung?: boolean;
}

function runChild(era: EraId, seed: number, plan: FuzzPlan): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', CHILD, '--era', era, '--seed', String(seed), '--runs', String(plan.runs), '--actions', String(plan.actions)];
    if (plan.path !== undefined) args.push('--path', plan.path);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out = (out + chunk).slice(-1_000_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-20_000)));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, plan.childLimitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolve({ era, seed, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult });
      else if (hung) resolve({ era, seed, hung: true });
      else resolve({ era, seed, crashed: `exit ${String(code)}${signal ? ` (${signal})` : ''}: ${err.trim().split('\n').slice(-12).join('\n')}` });
    });
  });
}

export async function runFuzz(plan: FuzzPlan, log: (line: string) => void = () => undefined): Promise<FuzzTotals> {
  const queue: { era: EraId; seed: number }[] = [];
  for (const era of plan.eras) for (let i = 0; i < plan.childrenPerEra; i++) queue.push({ era, seed: plan.seed + i * 7919 + ERA_IDS.indexOf(era) * 104_729 });
  const totals: FuzzTotals = { calls: 0, callbacks: 0, children: 0, crashes: 0, hangs: 0, stalls: 0, wrongForm: 0, uncaught: 0, findings: [] };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const outcome = await runChild(next.era, next.seed, plan);
      totals.children++;
      const replay = `npm run fuzz -- --era ${outcome.era} --seed ${outcome.seed}`;
      if (outcome.result) {
        const r = outcome.result;
        totals.calls += r.calls + r.callbacks;
        totals.callbacks += r.callbacks;
        for (const f of r.findings) {
          totals.findings.push(f);
          if (f.type === 'hang' || f.type === 'quit-hang') totals.hangs++;
          else if (f.type === 'stall') totals.stalls++;
          else if (f.type === 'wrong-form') totals.wrongForm++;
          else totals.uncaught++;
          log(`FINDING ${f.type} [${f.era} seed ${f.seed} run ${f.path}] ${f.during}: ${f.detail.split('\n')[0]}\n  replay: ${replay} --path ${f.path}`);
        }
        log(`${outcome.era} seed ${outcome.seed}: ${r.calls} calls, ${r.callbacks} callbacks, ${r.findings.length} findings, ${Math.round(r.durationMs / 1000)} s`);
      } else if (outcome.hung) {
        totals.hangs++;
        totals.findings.push({ type: 'hang', era: outcome.era, seed: outcome.seed, path: '', during: 'child', detail: `the child did not finish within ${plan.childLimitMs} ms` });
        log(`HANG ${outcome.era} seed ${outcome.seed}: killed after ${plan.childLimitMs} ms\n  replay: ${replay}`);
      } else {
        totals.crashes++;
        totals.findings.push({ type: 'crash', era: outcome.era, seed: outcome.seed, path: '', during: 'child', detail: outcome.crashed ?? '' });
        log(`CRASH ${outcome.era} seed ${outcome.seed}: ${outcome.crashed}\n  replay: ${replay}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.jobs) }, worker));
  return totals;
}

export function summary(t: FuzzTotals): string {
  return `fuzz: ${t.children} children, ${t.calls} calls (${t.callbacks} callbacks answered), ${t.crashes} crashes, ${t.hangs} hangs, ${t.stalls} stalls, ${t.wrongForm} wrong-form errors, ${t.uncaught} uncaught`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      budget: { type: 'string', default: 'short' },
      era: { type: 'string', default: 'all' },
      seed: { type: 'string' },
      path: { type: 'string' },
      jobs: { type: 'string', default: '2' },
    },
  });
  const named = BUDGETS[values.budget as keyof typeof BUDGETS];
  const budget = named ?? { ...BUDGETS.short, runs: Number(values.budget) };
  if (!named && !(budget.runs > 0)) throw new Error(`--budget: short, long or a number of runs, not ${values.budget}`);
  const eras = values.era === 'all' ? ERA_IDS : [values.era as EraId];
  for (const era of eras) if (!isEraId(era)) throw new Error(`--era: unknown era ${era}`);
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 30);
  const replaying = values.seed !== undefined;
  const plan: FuzzPlan = { eras, ...budget, childrenPerEra: replaying ? 1 : budget.childrenPerEra, seed, jobs: Number(values.jobs), ...(values.path !== undefined ? { path: values.path } : {}) };
  console.log(`fuzz: seed ${seed}, ${plan.childrenPerEra} children per era x ${plan.runs} runs x up to ${plan.actions} actions, eras ${eras.join(' ')}`);
  const totals = await runFuzz(plan, (line) => console.log(line));
  console.log(summary(totals));
  process.exitCode = totals.findings.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
