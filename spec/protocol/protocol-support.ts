// Helpers the protocol specs share, public API only: a session's
// `protocol` object, each era's way of reporting whether a change took
// effect, and page fetches (every era) of the session.

import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { failureOf, headerOf, pageFetch, thrown } from '../support/requests.ts';

export type ProtocolLike = Record<string, (...args: unknown[]) => unknown>;
export type ProtocolCallback = (response?: unknown) => void;
export type ProtocolRequest = {
  url: string;
  method: string;
  referrer: string;
  headers: Record<string, string>;
  uploadData?: { bytes: Buffer }[];
};
export type Handler = (request: ProtocolRequest, callback: ProtocolCallback) => void;

export function protocolOf(session: unknown): ProtocolLike {
  return (session as { protocol: ProtocolLike }).protocol;
}

/** A fresh in-memory session, so each test starts without handlers. */
export function freshSession(t: SpecHandle, label = 'protocol'): { session: unknown; protocol: ProtocolLike } {
  const session = t.session.fromPartition(uniquePartition(label));
  return { session, protocol: protocolOf(session) };
}

/** protocol.handle / protocol.unhandle (Electron 25+), loose enough to pass bad schemes and handlers. */
export interface HandleProtocol {
  handle(scheme: unknown, handler: unknown): void;
  unhandle(scheme: unknown): void;
}

/** A session of the eras with protocol.handle, as its specs use it: ses.fetch and that protocol. */
export interface HandleSession {
  fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
  protocol: HandleProtocol;
}

/** A fresh in-memory session for protocol.handle specs. */
export function freshHandleSession(t: SpecHandle, label = 'handle'): { session: HandleSession; protocol: HandleProtocol } {
  const session = freshSession(t, label).session as HandleSession;
  return { session, protocol: session.protocol };
}

export interface Outcome {
  /** What the call returned (Electron 12+: whether it succeeded). */
  returned: unknown;
  /** What the completion reported (1.x and 9): null, or the Error. */
  error: Error | null;
}

/**
 * Calls register*, intercept*, unregister or unintercept the way its era
 * reports back: 1.x through its completion (awaited), 9 through a
 * completion called at once, 12+ by returning whether it worked.
 */
export async function change(t: SpecHandle, protocol: ProtocolLike, member: string, ...args: unknown[]): Promise<Outcome> {
  if (t.era === 'legacy') {
    try {
      await t.invoke(protocol, `protocol.${member}`, ...args);
      return { returned: undefined, error: null };
    } catch (error) {
      return { returned: undefined, error: error as Error };
    }
  }
  if (t.era === 'e9') {
    let error: Error | null | undefined;
    const returned = protocol[member]!(...args, (e: Error | null) => {
      error = e;
    });
    if (error === undefined) throw new Error(`${member} did not call its completion`);
    return { returned, error };
  }
  return { returned: protocol[member]!(...args), error: null };
}

/** Asserts-friendly summary: 'ok', or the failure as the era words it. */
export function verdict(t: SpecHandle, outcome: Outcome): string {
  if (t.era === 'legacy' || t.era === 'e9') {
    if (outcome.returned !== undefined) return `returned ${String(outcome.returned)}`;
    return outcome.error ? `error: ${outcome.error.message}` : 'ok';
  }
  return outcome.returned === true ? 'ok' : outcome.returned === false ? 'failed' : `returned ${String(outcome.returned)}`;
}

/** What a failed change reports in each era: the completion's message (1.x, 9), or false (12+). */
export function failure(t: SpecHandle, message: string): string {
  return t.era === 'legacy' || t.era === 'e9' ? `error: ${message}` : 'failed';
}

/** Registers a handler and expects it to take effect. */
export async function mustChange(t: SpecHandle, protocol: ProtocolLike, member: string, ...args: unknown[]): Promise<void> {
  const result = verdict(t, await change(t, protocol, member, ...args));
  if (result !== 'ok') throw new Error(`${member} did not succeed: ${result}`);
}
