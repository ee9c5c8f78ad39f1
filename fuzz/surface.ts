// Every public member the fuzzer calls in an era, found rather than listed:
// the era's inventory and sub-inventory (contract/eras/), every member the
// areas of the reference define (reference/areas.ts: Session members and the
// members of each public object they own), and the methods of any object a
// Session property holds. A new area is fuzzed as soon as it is registered.
// Names are canonical: `session.fromPartition`, `ses.setProxy`,
// `cookies.get`, `ses.on('will-download')`, `netLog.startLogging`.

import { membersOf } from '../contract/eras/inventory.ts';
import type { EraId } from '../contract/eras/eras.ts';
import { subMembersOf } from '../contract/eras/sub-inventory.ts';
import { AREAS } from '../reference/areas.ts';

export interface SurfaceMember {
  name: string;
  /** `module` (the session module), `session`, or the Session property that holds the object (`cookies`). */
  owner: string;
  /** The property or method name on the owner, or the event name. */
  key: string;
  kind: 'method' | 'property' | 'event';
}

const EVENT = /^([A-Za-z]+)\.on\('([^']+)'\)$/;

function parse(name: string): SurfaceMember | null {
  const event = EVENT.exec(name);
  if (event) return { name, owner: ownerOf(event[1]!), key: event[2]!, kind: 'event' };
  const dot = name.indexOf('.');
  if (dot < 0) return null;
  const prefix = name.slice(0, dot);
  const key = name.slice(dot + 1);
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return null;
  return { name, owner: ownerOf(prefix), key, kind: 'method' };
}

function ownerOf(prefix: string): string {
  if (prefix === 'session') return 'module';
  if (prefix === 'ses') return 'session';
  return prefix;
}

/** Every member name the contract and the areas know, for any era. */
function knownNames(era: EraId): Set<string> {
  const names = new Set<string>();
  for (const m of membersOf(era)) names.add(m.name);
  for (const m of subMembersOf(era)) names.add(m.name);
  for (const area of AREAS) {
    for (const name of Object.keys(area.sessionMembers ?? {})) names.add(name);
    for (const kind of area.objects ?? []) {
      for (const name of Object.keys(kind.members)) names.add(name);
      for (const name of kind.extraNames ?? []) names.add(name);
    }
  }
  return names;
}

/**
 * The members that exist on a live target of the era: `reach(owner)` gives
 * the object that owns them (undefined when the era has no such object).
 */
export function surfaceOf(era: EraId, reach: (owner: string) => object | undefined): SurfaceMember[] {
  const found = new Map<string, SurfaceMember>();
  for (const name of knownNames(era)) {
    const member = parse(name);
    if (!member) continue;
    const owner = reach(member.owner);
    if (!owner) continue;
    if (member.kind === 'event') {
      if (typeof (owner as { on?: unknown }).on === 'function') found.set(name, member);
      continue;
    }
    if (!(member.key in owner)) continue;
    let value: unknown;
    try {
      value = (owner as Record<string, unknown>)[member.key];
    } catch {
      value = undefined;
    }
    found.set(name, { ...member, kind: typeof value === 'function' ? 'method' : 'property' });
  }
  // Objects behind Session properties bring their own methods (netLog, extensions, ...).
  const session = reach('session') as Record<string, unknown> | undefined;
  for (const member of [...found.values()]) {
    if (member.owner !== 'session' || member.kind !== 'property') continue;
    let object: unknown;
    try {
      object = session?.[member.key];
    } catch {
      continue;
    }
    // Only the API's own objects: arrays, maps and other built-ins bring no members of the API.
    if (typeof object !== 'object' || object === null || !isApiObject(object)) continue;
    for (const key of methodNames(object)) {
      const name = `${member.key}.${key}`;
      if (!found.has(name)) found.set(name, { name, owner: member.key, key, kind: 'method' });
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

const BUILT_IN_PROTOTYPES = new Set<object>([
  Array.prototype,
  Map.prototype,
  Set.prototype,
  Date.prototype,
  RegExp.prototype,
  Promise.prototype,
]);

function isApiObject(object: object): boolean {
  if (Array.isArray(object) || ArrayBuffer.isView(object)) return false;
  for (let o = Object.getPrototypeOf(object) as object | null; o; o = Object.getPrototypeOf(o) as object | null) {
    if (BUILT_IN_PROTOTYPES.has(o)) return false;
  }
  return true;
}

/** The public methods of an object and its prototypes, EventEmitter's own left out. */
function methodNames(object: object): string[] {
  const names = new Set<string>();
  const skip = new Set([
    'constructor',
    'emit',
    'on',
    'once',
    'off',
    'addListener',
    'removeListener',
    'removeAllListeners',
    'prependListener',
    'prependOnceListener',
    'listeners',
    'rawListeners',
    'listenerCount',
    'eventNames',
    'setMaxListeners',
    'getMaxListeners',
  ]);
  for (let o: object | null = object; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (skip.has(key) || key.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(o, key);
      if (descriptor && typeof descriptor.value === 'function') names.add(key);
    }
  }
  return [...names];
}
