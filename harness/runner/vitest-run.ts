// Drives vitest for a run of the suite: finds the spec files (the include
// globs, the command line's filters, the shard, what --grep can match), then
// runs every file once per era in one vitest run. Each era's run of a file is
// a module of its own (eraModuleId), so a pool of reused workers serves every
// era: a worker's start-up, imports and caches are paid once, not per file
// and era.

import os from 'node:os';
import path from 'node:path';
import { createVitest, type Reporter, type TestSpecification } from 'vitest/node';
import { eraModuleId, type RunContext } from '../api/run-context.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { mayMatchGrep, namePattern } from './grep-index.ts';
import { shardFiles } from './shard.ts';
import { TitleCache } from './title-cache.ts';
import { isolatedSpecFiles, suiteProjects } from './suite-projects.ts';

export interface SpecRunOptions {
  context: RunContext;
  eras: EraId[];
  /** Globs of spec files relative to the root. */
  include: string[];
  /** Files or folders from the command line, as vitest filters them (relative to the working directory). */
  filters: string[];
  shard?: string;
  grep?: string;
  /** `grep` is a whole title, not a part of one. */
  exact?: boolean;
  testTimeout: number;
  hookTimeout: number;
  reporters: Reporter[];
}

/**
 * Worker processes for the run: SESSION_CONFORMANCE_WORKERS when set, else
 * two per core (at least two, at most one per GiB of memory). Specs spend
 * most of their time waiting on timers, sockets, disks and child processes
 * (a CPU profile of a whole era shows the workers idle about 70% of the
 * time), so one worker per core leaves the cores idle; two per core cut the
 * wall time of an era by a fifth to a third on two cores.
 */
function workerCount(): number {
  const asked = Number(process.env.SESSION_CONFORMANCE_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  const byMemory = Math.floor(os.totalmem() / 2 ** 30);
  return Math.max(2, Math.min(os.availableParallelism() * 2, byMemory));
}

export async function runSpecFiles(options: SpecRunOptions): Promise<void> {
  const root = options.context.root;
  const projectOptions = {
    context: options.context,
    include: options.include,
    testTimeout: options.testTimeout,
    hookTimeout: options.hookTimeout,
  };
  const vitest = await createVitest(
    'test',
    {
      config: false,
      root,
      watch: false,
      reporters: options.reporters,
      projects: suiteProjects(projectOptions, isolatedSpecFiles(root, options.include)),
      maxWorkers: workerCount(),
      experimental: { fsModuleCache: true },
      ...(options.grep ? { testNamePattern: namePattern(options.grep, options.exact) } : {}),
    },
    { logLevel: 'error' },
  );
  try {
    await vitest.standalone();
    let files = await vitest.globTestSpecifications(options.filters);
    const relative = (spec: TestSpecification) => path.relative(root, spec.moduleId).split(path.sep).join('/');
    if (options.shard) files = shardFiles(files, options.shard, relative);
    if (options.grep) {
      const titles = new TitleCache(root);
      files = files.filter((spec) => mayMatchGrep(spec.moduleId, root, options.grep!, titles, options.exact));
      titles.save();
    }
    const specifications = options.eras.flatMap((era) =>
      files.map((spec) => spec.project.createSpecification(eraModuleId(spec.moduleId, era))),
    );
    if (specifications.length) await vitest.runTestSpecifications(specifications, true);
  } catch (error) {
    // As vitest's own start does: an error of the run itself is printed, and the run goes on to report.
    vitest.logger.printError(error, { fullStack: true, type: 'Unhandled Error' });
  } finally {
    await vitest.close();
  }
}
