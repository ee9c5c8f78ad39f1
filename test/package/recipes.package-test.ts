// The package as a user gets it: packed, installed into an empty folder with
// the recipe app (test/package/recipe/), and each README recipe run there.
// `npm run test:package`; SESSION_CONFORMANCE_PACKAGE_FULL=1 runs the whole
// suite in every era from the installed package instead of a few spec files.
// The project is installed in the system's temp folder and removed afterwards.

import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledProject, installPackedPackage, run } from './install.ts';

/** A folder, and spec files needing the runtime dependencies of fixtures and specs (a test PKI, electron-proxy-agent, dictionaries). */
const SPEC_SAMPLE = [
  'spec/app/',
  'spec/proxy/electron-proxy-agent.spec.ts',
  'spec/net/set-certificate-verify-proc.spec.ts',
  'spec/spellcheck/page-check.spec.ts',
];

let project: InstalledProject;

beforeAll(async () => {
  project = await installPackedPackage();
}, 900_000);

// SESSION_CONFORMANCE_KEEP=1 leaves the installed project for a look.
afterAll(() => {
  if (project && process.env.SESSION_CONFORMANCE_KEEP !== '1')
    rmSync(path.dirname(project.dir), { recursive: true, force: true });
});

describe('the tarball', () => {
  it("holds what users run, not the project's own tests and tools", async () => {
    const { output } = await run('tar', ['-tzf', project.tarball], project.dir);
    const files = output.split('\n').filter(Boolean);
    for (const wanted of [
      'dist/electron.mjs',
      'dist/cjs/electron.cjs',
      'dist/harness/cli/main.js',
      'dist/spec-meta.json',
      'spec/session/from-partition.spec.ts',
      'harness/agent-kit/agent.cjs',
    ]) {
      expect(files).toContain(`package/${wanted}`);
    }
    const unwanted = files.filter((f) =>
      /^package\/(test|bench|\.ci|harness\/build|harness\/docs)\/|^package\/docs\/.*\.png$|^package\/tsconfig/.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('depends on what specs and fixtures run, and on no TypeScript tooling', () => {
    const manifest = JSON.parse(readFileSync(path.join(project.dir, 'node_modules/session-conformance/package.json'), 'utf8'));
    const dependencies = Object.keys(manifest.dependencies);
    expect(dependencies).toEqual(expect.arrayContaining(['@peculiar/x509', 'electron-proxy-agent', 'vitest', 'undici']));
    expect(dependencies).not.toContain('typescript');
    expect(dependencies).not.toContain('tsx');
  });
});

describe('recipes', () => {
  it('vitest: ES module app code under vi.mock, CommonJS app code through the register setup file', async () => {
    const result = await run('npx', ['vitest', 'run'], project.dir);
    expect(result.output).toMatch(/Tests\s+2 passed \(2\)/);
    expect(result.code, result.output).toBe(0);
  });

  it('jest: electron mapped to the stand-in with moduleNameMapper, its temporary userData gone when jest exits', async () => {
    // A temp folder of the run's own, to see what the stand-in leaves in it.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'session-conformance-jest-'));
    try {
      const result = await run('npx', ['jest'], project.dir, { TMPDIR: tmp });
      expect(result.output).toMatch(/Tests:\s+1 passed, 1 total/);
      expect(result.code, result.output).toBe(0);
      expect(readdirSync(tmp).filter((name) => name.startsWith('session-conformance-app-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('plain Node: require, import, and app code run with --import .../register', async () => {
    for (const [args, said] of [
      [['plain/require.cjs'], 'plain require: ok'],
      [['plain/import.mjs'], 'plain import: ok'],
      [['--import', 'session-conformance/electron/register', 'plain/main.mjs'], 'plain register: ok'],
    ] as const) {
      const result = await run(process.execPath, [...args], project.dir);
      expect(result.output.trim(), args.join(' ')).toBe(said);
      expect(result.code).toBe(0);
    }
  });

  it('TypeScript under strict with skipLibCheck false: ES module and CommonJS code', async () => {
    const result = await run('npx', ['tsc', '-p', '.'], project.dir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('TypeScript with "module": "commonjs" and node10 resolution, which reads no exports map', async () => {
    const result = await run('npx', ['tsc', '-p', 'tsconfig.node10.json'], project.dir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('npx session-conformance --version, list --json and run --grep need no TypeScript compiler or loader', async () => {
    // The project has typescript for its own recipe; the package must not need it.
    const hidden = path.join(project.dir, 'node_modules/.typescript-hidden');
    renameSync(path.join(project.dir, 'node_modules/typescript'), hidden);
    try {
      await cliWithoutTypeScript();
    } finally {
      renameSync(hidden, path.join(project.dir, 'node_modules/typescript'));
    }
  });

  async function cliWithoutTypeScript(): Promise<void> {
    const version = await run('npx', ['session-conformance', '--version'], project.dir);
    expect(version.output.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const list = await run('npx', ['session-conformance', 'list', '--json'], project.dir);
    expect(list.code, list.output).toBe(0);
    expect(JSON.parse(list.output).map((s: { file: string }) => s.file)).toContain('spec/app/session-created.spec.ts');
    const grep = 'is emitted synchronously';
    const args = [
      'session-conformance',
      'run',
      '--era',
      'current',
      '--grep',
      grep,
      '--reports',
      'reports/grep',
      '--reporter',
      'json',
    ];
    const result = await run('npx', [...args, 'spec/app/'], project.dir);
    expect(result.code, result.output).toBe(0);
    const report = JSON.parse(readFileSync(path.join(project.dir, 'reports/grep/report.json'), 'utf8'));
    const ids = report.runs[0].results.map((r: { id: string }) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: string) => id.includes(grep))).toBe(true);
  }

  it('npx session-conformance run: the suite runs from node_modules without an ERROR', async () => {
    const full = process.env.SESSION_CONFORMANCE_PACKAGE_FULL === '1';
    const args = full ? ['run', '--era', 'all'] : ['run', '--era', 'current', ...SPEC_SAMPLE];
    const result = await run('npx', ['session-conformance', ...args], project.dir);
    expect(result.code, result.output).toBe(0);
    const report = JSON.parse(readFileSync(path.join(project.dir, 'reports/report.json'), 'utf8'));
    const results = report.runs.flatMap((r: { results: { id: string; status: string }[] }) => r.results);
    expect(results.length).toBeGreaterThan(full ? 1000 : 20);
    expect(results.filter((r: { status: string }) => r.status === 'ERROR').map((r: { id: string }) => r.id)).toEqual([]);
  });
});
