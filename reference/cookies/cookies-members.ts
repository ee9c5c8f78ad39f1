// The public members of Cookies: arguments converted as Electron converts them (native_mate in 1.x, gin
// from 9), then one call into the session's CookieService. era/shape.ts picks
// the members each era documents and gives 1.x its callbacks.

import type { EraId } from '../../contract/eras/eras.ts';
import { requireArgument, throwArgumentError, type ConversionStyle } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { isDictionaryValue, isGinDictionary } from '../era/gin-dictionary.ts';
import { serviceBehind } from '../session/public-object.ts';
import type { CookieService } from './cookie-service.ts';
import { COOKIE_ERAS } from './cookie-era.ts';

const cookieServiceOf = (object: unknown): CookieService => serviceBehind<CookieService>('Cookies', object);

function style(era: EraId): ConversionStyle {
  return COOKIE_ERAS[era].argumentStyle;
}

export const COOKIES_MEMBERS: MemberTable = {
  'cookies.get': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = cookieServiceOf(this);
      requireArgument(args, 0);
      const [filter] = args;
      const accepted = service.eraId === 'legacy' ? isDictionaryValue(filter) : isGinDictionary(filter);
      if (!accepted) throwArgumentError(0, filter, style(service.eraId));
      return service.get(filter as Record<string, unknown>);
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && !isDictionaryValue(args[0])) throwArgumentError(0, args[0], 'native_mate');
    },
  },
  'cookies.set': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = cookieServiceOf(this);
      requireArgument(args, 0);
      const [details] = args;
      if (!isDictionaryValue(details)) throwArgumentError(0, details, style(service.eraId));
      return service.set(details);
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && !isDictionaryValue(args[0])) throwArgumentError(0, args[0], 'native_mate');
    },
  },
  'cookies.remove': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = cookieServiceOf(this);
      requireArgument(args, 0);
      const [url, name] = args;
      if (typeof url !== 'string') throwArgumentError(0, url, style(service.eraId));
      requireArgument(args, 1);
      if (typeof name !== 'string') throwArgumentError(1, name, style(service.eraId));
      return service.remove(url, name);
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && typeof args[0] !== 'string') throwArgumentError(0, args[0], 'native_mate');
      if (args.length > 1 && typeof args[1] !== 'string') throwArgumentError(1, args[1], 'native_mate');
    },
  },
  'cookies.flushStore': {
    kind: 'method',
    call() {
      return cookieServiceOf(this).flush();
    },
  },
};
