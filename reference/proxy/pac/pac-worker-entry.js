// Starts the PAC thread's code (pac-worker.ts). A worker does not inherit
// the TypeScript loader the app may run under, so it finds a build of its
// own: the compiled twin beside it (running from dist/), the package's dist/
// (the sources of an installed package, as vitest runs the specs), else the
// sources through tsx (a checkout, which never runs a stale build).

import { existsSync } from 'node:fs';

const compiled = new URL('./pac-worker.js', import.meta.url);
const packaged = new URL('../../../dist/reference/proxy/pac/pac-worker.js', import.meta.url);
const checkout = existsSync(new URL('../../../tsconfig.json', import.meta.url));
if (existsSync(compiled)) {
  await import(compiled.href);
} else if (!checkout && existsSync(packaged)) {
  await import(packaged.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./pac-worker.ts', import.meta.url).href);
}
