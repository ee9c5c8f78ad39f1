// Starts the PAC thread's code (pac-worker.ts). A worker does not inherit
// the TypeScript loader the app may run under, so it registers tsx itself
// when it runs from the sources.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./pac-worker.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./pac-worker.ts', import.meta.url).href);
}
