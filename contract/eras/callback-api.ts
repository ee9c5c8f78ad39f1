// How callback-era (legacy) asynchronous members deliver their result. One
// table serves both sides: the reference shapes its legacy API from it, and
// specs call through harness/api/invoke.ts, which reads it to turn a callback
// into a promise, so one spec serves callback and promise eras alike.

import { ERA_BY_ID, type EraId } from './eras.ts';

/**
 * `value`: callback(result). `done`: callback() with no arguments.
 * `error-first`: callback(error, result), as the legacy cookies API does.
 */
export type CallbackShape = 'value' | 'done' | 'error-first';

export interface CallbackMember {
  shape: CallbackShape;
  /** Arguments before the callback. */
  arity: number;
  /** The callback itself may be left out. */
  optional?: boolean;
  /**
   * The callback is only ever the argument at index `arity`: earlier
   * arguments may be functions themselves (a protocol handler).
   */
  atArity?: boolean;
}

/** Electron 1.8 (atom_api_protocol.h): an optional completion(error) after the scheme and handler. */
const PROTOCOL_COMPLETION: CallbackMember = { shape: 'error-first', arity: 2, optional: true, atArity: true };

export const LEGACY_CALLBACK_MEMBERS: Readonly<Record<string, CallbackMember>> = {
  'ses.getCacheSize': { shape: 'value', arity: 0 },
  'ses.clearCache': { shape: 'done', arity: 0 },
  'ses.clearStorageData': { shape: 'done', arity: 1, optional: true },
  'ses.setProxy': { shape: 'done', arity: 1 },
  'ses.resolveProxy': { shape: 'value', arity: 1 },
  'ses.clearHostResolverCache': { shape: 'done', arity: 0, optional: true },
  'ses.clearAuthCache': { shape: 'done', arity: 1, optional: true },
  'ses.getBlobData': { shape: 'value', arity: 1 },
  // Electron 1.8 (atom_api_cookies.cc): every Cookies method takes its
  // callback as a required typed parameter; get -> callback(null, cookies),
  // set -> callback(null) or callback(error), remove and flushStore -> callback().
  'cookies.get': { shape: 'error-first', arity: 1 },
  'cookies.set': { shape: 'error-first', arity: 1 },
  'cookies.remove': { shape: 'done', arity: 2 },
  'cookies.flushStore': { shape: 'done', arity: 0 },
  // Electron 1.8 runs protocol changes on the IO thread and reports back to
  // an optional completion: null, or an Error naming what went wrong.
  'protocol.registerStringProtocol': PROTOCOL_COMPLETION,
  'protocol.registerBufferProtocol': PROTOCOL_COMPLETION,
  'protocol.registerFileProtocol': PROTOCOL_COMPLETION,
  'protocol.registerHttpProtocol': PROTOCOL_COMPLETION,
  'protocol.registerStreamProtocol': PROTOCOL_COMPLETION,
  'protocol.interceptStringProtocol': PROTOCOL_COMPLETION,
  'protocol.interceptBufferProtocol': PROTOCOL_COMPLETION,
  'protocol.interceptFileProtocol': PROTOCOL_COMPLETION,
  'protocol.interceptHttpProtocol': PROTOCOL_COMPLETION,
  'protocol.interceptStreamProtocol': PROTOCOL_COMPLETION,
  'protocol.unregisterProtocol': { shape: 'error-first', arity: 1, optional: true, atArity: true },
  'protocol.uninterceptProtocol': { shape: 'error-first', arity: 1, optional: true, atArity: true },
  // isProtocolHandled(scheme, callback(handled)): the callback is required.
  'protocol.isProtocolHandled': { shape: 'value', arity: 1 },
};

export function callbackMember(era: EraId, member: string): CallbackMember | undefined {
  return ERA_BY_ID[era].asyncStyle === 'callback' ? LEGACY_CALLBACK_MEMBERS[member] : undefined;
}
