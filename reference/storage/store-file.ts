// Opening a store's file the way Chromium opens a profile's databases: a
// missing file is an empty store; a file that does not parse (truncated by a
// crash of something other than our atomic writer, or edited by hand) is
// damaged: it is moved aside as `<name>.damaged` (replacing an older one, so
// it can be looked at) and the store starts empty, as Chromium razes a
// corrupt database and starts over; a file that cannot be read at all
// (permissions, a directory in its place, a name the file system refuses)
// leaves the store empty in memory. Temp files of killed writers are removed
// first. Nothing here throws: a session always opens.

import { readFileSync, renameSync } from 'node:fs';
import { removeStaleTemps } from './atomic-file.ts';

export type StoreOpening<T> =
  | { kind: 'missing' }
  | { kind: 'loaded'; value: T }
  | { kind: 'damaged'; keptAs: string | null; error: unknown }
  | { kind: 'unreadable'; error: unknown };

/** The suffix a damaged store file is kept under. */
export const DAMAGED_SUFFIX = '.damaged';

export function openStoreFile<T>(file: string, parse: (text: string) => T): StoreOpening<T> {
  removeStaleTemps(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    warn(`cannot read ${file}; the store starts empty`, error);
    return { kind: 'unreadable', error };
  }
  try {
    return { kind: 'loaded', value: parse(text) };
  } catch (error) {
    let keptAs: string | null = `${file}${DAMAGED_SUFFIX}`;
    try {
      renameSync(file, keptAs);
    } catch {
      keptAs = null;
    }
    warn(`${file} is damaged${keptAs ? `; kept as ${keptAs}` : ''}; the store starts empty`, error);
    return { kind: 'damaged', keptAs, error };
  }
}

/** A store that could not write reports it once per process and keeps what it holds in memory. */
const warned = new Set<string>();
export function warnStoreWrite(file: string, error: unknown): void {
  if (warned.has(file)) return;
  warned.add(file);
  warn(`cannot write ${file}; the store keeps its data in memory`, error);
}

function warn(message: string, error: unknown): void {
  process.emitWarning(`${message} (${error instanceof Error ? error.message : String(error)})`, 'SessionStoreWarning');
}
