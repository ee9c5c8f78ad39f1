// The era-shaped Cookies class (an EventEmitter with the members the era
// documents) and the factory that wires one object to a CookieService.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../harness/eras/eras.ts';
import { shapeClass, type ShapedClass } from '../era/shape.ts';
import { bindCookieService } from './cookies-binding.ts';
import { COOKIES_MEMBERS } from './cookies-members.ts';
import type { CookieService } from './cookie-service.ts';

export type CookiesObject = EventEmitter & Record<string, unknown>;

const classes = new Map<EraId, ShapedClass<CookiesObject>>();

export function cookiesClassFor(era: EraId): ShapedClass<CookiesObject> {
  let shaped = classes.get(era);
  if (!shaped) classes.set(era, (shaped = shapeClass<CookiesObject>(era, 'cookies.', 'Cookies', COOKIES_MEMBERS)));
  return shaped;
}

export function createCookiesObject(era: EraId, service: CookieService): CookiesObject {
  const object = cookiesClassFor(era).create();
  bindCookieService(object, service);
  return object;
}
