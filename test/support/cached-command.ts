// Runs a slow, deterministic command (typedoc's build) once per state of its
// inputs: a success is recorded under a hash of every file that can change
// the outcome, and a later run with the same hash returns that record instead
// of running the command again. Failures are never recorded, so a broken
// state is always checked for real. The records live in node_modules/.cache.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CommandResult {
  status: number | null;
  output: string;
  /** True when the result is a record of an earlier run over the same inputs. */
  cached: boolean;
}

export interface CachedCommand {
  name: string;
  root: string;
  args: string[];
  /** Folders (walked) and files, relative to the root, whose content decides the outcome. */
  inputs: string[];
  timeoutMs: number;
}

const SOURCE = /\.(?:[cm]?[jt]s|json)$/;

function walk(root: string, rel: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [rel]; // a file, or missing: hashed as it is
  }
  return entries.flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const child = `${rel}/${e.name}`;
    return e.isDirectory() ? walk(root, child) : SOURCE.test(e.name) ? [child] : [];
  });
}

export function inputsHash(root: string, inputs: string[], extra: string[] = []): string {
  const hash = createHash('sha256');
  for (const part of extra) hash.update(`${part}\0`);
  for (const file of inputs.flatMap((input) => walk(root, input)).sort()) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function runCached(command: CachedCommand): CommandResult {
  const key = inputsHash(command.root, command.inputs, [process.version, ...command.args]);
  const record = path.join(command.root, 'node_modules/.cache/session-conformance', `${command.name}-${key}.json`);
  try {
    const saved = JSON.parse(readFileSync(record, 'utf8')) as { status: number; output: string };
    return { ...saved, cached: true };
  } catch {
    // No record for these inputs: run it.
  }
  const out = spawnSync(process.execPath, command.args, { cwd: command.root, encoding: 'utf8', timeout: command.timeoutMs });
  const result = { status: out.status, output: `${out.stdout ?? ''}${out.stderr ?? ''}` };
  if (result.status === 0) {
    mkdirSync(path.dirname(record), { recursive: true });
    const temp = `${record}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(result));
    renameSync(temp, record);
  }
  return { ...result, cached: false };
}
