// The project's own tests (npm test): harness units, the reference's units,
// the inventory, and the whole conformance suite run through the CLI.
// Test files share worker processes (each restores what it changes), and
// two run at a time: most of them wait on child processes and sockets.
// The files that read the whole runs of the suite form a project of their
// own with the global setup that starts those runs: vitest calls a
// project's global setup only when one of its files is queued, so running
// one other test file does not start two runs of the whole suite behind it.
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** The test files that read the whole runs (through suiteRun in test/reference-suite.setup.ts). */
const SUITE_READERS = ['test/harness/suite.test.ts', 'test/protocol/remote-suite.test.ts'];

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  root,
  pool: 'forks' as const,
  isolate: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    root,
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...common,
          name: 'units',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SUITE_READERS],
        },
      },
      // The whole suite in-process and through remote:, once each, in the background while the other files run.
      { test: { ...common, name: 'suite', include: SUITE_READERS, globalSetup: ['test/reference-suite.setup.ts'] } },
    ],
    coverage: {
      provider: 'v8',
      include: ['harness/**/*.ts', 'reference/**/*.ts'],
      reportsDirectory: 'coverage',
    },
  },
});
