// What the main thread and the PAC thread (pac-worker.ts) say to each other.
// Types only: both sides import them.

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
  | { id: number; op: 'drop'; sandbox: number };

export interface PacReply {
  id: number;
  outcome: SandboxOutcome | { kind: 'no-entry-point' } | { kind: 'no-sandbox' };
  /** DNS questions the script asked that had no answer yet (outcome 'aborted'). */
  missing: DnsQuestion[];
  alerts: string[];
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
