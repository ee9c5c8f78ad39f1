// The TLS side of a session: what it trusts and its SSL config, as one
// secure context shared by every new connection (building a context per
// connection would parse the whole root store each time). A new SSL config
// makes a new context; connections already open keep theirs.

import { createSecureContext, type SecureContext } from 'node:tls';
import { DEFAULT_SSL_CONFIG, tlsOptionsFor, type SslConfig } from './ssl-config.ts';
import type { TrustStore } from './trust-store.ts';

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
    this.#context ??= createSecureContext({ ca: this.trust.all, ...tlsOptionsFor(this.#config) });
    return this.#context;
  }
}
