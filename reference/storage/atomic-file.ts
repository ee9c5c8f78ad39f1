// Durable, atomic file replacement: write a temp file beside the target,
// fsync it, rename it over the target, fsync the directory. A crash at any
// point leaves either the old or the new content, never a torn file.
// Profile data is private to the user (0600, as Chromium writes it); files
// meant for others to read, such as reports, ask for a wider mode.

import {
  promises as fs,
  mkdirSync,
  openSync,
  readdirSync,
  writeFileSync,
  fsyncSync,
  closeSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isProcessAlive } from './process-alive.ts';

function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The target and writer's process id of a temp file of writeFileAtomic; undefined for any other name. */
function tempFileOf(name: string): { target: string; pid: number } | undefined {
  const match = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
  return match ? { target: match[1]!, pid: Number(match[2]) } : undefined;
}

/**
 * Deletes the temp files writers of `file` left when they were killed
 * before renaming (they never replaced the file); a store calls it when it
 * opens, before anyone writes.
 */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const temp = tempFileOf(name);
    // Another live process's temp file is a write under way, not a leftover.
    if (temp?.target === path.basename(file) && (temp.pid === process.pid || !isProcessAlive(temp.pid))) {
      rmSync(path.join(dir, name), { force: true });
    }
  }
}

/**
 * Deletes, anywhere under `dir`, the temp files of writers that were killed
 * before their rename (every store writes through writeFileAtomic, so this
 * covers them all, whichever opens first); `skip` names top-level folders
 * that belong to someone else (other sessions' Partitions).
 */
export function sweepStaleTemps(dir: string, skip: readonly string[] = []): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) sweepStaleTemps(path.join(dir, entry.name));
      continue;
    }
    const temp = tempFileOf(entry.name);
    if (temp && temp.pid !== process.pid && !isProcessAlive(temp.pid)) rmSync(path.join(dir, entry.name), { force: true });
  }
}

/** fsync a directory, so a rename in it survives a crash. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `mode`: the new file's permissions before the umask (default 0o600, the user's only). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = tempNameFor(file);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(path.dirname(file));
}

/** The same guarantee for shutdown paths that cannot await. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempNameFor(file);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  const dirFd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
