// The TypeScript compiler, loaded through require. Importing its 9 MB
// CommonJS bundle from ESM makes Node scan the whole file for named exports
// first, which costs more than loading it; the tools that read spec files
// statically (metadata, titles) only need the parser.

import { createRequire } from 'node:module';
import type * as TS from 'typescript';

const ts = createRequire(import.meta.url)('typescript') as typeof TS;
export default ts;
