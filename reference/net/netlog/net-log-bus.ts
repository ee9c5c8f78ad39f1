// The event stream of one session's network stack. Layers add entries
// (type, source, phase, params); while nobody captures, nothing is built.
// Params are computed per entry for the capture mode in force, so a layer
// can leave out cookies and credentials unless `includeSensitive` or
// `everything` is on, and socket bytes unless `everything` is.

import { performance } from 'node:perf_hooks';
import {
  EVENT_TYPE_IDS,
  PHASES,
  SOURCE_TYPE_IDS,
  type NetLogEventType,
  type NetLogPhase,
  type NetLogSourceType,
} from './net-log-constants.ts';

export type CaptureMode = 'default' | 'includeSensitive' | 'everything';

export interface NetLogSource {
  id: number;
  type: NetLogSourceType;
  /** Ticks (ms) when the source began. */
  startTime: number;
}

export interface NetLogEntry {
  params?: Record<string, unknown>;
  phase: number;
  source: { id: number; start_time: string; type: number };
  time: string;
  type: number;
}

export type ParamsFn = (mode: CaptureMode) => Record<string, unknown> | undefined;

export interface NetLogObserver {
  readonly mode: CaptureMode;
  onEntry(entry: NetLogEntry): void;
}

/** Ticks as Chromium writes them: integer milliseconds of a monotonic clock. */
export function ticksNow(): number {
  return Math.round(performance.now());
}

export const TICK_OFFSET = Date.now() - performance.now();

export class NetLogBus {
  readonly #observers = new Set<NetLogObserver>();
  #nextId = 1;

  get capturing(): boolean {
    return this.#observers.size > 0;
  }

  source(type: NetLogSourceType): NetLogSource {
    return { id: this.#nextId++, type, startTime: ticksNow() };
  }

  add(type: NetLogEventType, source: NetLogSource, phase: NetLogPhase, params?: ParamsFn): void {
    if (!this.#observers.size) return;
    const time = String(ticksNow());
    for (const observer of this.#observers) {
      const entry: NetLogEntry = {
        phase: PHASES[phase],
        source: { id: source.id, start_time: String(source.startTime), type: SOURCE_TYPE_IDS[source.type] },
        time,
        type: EVENT_TYPE_IDS[type],
      };
      const p = params?.(observer.mode);
      if (p) entry.params = p;
      observer.onEntry(entry);
    }
  }

  begin(type: NetLogEventType, source: NetLogSource, params?: ParamsFn): void {
    this.add(type, source, 'PHASE_BEGIN', params);
  }

  end(type: NetLogEventType, source: NetLogSource, params?: ParamsFn): void {
    this.add(type, source, 'PHASE_END', params);
  }

  event(type: NetLogEventType, source: NetLogSource, params?: ParamsFn): void {
    this.add(type, source, 'PHASE_NONE', params);
  }

  attach(observer: NetLogObserver): void {
    this.#observers.add(observer);
  }

  detach(observer: NetLogObserver): void {
    this.#observers.delete(observer);
  }
}

const SENSITIVE_HEADERS = new Set(['cookie', 'set-cookie', 'set-cookie2', 'authorization', 'proxy-authorization']);

/**
 * net::ElideHeaderValueForNetLog: without sensitive capture, credential
 * and cookie values become `[N bytes were stripped]`.
 */
export function headerLine(name: string, value: string, mode: CaptureMode): string {
  if (mode === 'default' && SENSITIVE_HEADERS.has(name.toLowerCase())) {
    return `${name}: [${Buffer.byteLength(value)} bytes were stripped]`;
  }
  return `${name}: ${value}`;
}
