// The TypeScript compiler, loaded through require. Importing its 9 MB
// CommonJS bundle from ESM makes Node scan the whole file for named exports
// first, which costs more than loading it; the tools that read spec files
// statically (metadata, titles) only need the parser. It loads on first use:
// an installed package reads what its build recorded (spec-catalog.ts) and
// needs no compiler unless a spec file changed since.

import { createRequire } from 'node:module';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

function load(): typeof TS {
  if (!loaded) {
    try {
      loaded = createRequire(import.meta.url)('typescript') as typeof TS;
    } catch {
      throw new Error('reading a spec file changed since the build needs the typescript package (npm install -D typescript)');
    }
  }
  return loaded;
}

const ts = new Proxy({} as typeof TS, { get: (_target, key) => Reflect.get(load(), key) });
export default ts;
