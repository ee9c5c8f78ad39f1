// The one binding between the public objects users hold (ses.cookies,
// ses.webRequest, ses.protocol, ses.netLog, and next DownloadItem,
// ses.serviceWorkers, Extension) and the service behind each. A public object
// holds no state: its members look their service up here, and a member called
// on an object of another kind throws Electron's "Illegal invocation".
//
// Kinds are told apart by class name rather than by importing each other, so
// an area's member table, its kind and its service never import in a circle.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../contract/eras/eras.ts';
import { shapeClass, type MemberTable, type ShapedClass } from '../era/shape.ts';

export type PublicObject = EventEmitter & Record<string, unknown>;

/** A class of public object: the era shapes its members from the inventory. */
export interface PublicObjectKind {
  /** The name Electron gives the class (`Cookies`); also the binding's key. */
  readonly className: string;
  /** The member prefix of this object in the inventory (`cookies.`). */
  readonly prefix: string;
  readonly members: MemberTable;
  /** Members the reference defines although no era documents them. */
  readonly extraNames?: readonly string[];
  /** A class that shapeClass cannot build (NetLog is no EventEmitter). */
  readonly construct?: (era: EraId) => object;
}

const classes = new Map<string, ShapedClass<PublicObject>>();
const bindings = new WeakMap<object, { className: string; service: unknown }>();

function create(kind: PublicObjectKind, era: EraId): object {
  if (kind.construct) return kind.construct(era);
  const key = `${kind.className}@${era}`;
  let shaped = classes.get(key);
  if (!shaped) {
    shaped = shapeClass<PublicObject>(era, kind.prefix, kind.className, kind.members, kind.extraNames);
    classes.set(key, shaped);
  }
  return shaped.create();
}

/** A new public object of `kind` for `era`, bound to `service`. */
export function createPublicObject(kind: PublicObjectKind, era: EraId, service: unknown): object {
  const object = create(kind, era);
  bindings.set(object, { className: kind.className, service });
  return object;
}

/** The service behind a public object of the named class, for its members. */
export function serviceBehind<S>(className: string, object: unknown): S {
  const binding = typeof object === 'object' && object !== null ? bindings.get(object) : undefined;
  if (!binding || binding.className !== className) throw new TypeError('Illegal invocation');
  return binding.service as S;
}

/** The class users reach as `object.constructor` for a kind in an era. */
export function publicClassOf(kind: PublicObjectKind, era: EraId): abstract new (...args: never[]) => unknown {
  return (create(kind, era) as { constructor: abstract new (...args: never[]) => unknown }).constructor;
}
