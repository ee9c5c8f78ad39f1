// vitest: ES module tests mock `electron` with vi.mock; the register setup file
// makes `require('electron')` in CommonJS app code answer the same stand-in.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.{ts,mjs}'],
    setupFiles: ['session-conformance/electron/register'],
  },
});
