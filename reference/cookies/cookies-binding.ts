// Links a public Cookies object to its session's CookieService; the object
// itself holds no state.

import type { CookieService } from './cookie-service.ts';

const serviceByObject = new WeakMap<object, CookieService>();

export function bindCookieService(object: object, service: CookieService): void {
  serviceByObject.set(object, service);
}

export function cookieServiceOf(object: unknown): CookieService {
  const service = typeof object === 'object' && object !== null ? serviceByObject.get(object) : undefined;
  if (!service) throw new TypeError('Illegal invocation');
  return service;
}
