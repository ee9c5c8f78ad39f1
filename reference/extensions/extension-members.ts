// The Session members of the extensions area, with Electron's argument
// handling: the path is a base::FilePath (a string, cut at its first NUL;
// null, and anything whose string form is empty, read as the empty path;
// anything else throws at once); then the promise rejects for a relative path (e12+) before it
// rejects for an in-memory session. The options object is read leniently:
// a non-object is ignored, `allowFileAccess` is taken by truthiness. Ids
// are strings.

import { conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import type { SessionServices } from '../session/session-services.ts';
import { extensionService } from './extension-service.ts';

/** gin's FilePath converter; base::FilePath keeps a string up to its first NUL. */
function filePathArgument(value: unknown, services: SessionServices): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.split('\u0000')[0]!;
  if (typeof value !== 'symbol' && value !== undefined) {
    let text: string | null;
    try {
      text = String(value);
    } catch {
      text = null;
    }
    if (text === '') return '';
  }
  throwArgumentError(0, value, conversionStyle(services.era));
}

function idArgument(args: unknown[], services: SessionServices): string {
  requireArgument(args, 0);
  if (typeof args[0] !== 'string') throwArgumentError(0, args[0], conversionStyle(services.era));
  return args[0];
}

/** gin_helper::Dictionary's conversion of the options, then a bool read of `allowFileAccess`. */
function allowFileAccessOption(options: unknown): boolean {
  if (options === null || (typeof options !== 'object' && typeof options !== 'function')) return false;
  return Boolean((options as { allowFileAccess?: unknown }).allowFileAccess);
}

export const EXTENSION_MEMBERS: MemberTable = {
  'ses.loadExtension': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const path = filePathArgument(args[0], services);
      const extensions = services.use(extensionService);
      const rules = extensions.rules;
      if (
        rules.requireAbsolutePath &&
        !path.startsWith('/') &&
        !(process.platform === 'win32' && /^([a-zA-Z]:[\\/]|\\\\)/.test(path))
      ) {
        return Promise.reject(new Error("The path to the extension in 'loadExtension' must be absolute"));
      }
      if (services.identity.storagePath === null) {
        return Promise.reject(new Error('Extensions cannot be loaded in a temporary session'));
      }
      const allowFileAccess = rules.acceptsOptions && allowFileAccessOption(args[1]);
      return extensions.load(path, allowFileAccess);
    },
  },
  'ses.removeExtension': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      services.use(extensionService).remove(idArgument(args, services));
    },
  },
  'ses.getExtension': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      return services.use(extensionService).get(idArgument(args, services));
    },
  },
  'ses.getAllExtensions': {
    kind: 'method',
    call() {
      return servicesOf(this).use(extensionService).all();
    },
  },
};
