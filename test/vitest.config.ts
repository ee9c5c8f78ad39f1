// The project's own tests (npm test): harness units, the reference's units,
// the inventory, and the whole conformance suite run through the CLI.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // The whole suite in-process, once: test/harness/suite.test.ts checks it, other adapters are compared with it.
    globalSetup: ['test/reference-suite.setup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['harness/**/*.ts', 'reference/**/*.ts'],
      reportsDirectory: 'coverage',
    },
  },
});
