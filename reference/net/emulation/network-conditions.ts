// ses.enableNetworkEmulation(options) / disableNetworkEmulation(): the
// session's emulated network. Options are read the way Electron reads them:
// `offline` as a boolean (truthiness from Electron 9; Electron 1.x wanted a
// real boolean), the rest as numbers, and anything that does not convert is
// ignored rather than rejected. Zero or less disables that kind of throttling.

import type { EraId } from '../../../contract/eras/eras.ts';
import { NET_ERAS } from '../net-era.ts';

export interface NetworkConditions {
  offline: boolean;
  /** Round-trip time added to each request, in ms. */
  latency: number;
  /** Bytes per second, 0 for unthrottled. */
  downloadThroughput: number;
  uploadThroughput: number;
}

export const NO_EMULATION: Readonly<NetworkConditions> = Object.freeze({
  offline: false,
  latency: 0,
  downloadThroughput: 0,
  uploadThroughput: 0,
});

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export function conditionsFrom(era: EraId, options: Record<string, unknown>): NetworkConditions {
  const strict = NET_ERAS[era].strictOfflineEmulation;
  const offline = strict ? options.offline === true : Boolean(options.offline);
  if (strict && offline) {
    // Electron 1.x built offline conditions alone and ignored the rest.
    return { ...NO_EMULATION, offline: true };
  }
  return {
    offline,
    latency: number(options.latency),
    downloadThroughput: number(options.downloadThroughput),
    uploadThroughput: number(options.uploadThroughput),
  };
}

/** A session's current conditions, read by the emulation layer on every request and chunk. */
export class NetworkEmulation {
  #conditions: NetworkConditions = NO_EMULATION;
  readonly #offlineListeners = new Set<() => void>();

  get conditions(): NetworkConditions {
    return this.#conditions;
  }

  set(conditions: NetworkConditions): void {
    this.#conditions = conditions;
    if (conditions.offline) for (const listener of [...this.#offlineListeners]) listener();
  }

  disable(): void {
    this.#conditions = NO_EMULATION;
  }

  /** Called when the session goes offline, so requests in flight can fail. */
  onOffline(listener: () => void): () => void {
    this.#offlineListeners.add(listener);
    return () => this.#offlineListeners.delete(listener);
  }
}
