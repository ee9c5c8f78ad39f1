// How the app and the session module differ per era, as one typed table.

import type { EraId } from '../../contract/eras/eras.ts';

export interface SessionEra {
  /** "Session can only be received when app is ready" is a plain Error (native_mate, 1.x and 9) or a TypeError (gin, 10+). */
  readonly plainNotReadyError: boolean;
  /** A session without its own user agent reads the app's fallback at each use (17.4.9+) rather than copying it at creation. */
  readonly userAgentFollowsFallback: boolean;
  /** Command-line switch names are lower-cased as Chromium's CommandLine does on every platform (current Chromium). */
  readonly lowerCaseSwitchNames: boolean;
}

export const SESSION_ERAS: Readonly<Record<EraId, SessionEra>> = {
  legacy: { plainNotReadyError: true, userAgentFollowsFallback: false, lowerCaseSwitchNames: false },
  e9: { plainNotReadyError: true, userAgentFollowsFallback: false, lowerCaseSwitchNames: false },
  e12: { plainNotReadyError: false, userAgentFollowsFallback: false, lowerCaseSwitchNames: false },
  e17: { plainNotReadyError: false, userAgentFollowsFallback: true, lowerCaseSwitchNames: false },
  current: { plainNotReadyError: false, userAgentFollowsFallback: true, lowerCaseSwitchNames: true },
};
