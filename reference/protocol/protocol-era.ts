// How the protocol area differs per era, as one typed table: Electron 1.x's
// protocol module (completion callbacks, built-in schemes, its handler
// answers), Electron 9's void registration, and the boolean results since 12.

import type { EraId } from '../../contract/eras/eras.ts';

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
}

const NETWORK_SERVICE: ProtocolEra = {
  outcome: 'completion-and-boolean',
  builtInSchemesRegistered: false,
  legacyHandlerAnswers: false,
  typedUploadData: true,
  httpAnswerSession: 'default',
};

export const PROTOCOL_ERAS: Readonly<Record<EraId, ProtocolEra>> = {
  legacy: { outcome: 'promise', builtInSchemesRegistered: true, legacyHandlerAnswers: true, typedUploadData: false, httpAnswerSession: 'own' },
  e9: { ...NETWORK_SERVICE, outcome: 'completion' },
  e12: NETWORK_SERVICE,
  e17: NETWORK_SERVICE,
  current: NETWORK_SERVICE,
};
