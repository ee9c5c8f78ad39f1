// The era-shaped WebRequest class and the factory that wires one object to
// its session's WebRequestService; the object itself holds no state.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../harness/eras/eras.ts';
import { shapeClass, type ShapedClass } from '../era/shape.ts';
import { WEB_REQUEST_MEMBERS } from './web-request-members.ts';
import type { WebRequestService } from './web-request-service.ts';

export type WebRequestObject = EventEmitter & Record<string, unknown>;

const classes = new Map<EraId, ShapedClass<WebRequestObject>>();
const serviceByObject = new WeakMap<object, WebRequestService>();

export function webRequestClassFor(era: EraId): ShapedClass<WebRequestObject> {
  let shaped = classes.get(era);
  if (!shaped) classes.set(era, (shaped = shapeClass<WebRequestObject>(era, 'webRequest.', 'WebRequest', WEB_REQUEST_MEMBERS)));
  return shaped;
}

export function createWebRequestObject(era: EraId, service: WebRequestService): WebRequestObject {
  const object = webRequestClassFor(era).create();
  serviceByObject.set(object, service);
  return object;
}

export function webRequestServiceOf(object: unknown): WebRequestService {
  const service = typeof object === 'object' && object !== null ? serviceByObject.get(object) : undefined;
  if (!service) throw new TypeError('Illegal invocation');
  return service;
}
