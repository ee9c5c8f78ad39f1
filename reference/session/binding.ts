// Links a public Session object to its services. Public objects carry no
// state of their own; every member looks its services up here.

import type { SessionServices } from './session-services.ts';

const servicesByObject = new WeakMap<object, SessionServices>();

export function bindServices(session: object, services: SessionServices): void {
  servicesByObject.set(session, services);
}

export function servicesOf(session: object): SessionServices {
  const services = servicesByObject.get(session);
  if (!services) throw new TypeError('Illegal invocation');
  return services;
}
