// How Electron's own proxy members differ per era (Chromium's side of proxy
// resolution is in chromium-behaviour.ts).

import type { EraId } from '../../contract/eras/eras.ts';

export interface ElectronProxyEra {
  /** 1.x: typed native_mate arguments that throw, a config that may be a string, a callback. */
  readonly nativeMateArguments: boolean;
  /** setProxy reads `mode` (not in Electron 9, which chose from pacScript and proxyRules alone). */
  readonly readsMode: boolean;
}

export const ELECTRON_PROXY_ERAS: Readonly<Record<EraId, ElectronProxyEra>> = {
  // 1.x's setProxy goes through preferenceFromLegacySetProxy; `proxy-check` reads `mode` for it.
  legacy: { nativeMateArguments: true, readsMode: true },
  e9: { nativeMateArguments: false, readsMode: false },
  e12: { nativeMateArguments: false, readsMode: true },
  e17: { nativeMateArguments: false, readsMode: true },
  current: { nativeMateArguments: false, readsMode: true },
};
