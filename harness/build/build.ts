// `npm run build`: the package's dist/. tsc compiles contract/, harness/,
// reference/ and fixtures/ to ES modules with declarations (the CLI runs them
// without a TypeScript loader); esbuild makes the CommonJS entry points; the
// spec files' metadata and titles are recorded so the installed CLI needs no
// compiler to list, count or grep them.
// The specs themselves ship as TypeScript: vitest, which runs them, compiles them.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../runner/paths.ts';
import { copyAssets } from './assets.ts';
import { buildBundles } from './bundles.ts';
import { copyDeclarations, rewriteDeclarationSpecifiers } from './declarations.ts';
import { writeRecorded } from './recorded.ts';

const DIST = path.join(REPO_ROOT, 'dist');

/** The declarations of the CommonJS entry points (dist/cjs/ holds their copies). */
const CJS_DECLARATIONS = ['reference/electron.d.ts', 'harness/api/index.d.ts'];

const AGENT_WRAPPER = `// ES module face of the agent kit (harness/agent-kit/agent.cjs, ES2015 CommonJS).
import kit from '../harness/agent-kit/agent.cjs';
export const { runAgent, launchOptions, byRef, unsupported, PROTOCOL_VERSION } = kit;
export default kit;
`;

const AGENT_TYPES = `export * from '../harness/agent-kit/agent.cjs';
import * as kit from '../harness/agent-kit/agent.cjs';
export default kit;
`;

function step(label: string, action: () => unknown): void {
  const started = Date.now();
  const result = action();
  console.log(`${label}${typeof result === 'number' ? ` (${result})` : ''} · ${Date.now() - started} ms`);
}

export async function buildPackage(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  step('tsc: ES modules and declarations', () =>
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    }),
  );
  step('declarations: .ts specifiers rewritten', () => rewriteDeclarationSpecifiers(DIST));
  step('assets copied', () => copyAssets(REPO_ROOT, DIST));
  const started = Date.now();
  const bundles = await buildBundles(REPO_ROOT, DIST);
  console.log(`esbuild: ${bundles.join(', ')} · ${Date.now() - started} ms`);
  step('declarations of the CommonJS entry points', () => copyDeclarations(DIST, path.join(DIST, 'cjs'), CJS_DECLARATIONS));
  step('agent kit wrapper', () => {
    writeFileSync(path.join(DIST, 'agent.mjs'), AGENT_WRAPPER);
    writeFileSync(path.join(DIST, 'agent.d.mts'), AGENT_TYPES);
  });
  step('spec metadata and titles recorded', () => {
    const counts = writeRecorded(REPO_ROOT);
    return counts.meta + counts.titles;
  });
}

await buildPackage();
