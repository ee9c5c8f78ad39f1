// The fuzzing suite's runner: `tsx fuzz/run.ts [--budget short|long|<runs>]
// [--era <id>|all] [--seed n] [--jobs n]`, or, to replay one child, `--era
// <id> --child-seed n [--path i]`. It runs fuzz children (child.ts) for every
// era, a few at a time, each with its own seed derived from the run's and a
// wall-clock limit, so a crash (a child dying without its result) and a
// hang (a child killed at its limit) are seen from outside. It prints the
// totals (calls, crashes, hangs, stalls, wrong-form errors) and, for every
// finding, the command that replays it; it exits 1 when there is any. A
// child whose memory grows past CHILD_MEMORY_LIMIT is killed and counted as
// a crash (on a real machine it would have died, and taken others along).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ERA_IDS, isEraId, type EraId } from '../contract/eras/eras.ts';
import { RESULT_PREFIX, type ChildResult, type Finding } from './findings.ts';

export interface FuzzPlan {
  eras: readonly EraId[];
  /** The budget's name (or its number of runs), repeated in replay commands. */
  budget?: string;
  /** Replay: run one child per era with exactly this seed. */
  childSeed?: number;
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
  /** Gaps in the event loop the loaded machine caused (not stalls). */
  descheduled: number;
  findings: Finding[];
}

export const BUDGETS = {
  /** CI: well under a minute on a loaded two-core machine. */
  short: { childrenPerEra: 1, runs: 10, actions: 12, childLimitMs: 120_000 },
  /** On demand: minutes per era. */
  long: { childrenPerEra: 6, runs: 60, actions: 16, childLimitMs: 900_000 },
} as const;

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const CHILD_MEMORY_LIMIT = 4 * 1024 ** 3;

/** Resident memory of a process in bytes, where the system says (Linux). */
function residentBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

interface ChildOutcome {
  era: EraId;
  seed: number;
  result?: ChildResult;
  crashed?: string;
  hung?: boolean;
}

function runChild(era: EraId, seed: number, plan: FuzzPlan): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const args = [
      '--import',
      'tsx',
      CHILD,
      '--era',
      era,
      '--seed',
      String(seed),
      '--runs',
      String(plan.runs),
      '--actions',
      String(plan.actions),
    ];
    if (plan.path !== undefined) args.push('--path', plan.path);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out = (out + chunk).slice(-1_000_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-20_000)));
    let hung = false;
    let overMemory = 0;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, plan.childLimitMs);
    const memoryWatch = setInterval(() => {
      const resident = child.pid !== undefined ? residentBytes(child.pid) : undefined;
      if (resident !== undefined && resident > CHILD_MEMORY_LIMIT) {
        overMemory = resident;
        child.kill('SIGKILL');
      }
    }, 500);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(memoryWatch);
      if (overMemory)
        err += `\nkilled: resident memory ${Math.round(overMemory / 1024 ** 2)} MiB, over the limit of ${CHILD_MEMORY_LIMIT / 1024 ** 2} MiB`;
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolve({ era, seed, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult });
      else if (hung) resolve({ era, seed, hung: true });
      else
        resolve({
          era,
          seed,
          crashed: `exit ${String(code)}${signal ? ` (${signal})` : ''}: ${err.trim().split('\n').slice(-12).join('\n')}`,
        });
    });
  });
}

/** The children a plan runs: per era, each with its seed. */
export function childrenOf(plan: FuzzPlan): { era: EraId; seed: number }[] {
  const queue: { era: EraId; seed: number }[] = [];
  for (const era of plan.eras) {
    if (plan.childSeed !== undefined) queue.push({ era, seed: plan.childSeed });
    else
      for (let i = 0; i < plan.childrenPerEra; i++)
        queue.push({ era, seed: plan.seed + i * 7919 + ERA_IDS.indexOf(era) * 104_729 });
  }
  return queue;
}

/** The arguments (after `npm run fuzz --`) that run one child of a plan again, with the same runs and actions. */
export function replayArgs(plan: FuzzPlan, era: EraId, childSeed: number, path?: string): string[] {
  const named = Object.entries(BUDGETS).find(([, b]) => b.runs === plan.runs && b.actions === plan.actions)?.[0];
  const args = ['--budget', plan.budget ?? named ?? String(plan.runs), '--era', era, '--child-seed', String(childSeed)];
  if (path !== undefined && path !== '') args.push('--path', path);
  return args;
}

