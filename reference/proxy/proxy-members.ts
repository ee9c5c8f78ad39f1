// The proxy members of Session: setProxy, resolveProxy, forceReloadProxyConfig,
// with Electron's argument handling per era (Electron 1.x: typed arguments
// that throw, a config that may be a string; Electron 9+: lenient reading, a
// rejected promise for an unknown `mode`), then one call into the session's
// ProxyConfigService.

import type { EraId } from '../../contract/eras/eras.ts';
import { requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { preferenceFromLegacySetProxy, preferenceFromSetProxy } from './electron-config.ts';
import type { ProxyConfigService } from './proxy-config-service.ts';
import { proxyService } from './proxy-service.ts';
import { ELECTRON_PROXY_ERAS } from './electron-proxy-era.ts';

/** The session's proxy service, made once per session (see proxy-service.ts). */
export function proxyServiceOf(session: object): ProxyConfigService {
  return servicesOf(session).use(proxyService);
}

/** Electron settles these promises in a later task, not synchronously. */
function settleLater<T>(value: T): Promise<T> {
  return new Promise((resolve) => setImmediate(() => resolve(value)));
}

function isLegacy(era: EraId): boolean {
  return ELECTRON_PROXY_ERAS[era].nativeMateArguments;
}

export const PROXY_MEMBERS: MemberTable = {
  'ses.setProxy': {
    kind: 'method',
    call(...args: unknown[]) {
      const { era } = servicesOf(this);
      const service = proxyServiceOf(this);
      if (isLegacy(era)) {
        requireArgument(args, 0);
        const pref = preferenceFromLegacySetProxy(args[0]);
        if (!pref) throwArgumentError(0, args[0], 'native_mate');
        service.setPreference(pref);
        return settleLater(undefined);
      }
      const pref = preferenceFromSetProxy(args[0], era);
      if ('error' in pref) return Promise.reject(new Error(pref.error));
      service.setPreference(pref);
      return settleLater(undefined);
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && !preferenceFromLegacySetProxy(args[0])) throwArgumentError(0, args[0], 'native_mate');
    },
  },
  'ses.resolveProxy': {
    kind: 'method',
    call(...args: unknown[]) {
      const { era } = servicesOf(this);
      const service = proxyServiceOf(this);
      if (isLegacy(era)) {
        requireArgument(args, 0);
        if (typeof args[0] !== 'string') throwArgumentError(0, args[0], 'native_mate');
        return service.lookUpPacString(args[0]);
      }
      // gin reads the URL leniently: anything but a string is the empty URL.
      return service.lookUpPacString(typeof args[0] === 'string' ? args[0] : '');
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && typeof args[0] !== 'string') throwArgumentError(0, args[0], 'native_mate');
    },
  },
  'ses.forceReloadProxyConfig': {
    kind: 'method',
    call() {
      proxyServiceOf(this).forceReload();
      return settleLater(undefined);
    },
  },
};
