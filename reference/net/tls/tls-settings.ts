// The TLS side of a session: what it trusts and its SSL config, as one
// secure context shared by every new connection (building a context per
// connection would parse the whole root store each time). A new SSL config
// makes a new context; connections already open keep theirs. Sessions that
// trust the same CAs with the same config share one context: it holds no
// per-session state (client TLS sessions are kept by each session's agent).

import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { DEFAULT_SSL_CONFIG, tlsOptionsFor, type SslConfig } from './ssl-config.ts';
import type { TrustStore } from './trust-store.ts';

/** Contexts by what they are built from; a handful of distinct configurations at most in practice. */
const shared = new Map<string, SecureContext>();
const MAX_SHARED = 32;

function contextFor(extraCas: readonly string[], config: SslConfig): SecureContext {
  const options = tlsOptionsFor(config);
  const key = JSON.stringify([extraCas, options]);
  let context = shared.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...extraCas], ...options });
    if (shared.size >= MAX_SHARED) shared.delete(shared.keys().next().value!);
    shared.set(key, context);
  }
  return context;
}

export class TlsSettings {
  readonly trust: TrustStore;
  #config: SslConfig = { ...DEFAULT_SSL_CONFIG, disabledCipherSuites: [] };
  #context: SecureContext | undefined;

  constructor(trust: TrustStore) {
    this.trust = trust;
  }

  get config(): SslConfig {
    return this.#config;
  }

  set config(config: SslConfig) {
    this.#config = config;
    this.#context = undefined;
  }

  secureContext(): SecureContext {
    this.#context ??= contextFor(this.trust.extraCas, this.#config);
    return this.#context;
  }
}
