// What the main thread and the PAC thread (pac-worker.ts) say to each other
// (for PAC scripts, and for the service-worker scripts that run there too),
// and the progress the PAC thread shares with the main thread's deadline
// watch: which request it is running since when, and the last one it answered.

import type { DnsQuestion } from './bindings.ts';
import type { SandboxLimits, SandboxOutcome } from './sandbox.ts';

/** DNS answers known for this attempt: question key -> answer (null: it failed). */
export type AnswerList = [string, string | null][];

export type PacRequest =
  | {
      id: number;
      op: 'load';
      /** Which sandbox of the thread (one per loaded script). */
      sandbox: number;
      script: string;
      limits: SandboxLimits;
      /** This attempt's share of the script's time budget. */
      timeoutMs: number;
      answers: AnswerList;
    }
  | { id: number; op: 'find'; sandbox: number; url: string; host: string; timeoutMs: number; answers: AnswerList }
  | {
      id: number;
      /** A script other than PAC (a service worker's): a sandbox whose one host function `__report` is recorded. */
      op: 'script-load';
      sandbox: number;
      /** Evaluated first (the script's global environment), then `script`. */
      prelude: string;
      script: string;
      file: string;
      /** Memory and stack; the time limit is `timeoutMs`. */
      limits: Omit<SandboxLimits, 'timeoutMs'>;
      timeoutMs: number;
    }
  | { id: number; op: 'script-call'; sandbox: number; fn: string; args: [string, string]; timeoutMs: number }
  | { id: number; op: 'drop'; sandbox: number };

export interface PacReply {
  id: number;
  outcome: SandboxOutcome | { kind: 'no-entry-point' } | { kind: 'no-sandbox' };
  /** DNS questions the script asked that had no answer yet (outcome 'aborted'). */
  missing: DnsQuestion[];
  alerts: string[];
  /** For 'script-load' and 'script-call': the arguments (as text) of each `__report` call the script made. */
  reports?: string[][];
  /** Time spent running script code. */
  elapsedMs: number;
  /**
   * False when the runtime may be left in a bad state (interrupted, out of
   * memory, stack overflow, a failure inside QuickJS): the thread is then
   * replaced and every script loaded afresh.
   */
  clean: boolean;
}

/** The first message of the thread, once QuickJS is ready. */
export interface PacReady {
  ready: true;
}

/**
 * The slots of the Int32Array (over a SharedArrayBuffer) the PAC thread
 * writes as it works: the id of the request it runs (0 between requests),
 * when it started it (progressClock), the id of the last request whose
 * answer it has posted.
 */
export const PROGRESS = { running: 0, startedAt: 1, answered: 2 } as const;

/** Milliseconds since the thread's epoch, wrapped to an int32 (differences stay right for 24 days). */
export function progressClock(epoch: number): number {
  return (Date.now() - epoch) | 0;
}
