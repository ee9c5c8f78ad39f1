// What a session is: which key created it, whether it persists, and where its
// data lives on disk.

import path from 'node:path';
import { partitionDirectoryName } from '../partitions/partition-name.ts';

export interface SessionIdentity {
  kind: 'default' | 'partition' | 'path';
  /** The registry key: partition string (case kept) or absolute path. */
  key: string;
  persistent: boolean;
  /** Directory holding the session's data, null for in-memory sessions. */
  storagePath: string | null;
  /** Whether the HTTP cache is enabled (`{ cache: false }` turns it off). */
  cache: boolean;
}

export const PERSIST_PREFIX = 'persist:';

export function defaultIdentity(sessionData: string): SessionIdentity {
  return { kind: 'default', key: '', persistent: true, storagePath: sessionData, cache: true };
}

export function partitionIdentity(partition: string, sessionData: string, cache: boolean): SessionIdentity {
  if (!partition.startsWith(PERSIST_PREFIX)) {
    return { kind: 'partition', key: partition, persistent: false, storagePath: null, cache };
  }
  const name = partition.slice(PERSIST_PREFIX.length);
  return {
    kind: 'partition',
    key: partition,
    persistent: true,
    // Appended without normalisation, as base::FilePath::Append does:
    // `persist:..` names `Partitions/..`, not the parent directory.
    storagePath: [sessionData, 'Partitions', partitionDirectoryName(name)].join(path.sep),
    cache,
  };
}

export function pathIdentity(absolutePath: string, cache: boolean): SessionIdentity {
  return { kind: 'path', key: absolutePath, persistent: true, storagePath: absolutePath, cache };
}
