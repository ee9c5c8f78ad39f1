// The `session` module of one app: fromPartition, fromPath, defaultSession,
// validated as Electron validates them, then handed to the PartitionRegistry.
// Only the members the app's era documents are present.

import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { hasMember } from '../../contract/eras/inventory.ts';
import type { App } from '../app/app.ts';
import { conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { PartitionRegistry } from '../partitions/registry.ts';
import type { ReferenceSession } from './compose.ts';
import { SESSION_ERAS } from './session-era.ts';

export interface ReferenceSessionModule {
  fromPartition(partition: string, options?: { cache?: boolean }): ReferenceSession;
  fromPath?(path: string, options?: { cache?: boolean }): ReferenceSession;
  readonly defaultSession: ReferenceSession;
}

// Electron 10 turned this Error into a TypeError when Session moved to gin.
function notReady(era: EraId): Error {
  const message = 'Session can only be received when app is ready';
  return SESSION_ERAS[era].plainNotReadyError ? new Error(message) : new TypeError(message);
}

/** `options` is read leniently: anything but an object is ignored, and so is a non-boolean `cache`. */
function cacheOption(app: App, options: unknown): boolean {
  if (options && typeof options === 'object' && typeof (options as { cache?: unknown }).cache === 'boolean') {
    return (options as { cache: boolean }).cache;
  }
  return !app.commandLine.hasSwitch('disable-http-cache');
}

// base::FilePath conversion: null is the empty path; control characters fail.
function toFilePath(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value !== 'string' || /[\u0000-\u001f]/.test(value)) return undefined;
  return value;
}

export function createSessionModule(app: App, registry: PartitionRegistry): ReferenceSessionModule {
  const era = app.era;
  const style = conversionStyle(era);
  const ensureReady = () => {
    if (!app.isReady()) throw notReady(era);
  };

  const members: PropertyDescriptorMap = {
    fromPartition: {
      value: function fromPartition(...args: unknown[]): ReferenceSession {
        requireArgument(args, 0);
        const [partition, options] = args;
        if (typeof partition !== 'string') throwArgumentError(0, partition, style);
        ensureReady();
        return registry.fromPartition(partition, cacheOption(app, options));
      },
      enumerable: true,
    },
    fromPath: {
      value: function fromPath(...args: unknown[]): ReferenceSession {
        requireArgument(args, 0);
        const [value, options] = args;
        const filePath = toFilePath(value);
        if (filePath === undefined) throwArgumentError(0, value, style);
        ensureReady();
        if (filePath === '') throw new TypeError('An empty path was specified');
        if (!path.isAbsolute(filePath)) throw new TypeError('An absolute path was not provided');
        return registry.fromPath(filePath, cacheOption(app, options));
      },
      enumerable: true,
    },
    defaultSession: {
      get(): ReferenceSession {
        ensureReady();
        return registry.defaultSession();
      },
      enumerable: true,
    },
  };

  const module = {};
  for (const [key, descriptor] of Object.entries(members)) {
    if (hasMember(era, `session.${key}`)) Object.defineProperty(module, key, descriptor);
  }
  return Object.freeze(module) as ReferenceSessionModule;
}
