// `npm run test:package`: the packed package installed into an empty folder
// (test/package/recipes.package-test.ts). Apart from the unit tests: it builds,
// packs and installs, which takes a minute or two.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/package/**/*.package-test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
