// Packs the package as npm would publish it and installs the tarball into an
// empty temporary folder holding the recipe app (test/package/recipe/), with
// the tools the recipes use (jest, typescript, electron's types) at the
// versions this repository locks. Installs prefer npm's cache (`npm ci` fills
// it); SESSION_CONFORMANCE_NPM_OFFLINE=1 forbids the network altogether, and
// SESSION_CONFORMANCE_TARBALL names a tarball to install instead of packing.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

const exec = promisify(execFile);

/** The tools the recipes run, beside the package itself. */
export const RECIPE_TOOLS = ['jest', 'typescript', 'electron', '@types/node'];

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command to its end; never throws for a non-zero exit. */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}`,
    };
  }
}

async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.output;
}

function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** Builds and packs the package; returns the tarball's path. */
export async function packPackage(into: string): Promise<string> {
  if (process.env.SESSION_CONFORMANCE_TARBALL) return path.resolve(process.env.SESSION_CONFORMANCE_TARBALL);
  await mustRun('npm', ['run', 'build'], REPO_ROOT);
  const output = await mustRun('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], REPO_ROOT);
  const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string }];
  return path.join(into, filename);
}

export interface InstalledProject {
  dir: string;
  tarball: string;
}

export async function installPackedPackage(): Promise<InstalledProject> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'session-conformance-package-'));
  const tarball = await packPackage(root);
  const dir = path.join(root, 'app');
  cpSync(path.join(REPO_ROOT, 'test/package/recipe'), dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'recipe-app', private: true, type: 'module' }, null, 2)}\n`,
  );
  // Electron's install script would download its binary; the recipes use its types only.
  writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\n');
  const cache = process.env.SESSION_CONFORMANCE_NPM_OFFLINE === '1' ? '--offline' : '--prefer-offline';
  await mustRun('npm', ['install', cache, tarball, ...RECIPE_TOOLS.map((name) => `${name}@${lockedVersion(name)}`)], dir);
  return { dir, tarball };
}