export async function runFuzz(plan: FuzzPlan, log: (line: string) => void = () => undefined): Promise<FuzzTotals> {
  const queue = childrenOf(plan);
  const totals: FuzzTotals = {
    calls: 0,
    callbacks: 0,
    children: 0,
    crashes: 0,
    hangs: 0,
    stalls: 0,
    wrongForm: 0,
    uncaught: 0,
    descheduled: 0,
    findings: [],
  };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const outcome = await runChild(next.era, next.seed, plan);
      totals.children++;
      const replay = (path = plan.path) => `npm run fuzz -- ${replayArgs(plan, outcome.era, outcome.seed, path).join(' ')}`;
      if (outcome.result) {
        const r = outcome.result;
        totals.calls += r.calls + r.callbacks;
        totals.callbacks += r.callbacks;
        totals.descheduled += r.descheduled ?? 0;
        for (const f of r.findings) {
          totals.findings.push(f);
          if (f.type === 'hang' || f.type === 'quit-hang') totals.hangs++;
          else if (f.type === 'stall') totals.stalls++;
          else if (f.type === 'wrong-form') totals.wrongForm++;
          else totals.uncaught++;
          log(
            `FINDING ${f.type} [${f.era} seed ${f.seed} run ${f.path}] ${f.during}: ${f.detail.split('\n')[0]}\n  replay: ${replay(f.path)}`,
          );
        }
        log(
          `${outcome.era} seed ${outcome.seed}: ${r.calls} calls, ${r.callbacks} callbacks, ${r.findings.length} findings, ${Math.round(r.durationMs / 1000)} s`,
        );
      } else if (outcome.hung) {
        totals.hangs++;
        totals.findings.push({
          type: 'hang',
          era: outcome.era,
          seed: outcome.seed,
          path: '',
          during: 'child',
          detail: `the child did not finish within ${plan.childLimitMs} ms`,
        });
        log(`HANG ${outcome.era} seed ${outcome.seed}: killed after ${plan.childLimitMs} ms\n  replay: ${replay()}`);
      } else {
        totals.crashes++;
        totals.findings.push({
          type: 'crash',
          era: outcome.era,
          seed: outcome.seed,
          path: '',
          during: 'child',
          detail: outcome.crashed ?? '',
        });
        log(`CRASH ${outcome.era} seed ${outcome.seed}: ${outcome.crashed}\n  replay: ${replay()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.jobs) }, worker));
  return totals;
}

export function summary(t: FuzzTotals): string {
  return `fuzz: ${t.children} children, ${t.calls} calls (${t.callbacks} callbacks answered), ${t.crashes} crashes, ${t.hangs} hangs, ${t.stalls} stalls, ${t.wrongForm} wrong-form errors, ${t.uncaught} uncaught (${t.descheduled} longer gaps spent waiting for a core, not stalls)`;
}

/** The plan the command line asks for (seed: the run's, drawn at random when not given). */
export function planFrom(argv: string[], randomSeed = () => Math.floor(Math.random() * 2 ** 30)): FuzzPlan {
  const { values } = parseArgs({
    args: argv,
    options: {
      budget: { type: 'string', default: 'short' },
      era: { type: 'string', default: 'all' },
      seed: { type: 'string' },
      'child-seed': { type: 'string' },
      path: { type: 'string' },
      jobs: { type: 'string', default: '2' },
    },
  });
  const named = BUDGETS[values.budget as keyof typeof BUDGETS];
  const budget = named ?? { ...BUDGETS.short, runs: Number(values.budget) };
  if (!named && !(Number.isInteger(budget.runs) && budget.runs > 0))
    throw new Error(`--budget: short, long or a number of runs, not ${values.budget}`);
  const eras = values.era === 'all' ? ERA_IDS : [values.era as EraId];
  for (const era of eras) if (!isEraId(era)) throw new Error(`--era: unknown era ${era}`);
  const integer = (flag: string, text: string) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${flag}: a whole number, not ${text}`);
    return n;
  };
  const childSeed = values['child-seed'] !== undefined ? integer('child-seed', values['child-seed']) : undefined;
  if (values.path !== undefined && childSeed === undefined)
    throw new Error('--path replays a run of one child: give its --child-seed too');
  return {
    eras,
    budget: values.budget,
    ...budget,
    seed: values.seed !== undefined ? integer('seed', values.seed) : randomSeed(),
    jobs: Math.max(1, integer('jobs', values.jobs)),
    ...(childSeed !== undefined ? { childSeed } : {}),
    ...(values.path !== undefined ? { path: values.path } : {}),
  };
}

async function main(): Promise<void> {
  const plan = planFrom(process.argv.slice(2));
  const what =
    plan.childSeed !== undefined
      ? `child seed ${plan.childSeed}${plan.path !== undefined ? ` run ${plan.path}` : ''}`
      : `seed ${plan.seed}, ${plan.childrenPerEra} children per era`;
  console.log(`fuzz: ${what} x ${plan.runs} runs x up to ${plan.actions} actions, eras ${plan.eras.join(' ')}`);
  const totals = await runFuzz(plan, (line) => console.log(line));
  console.log(summary(totals));
  process.exitCode = totals.findings.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
