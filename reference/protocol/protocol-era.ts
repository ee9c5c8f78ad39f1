// How the protocol area differs per era, as one typed table: Electron 1.x's
// protocol module (completion callbacks, built-in schemes, its handler
// answers, registerStandardSchemes), Electron 9's void registration, the
// boolean results since 12, and the privileges registerSchemesAsPrivileged
// reads (atom_api_protocol.cc at v1.8.8, electron_api_protocol.cc at v9.4.4,
// v12.2.3, v17.4.11, v29.0.0).

import type { EraId } from '../../contract/eras/eras.ts';
import type { SchemePrivileges } from '../app/url-schemes.ts';

export interface ProtocolEra {
  /** How the register and intercept members report: a settled promise that callbackify turns into completion(error) (1.x), a completion and nothing (9), a completion and a boolean (12+). */
  readonly outcome: 'promise' | 'completion' | 'completion-and-boolean';
  /** Built-in schemes (http, https, file, ...) count as registered, and only registered schemes can be intercepted. */
  readonly builtInSchemesRegistered: boolean;
  /** Handler answers are read as Electron 1.x's URLRequest*Job read them. */
  readonly legacyHandlerAnswers: boolean;
  /** uploadData entries carry `type: 'rawData'`. */
  readonly typedUploadData: boolean;
  /**
   * Where an HTTP answer without a session loads its URL: the handler's own
   * session (1.x's fetch job kept the request's context) or the default
   * session (the network-service factory uses From("", false)).
   */
  readonly httpAnswerSession: 'own' | 'default';
  /**
   * The app-wide member that registers schemes before ready: 1.x's
   * registerStandardSchemes(schemes[, { secure }]) or, from Electron 5,
   * registerSchemesAsPrivileged(customSchemes).
   */
  readonly schemeRegistration: 'registerStandardSchemes' | 'registerSchemesAsPrivileged';
  /** The privileges registerSchemesAsPrivileged reads (`stream` from Electron 12, `codeCache`, which needs `standard`, later). */
  readonly privileges: readonly (keyof SchemePrivileges)[];
}

const E9_PRIVILEGES: readonly (keyof SchemePrivileges)[] = [
  'standard',
  'secure',
  'bypassCSP',
  'allowServiceWorkers',
  'supportFetchAPI',
  'corsEnabled',
];
const E12_PRIVILEGES: readonly (keyof SchemePrivileges)[] = [...E9_PRIVILEGES, 'stream'];

const NETWORK_SERVICE: ProtocolEra = {
  outcome: 'completion-and-boolean',
  builtInSchemesRegistered: false,
  legacyHandlerAnswers: false,
  typedUploadData: true,
  httpAnswerSession: 'default',
  schemeRegistration: 'registerSchemesAsPrivileged',
  privileges: E12_PRIVILEGES,
};

export const PROTOCOL_ERAS: Readonly<Record<EraId, ProtocolEra>> = {
  legacy: {
    outcome: 'promise',
    builtInSchemesRegistered: true,
    legacyHandlerAnswers: true,
    typedUploadData: false,
    httpAnswerSession: 'own',
    schemeRegistration: 'registerStandardSchemes',
    privileges: [],
  },
  e9: { ...NETWORK_SERVICE, outcome: 'completion', privileges: E9_PRIVILEGES },
  e12: NETWORK_SERVICE,
  e17: NETWORK_SERVICE,
  current: { ...NETWORK_SERVICE, privileges: [...E12_PRIVILEGES, 'codeCache'] },
};
