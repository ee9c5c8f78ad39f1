// The composition root: builds one session from the registry of areas. It
// makes the session's services with their wiring (how the network stack is
// built, with every area's seam installed), the era's Session class from
// every area's members, and the public object bound to both.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../contract/eras/eras.ts';
import type { App } from '../app/app.ts';
import { AREAS } from '../areas.ts';
import { shapeClass, type MemberTable, type ShapedClass } from '../era/shape.ts';
import { NetworkService } from '../net/network-service.ts';
import { bindServices } from './binding.ts';
import type { SessionIdentity } from './identity.ts';
import { SessionServices, type ServiceFactory } from './session-services.ts';

export type ReferenceSession = EventEmitter & Record<string, unknown>;

/** Every area's Session members in one table; a name defined twice is a wiring error. */
export function sessionMembers(): MemberTable {
  const merged: Record<string, MemberTable[string]> = {};
  for (const area of AREAS) {
    for (const [name, impl] of Object.entries(area.sessionMembers ?? {})) {
      if (merged[name]) throw new Error(`session member ${name} is defined by two areas`);
      merged[name] = impl;
    }
  }
  return merged;
}

const classes = new Map<EraId, ShapedClass<ReferenceSession>>();

export function sessionClassFor(era: EraId): ShapedClass<ReferenceSession> {
  let shaped = classes.get(era);
  if (!shaped) classes.set(era, (shaped = shapeClass<ReferenceSession>(era, 'ses.', 'Session', sessionMembers())));
  return shaped;
}

/** A session's network stack, with the seam of every area that has one. */
const buildNetwork: ServiceFactory<NetworkService> = (services) => {
  const network = new NetworkService(services);
  for (const area of AREAS) area.network?.(network.hooks, services, network);
  return network;
};

export function composeSession(app: App, identity: SessionIdentity): { session: ReferenceSession; services: SessionServices } {
  const services = new SessionServices(app, identity, { network: buildNetwork });
  const session = sessionClassFor(app.era).create();
  bindServices(session, services);
  services.attach(session);
  for (const area of AREAS) area.sessionCreated?.(services);
  return { session, services };
}
