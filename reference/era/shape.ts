// Builds the era-shaped public class of an object (Session, Cookies,
// WebRequest, Protocol, ...): exactly the members the era documents and the
// reference implements, nothing else. Asynchronous members get the era's
// calling convention through callbackify.

import { EventEmitter } from 'node:events';
import type { EraId } from '../../contract/eras/eras.ts';
import { membersOf } from '../../contract/eras/inventory.ts';
import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import { callbackMember } from '../../contract/eras/callback-api.ts';
import { callbackify } from './callbackify.ts';

export type MemberImpl =
  | {
      kind: 'method';
      call: (this: object, ...args: never[]) => unknown;
      /**
       * The legacy era's conversion of the arguments before the callback, as
       * native_mate ran it (in order, throwing at the first bad one) before it
       * noticed a missing callback. Members whose `call` checks argument types
       * in that era name the same checks here.
       */
      convertLegacyArguments?: (args: readonly unknown[]) => void;
    }
  | { kind: 'property'; get: (this: object) => unknown; set?: (this: object, value: never) => void };

/** Implementations keyed by canonical member name (`ses.getUserAgent`). */
export type MemberTable = Readonly<Record<string, MemberImpl>>;

const CONSTRUCT = Symbol('construct');

export interface ShapedClass<T> {
  /** The class users can reach (`ses.constructor`); `new` on it throws like Electron. */
  readonly publicClass: abstract new (
    ...args: never[]
  ) => T;
  create(): T;
}

/**
 * @param prefix the member prefix of this object in the inventory (`ses.`).
 * @param className the name Electron gives the class.
 */
export function shapeClass<T extends EventEmitter>(
  era: EraId,
  prefix: string,
  className: string,
  table: MemberTable,
  extraNames: readonly string[] = [],
): ShapedClass<T> {
  // Both inventory levels: Session members (`ses.*`) and the members of its
  // sub-objects (`cookies.*`, `webRequest.*`, `protocol.*`).
  const documented = new Set([...membersOf(era), ...subMembersOf(era)].map((m) => m.name));
  const Shaped = {
    [className]: class extends EventEmitter {
      constructor(token?: unknown) {
        // Electron (25+) throws a plain Error from the native constructor.
        if (token !== CONSTRUCT) throw new Error(`${className} objects cannot be created with 'new'`);
        super();
      }
    },
  }[className]!;
  for (const [name, impl] of Object.entries(table)) {
    if (!name.startsWith(prefix)) continue;
    if (!documented.has(name) && !extraNames.includes(name)) continue;
    const key = name.slice(prefix.length);
    if (impl.kind === 'method') {
      const cb = callbackMember(era, name);
      const value = cb ? callbackify(impl.call as never, cb, impl.convertLegacyArguments) : impl.call;
      Object.defineProperty(value, 'name', { value: key });
      Object.defineProperty(Shaped.prototype, key, { value, writable: true, configurable: true, enumerable: false });
    } else {
      Object.defineProperty(Shaped.prototype, key, {
        get: impl.get,
        // Read-only members are getter-only accessors, as gin defines them.
        set: impl.set,
        configurable: true,
        enumerable: true,
      });
    }
  }
  return {
    publicClass: Shaped as unknown as abstract new (...args: never[]) => T,
    create: () => new (Shaped as unknown as new (token: unknown) => T)(CONSTRUCT),
  };
}
