// The public ServiceWorkers class (`ses.serviceWorkers`, Electron 9+): its
// members per era come from the second inventory level; each looks up its
// session's ServiceWorkerContext. Version ids convert as gin's int64 does (a
// number, truncated); an unknown one throws Electron's plain Error. In the
// current era getFromVersionID is deprecated for getInfoFromVersionID and
// warns once per process, as Electron's deprecation helper does.

import type { EraId } from '../../../contract/eras/eras.ts';
import { conversionStyle, requireArgument, throwArgumentError } from '../../era/arguments.ts';
import type { MemberTable } from '../../era/shape.ts';
import { serviceBehind, type PublicObjectKind } from '../../session/public-object.ts';
import { STORAGE_ERAS } from '../storage-era.ts';
import type { ServiceWorkerContext } from './sw-context.ts';

const CLASS_NAME = 'ServiceWorkerContext';

function context(object: unknown): ServiceWorkerContext {
  return serviceBehind<ServiceWorkerContext>(CLASS_NAME, object);
}

/** gin's int64_t conversion: any number, truncated; anything else fails. */
function versionIdArgument(era: EraId, args: unknown[]): number {
  requireArgument(args, 0);
  const [value] = args;
  if (typeof value !== 'number') throwArgumentError(0, value, conversionStyle(era));
  return Math.trunc(value);
}

function info(object: unknown, args: unknown[]) {
  const ctx = context(object);
  const versionId = versionIdArgument(ctx.era, args);
  const found = ctx.runningInfo(versionId);
  if (!found) throw new Error('Could not find service worker with that version_id');
  return found;
}

let warnedGetFromVersionID = false;

const MEMBERS: MemberTable = {
  'serviceWorkers.getAllRunning': {
    kind: 'method',
    call() {
      return context(this).getAllRunning();
    },
  },
  'serviceWorkers.getFromVersionID': {
    kind: 'method',
    call(...args: unknown[]) {
      if (STORAGE_ERAS[context(this).era].getFromVersionIdDeprecated && !warnedGetFromVersionID) {
        warnedGetFromVersionID = true;
        process.emitWarning(
          'The session.serviceWorkers.getFromVersionID API is deprecated, use session.serviceWorkers.getInfoFromVersionID instead.',
          'DeprecationWarning',
          'ServiceWorkersDeprecateGetFromVersionID',
        );
      }
      return info(this, args);
    },
  },
  'serviceWorkers.getInfoFromVersionID': {
    kind: 'method',
    call(...args: unknown[]) {
      return info(this, args);
    },
  },
  'serviceWorkers.getWorkerFromVersionID': {
    kind: 'method',
    call(...args: unknown[]) {
      const ctx = context(this);
      return ctx.workerMain(versionIdArgument(ctx.era, args));
    },
  },
  'serviceWorkers.startWorkerForScope': {
    kind: 'method',
    call(...args: unknown[]) {
      const ctx = context(this);
      requireArgument(args, 0);
      const [scope] = args;
      // GURL conversion takes strings only.
      if (typeof scope !== 'string') throwArgumentError(0, scope, conversionStyle(ctx.era));
      return ctx.startForScope(scope);
    },
  },
};

export const SERVICE_WORKERS_OBJECT: PublicObjectKind = { className: CLASS_NAME, prefix: 'serviceWorkers.', members: MEMBERS };
