// How the network area differs per era, as one typed table: every
// era-dependent choice of net/ reads a field here instead of testing the era.

import type { EraId } from '../../contract/eras/eras.ts';

export interface NetEra {
  /** native_mate (1.x, 9) threw plain Errors where gin throws TypeErrors. */
  readonly plainArgumentErrors: boolean;
  /** 1.x called a three-argument verify proc as (hostname, certificate, callback(trusted)). */
  readonly legacyVerifyProc: boolean;
  /** setCertificateVerifyProc() without an argument throws (gin and native_mate 9+); 1.x cleared the proc. */
  readonly verifyProcArgumentRequired: boolean;
  /** The certificate verifier caches final verdicts (Chromium of Electron 9 and later). */
  readonly cachesVerdicts: boolean;
  /** setSSLConfig still accepts tls1 / tls1.1 as minVersion (Electron 12-13's Chromium). */
  readonly acceptsOldTlsVersions: boolean;
  /** enableNetworkEmulation: `offline` must be the boolean true, and offline ignores the other options (1.x). */
  readonly strictOfflineEmulation: boolean;
  /** The app-wide `net` module has fetch and resolveHost on the default session. */
  readonly netModuleSessionMembers: boolean;
  /** ses.netLog is Electron 9's JS wrapper: plain Errors, stopLogging resolves the path, currentlyLoggingPath. */
  readonly netLogJsWrapper: boolean;
}

const LEGACY: NetEra = {
  plainArgumentErrors: true,
  legacyVerifyProc: true,
  verifyProcArgumentRequired: false,
  cachesVerdicts: false,
  acceptsOldTlsVersions: false,
  strictOfflineEmulation: true,
  netModuleSessionMembers: false,
  netLogJsWrapper: false,
};

const GIN: NetEra = {
  ...LEGACY,
  plainArgumentErrors: false,
  legacyVerifyProc: false,
  verifyProcArgumentRequired: true,
  cachesVerdicts: true,
  strictOfflineEmulation: false,
};

export const NET_ERAS: Readonly<Record<EraId, NetEra>> = {
  legacy: LEGACY,
  e9: { ...GIN, plainArgumentErrors: true, netLogJsWrapper: true },
  e12: { ...GIN, acceptsOldTlsVersions: true },
  e17: GIN,
  current: { ...GIN, netModuleSessionMembers: true },
};
