// The project's own tests (npm test): harness units, the reference's units,
// the inventory, and the whole conformance suite run through the CLI.
// Test files share worker processes (each restores what it changes), and
// two run at a time: most of them wait on child processes and sockets.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // The whole suite in-process and through remote:, once each, in the background while the other files run.
    globalSetup: ['test/reference-suite.setup.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['harness/**/*.ts', 'reference/**/*.ts'],
      reportsDirectory: 'coverage',
    },
  },
});
