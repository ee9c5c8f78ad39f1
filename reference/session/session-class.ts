// The era-shaped Session class and a factory that wires a new object to its
// services.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../harness/eras/eras.ts';
import { shapeClass, type ShapedClass } from '../era/shape.ts';
import { bindServices } from './binding.ts';
import { sessionMembers } from './member-tables.ts';
import type { SessionServices } from './session-services.ts';

export type ReferenceSession = EventEmitter & Record<string, unknown>;

const classes = new Map<EraId, ShapedClass<ReferenceSession>>();

export function sessionClassFor(era: EraId): ShapedClass<ReferenceSession> {
  let shaped = classes.get(era);
  if (!shaped) classes.set(era, (shaped = shapeClass<ReferenceSession>(era, 'ses.', 'Session', sessionMembers())));
  return shaped;
}

export function createSession(era: EraId, services: SessionServices): ReferenceSession {
  const session = sessionClassFor(era).create();
  bindServices(session, services);
  services.attach(session);
  return session;
}
