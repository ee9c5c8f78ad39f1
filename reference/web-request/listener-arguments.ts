// Reads the arguments of `webRequest.onXxx([filter, ]listener)` the way each
// era's binding reads them (atom_api_web_request.cc in 1.x,
// electron_api_web_request.cc later): the optional filter, then a function
// or null. Electron 1.x ignores a filter whose patterns do not all parse
// (the listener then sees every request) and throws a plain Error; later
// eras throw TypeErrors naming the bad pattern. `excludeUrls` and `types`
// exist in the current era only. Patterns are read knowing the app's
// registered standard schemes, as Chromium's URLPattern does.

import type { EraId } from '../../contract/eras/eras.ts';
import { stringVector } from '../era/gin-array.ts';
import { UrlPattern, type RegisteredSchemes } from './url-pattern.ts';
import { WEB_REQUEST_ERAS } from './web-request-era.ts';

/** The webRequest resource types a `types` filter may name (ParseResourceType). */
export const FILTER_TYPES = [
  'mainFrame',
  'subFrame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xhr',
  'ping',
  'cspReport',
  'media',
  'webSocket',
] as const;

export interface RequestFilter {
  /** Empty: every URL. */
  include: UrlPattern[];
  exclude: UrlPattern[];
  /** Empty: every type. */
  types: string[];
}

export type Listener = (...args: never[]) => unknown;

export interface ListenerArguments {
  filter: RequestFilter;
  /** null removes the event's listener. */
  listener: Listener | null;
}

const ALL: RequestFilter = { include: [], exclude: [], types: [] };

/** gin's Dictionary conversion: any object that is not a function. */
function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parsePatterns(patterns: readonly string[], registered: RegisteredSchemes | undefined): UrlPattern[] {
  const parsed: UrlPattern[] = [];
  for (const text of new Set(patterns)) {
    const pattern = UrlPattern.parse(text, registered);
    if ('error' in pattern) throw new TypeError(`Invalid url pattern ${text}: ${pattern.error}`);
    parsed.push(pattern);
  }
  return parsed;
}

function legacyArguments(args: readonly unknown[], registered: RegisteredSchemes | undefined): ListenerArguments {
  let next = 0;
  let filter = ALL;
  if (isDictionary(args[0])) {
    next = 1;
    const urls = stringVector(args[0].urls);
    if (urls) {
      const parsed = urls.map((u) => UrlPattern.parse(u, registered));
      // native_mate converts the whole set or nothing: one bad pattern leaves no filter.
      if (parsed.every((p): p is UrlPattern => p instanceof UrlPattern)) filter = { include: parsed, exclude: [], types: [] };
    }
  }
  const listener = args[next];
  if (typeof listener === 'function') return { filter, listener: listener as Listener };
  if (listener === null) return { filter, listener: null };
  throw new Error('Must pass null or a Function');
}

function ginArguments(era: EraId, args: readonly unknown[], registered: RegisteredSchemes | undefined): ListenerArguments {
  let next = 0;
  let filter = ALL;
  const first = args[0];
  if (args.length > 0 && typeof first !== 'function' && isDictionary(first)) {
    next = 1;
    const urls = stringVector(first.urls);
    if (!urls) throw new TypeError("Parameter 'filter' must have property 'urls'.");
    filter = { include: parsePatterns(urls, registered), exclude: [], types: [] };
    if (WEB_REQUEST_ERAS[era].filterExcludesAndTypes) {
      const exclude = stringVector(first.excludeUrls) ?? [];
      const types = stringVector(first.types) ?? [];
      filter.exclude = parsePatterns(exclude, registered);
      for (const type of types) {
        if (!(FILTER_TYPES as readonly string[]).includes(type)) throw new TypeError(`Invalid type ${type}`);
      }
      filter.types = [...new Set(types)];
    }
  }
  if (args.length <= next) throw new TypeError('Must pass null or a Function');
  const listener = args[next];
  if (typeof listener === 'function') return { filter, listener: listener as Listener };
  if (listener === null) return { filter, listener: null };
  throw new TypeError('Must pass null or a Function');
}

/** `registered`: the app's registered standard schemes (none when absent). */
export function readListenerArguments(era: EraId, args: readonly unknown[], registered?: RegisteredSchemes): ListenerArguments {
  return WEB_REQUEST_ERAS[era].nativeMateBinding ? legacyArguments(args, registered) : ginArguments(era, args, registered);
}

/** Whether a request is the filter's; `url` may be null when the filter has no patterns. */
export function filterMatches(filter: RequestFilter, url: URL | null, resourceType: string): boolean {
  if (filter.include.length && !(url && filter.include.some((p) => p.matches(url)))) return false;
  if (url && filter.exclude.some((p) => p.matches(url))) return false;
  return filter.types.length === 0 || filter.types.includes(resourceType);
}
