// The Session members of the permissions area: the request, check and
// display-media handlers, with Electron's argument errors. A missing
// argument is gin's or native_mate's insufficiency; anything but null or a
// function is 'Must pass null or function', a plain Error up to Electron 9
// (native_mate's and gin_helper's ThrowError) and a TypeError from 12
// (gin::Arguments::ThrowTypeError). setDisplayMediaRequestHandler goes
// through Electron's JS wrapper first (v39.2.7): a falsy value reaches the
// native setter, which clears on null and throws its own TypeError
// otherwise, while any truthy value is kept and only called at request time.

import type { EraId } from '../../contract/eras/eras.ts';
import { requireArgument } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { displayMediaService } from './display-media-service.ts';
import { permissionEra } from './permission-era.ts';
import { permissionService, type PermissionHandler } from './permission-service.ts';

function handlerError(era: EraId): Error {
  const message = 'Must pass null or function';
  return permissionEra(era).handlerError === 'Error' ? new Error(message) : new TypeError(message);
}

/** null, or a function; anything else throws the era's error. */
function handlerArgument(era: EraId, args: readonly unknown[]): PermissionHandler | null {
  requireArgument(args, 0);
  const [handler] = args;
  if (handler === null) return null;
  if (typeof handler !== 'function') throw handlerError(era);
  return handler as PermissionHandler;
}

export const PERMISSION_MEMBERS: MemberTable = {
  'ses.setPermissionRequestHandler': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      services.use(permissionService).setRequestHandler(handlerArgument(services.era, args));
    },
  },
  'ses.setPermissionCheckHandler': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      services.use(permissionService).setCheckHandler(handlerArgument(services.era, args));
    },
  },
  'ses.setDisplayMediaRequestHandler': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      const [handler] = args;
      if (!handler && handler !== null) throw new TypeError('Display media request handler must be null or a function');
      services.use(displayMediaService).setHandler(handler ?? null);
    },
  },
};
