// The era-shaped Protocol class and the factory that wires one object to its
// session's ProtocolService; the object itself holds no state.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../harness/eras/eras.ts';
import { shapeClass, type ShapedClass } from '../era/shape.ts';
import { PROTOCOL_MEMBERS } from './protocol-members.ts';
import type { ProtocolService } from './protocol-service.ts';

export type ProtocolObject = EventEmitter & Record<string, unknown>;

const classes = new Map<EraId, ShapedClass<ProtocolObject>>();
const serviceByObject = new WeakMap<object, ProtocolService>();

export function protocolClassFor(era: EraId): ShapedClass<ProtocolObject> {
  let shaped = classes.get(era);
  if (!shaped) classes.set(era, (shaped = shapeClass<ProtocolObject>(era, 'protocol.', 'Protocol', PROTOCOL_MEMBERS)));
  return shaped;
}

export function createProtocolObject(era: EraId, service: ProtocolService): ProtocolObject {
  const object = protocolClassFor(era).create();
  serviceByObject.set(object, service);
  return object;
}

export function protocolServiceOf(object: unknown): ProtocolService {
  const service = typeof object === 'object' && object !== null ? serviceByObject.get(object) : undefined;
  if (!service) throw new TypeError('Illegal invocation');
  return service;
}
