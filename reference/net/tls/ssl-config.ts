// ses.setSSLConfig(config): Electron's converter for network::mojom::SSLConfig.
// `minVersion` is one of tls1.2/tls1.3 (Electron 14 dropped tls1 and tls1.1
// with Chromium 92; Electron 12-13 still take them), `maxVersion` one of
// tls1.2/tls1.3, `disabledCipherSuites` an array of integers. Anything else
// fails argument conversion. Fields left out take their defaults: the call
// replaces the whole configuration. A version that is not a string is not
// an error: gin's Dictionary::Get fails to convert it and the field is
// skipped; only a string that names no allowed version fails the call.

import type { SecureVersion } from 'node:tls';
import { lenientVectorValues } from '../../era/gin-array.ts';
import { DEFAULT_CIPHERS } from 'node:tls';
import type { EraId } from '../../../contract/eras/eras.ts';
import { cipherListWithout } from './cipher-suites.ts';
import { NET_ERAS } from '../net-era.ts';

export interface SslConfig {
  minVersion: SecureVersion;
  maxVersion: SecureVersion;
  disabledCipherSuites: number[];
}

export const DEFAULT_SSL_CONFIG: Readonly<SslConfig> = Object.freeze({
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
  disabledCipherSuites: [],
});

const VERSIONS: Record<string, SecureVersion> = {
  tls1: 'TLSv1',
  'tls1.1': 'TLSv1.1',
  'tls1.2': 'TLSv1.2',
  'tls1.3': 'TLSv1.3',
};

function acceptsOldVersions(era: EraId): boolean {
  return NET_ERAS[era].acceptsOldTlsVersions;
}

/** The config, or null when Electron's converter would reject the value. */
export function convertSslConfig(era: EraId, value: unknown): SslConfig | null {
  if (value === null || typeof value !== 'object') return null;
  const options = value as Record<string, unknown>;
  const config: SslConfig = { ...DEFAULT_SSL_CONFIG, disabledCipherSuites: [] };
  const allowed = (name: string) => acceptsOldVersions(era) || name === 'tls1.2' || name === 'tls1.3';
  if (typeof options.minVersion === 'string') {
    if (!VERSIONS[options.minVersion] || !allowed(options.minVersion)) return null;
    config.minVersion = VERSIONS[options.minVersion]!;
  }
  if (typeof options.maxVersion === 'string') {
    const max = options.maxVersion;
    if (max !== 'tls1.2' && max !== 'tls1.3') return null;
    config.maxVersion = VERSIONS[max]!;
  }
  if ('disabledCipherSuites' in options) {
    // V8's IntegerValue: anything number-like converts; symbols and BigInts do not.
    const codes = lenientVectorValues(options.disabledCipherSuites, (item) => {
      if (typeof item === 'symbol' || typeof item === 'bigint') return undefined;
      const n = Math.trunc(Number(item));
      return Number.isFinite(n) ? n & 0xffff : 0;
    });
    if (!codes) return null;
    config.disabledCipherSuites = [...new Set(codes)].sort((a, b) => a - b);
  }
  return config;
}

/** Node TLS options for a config. */
export function tlsOptionsFor(config: SslConfig): { minVersion: SecureVersion; maxVersion: SecureVersion; ciphers: string } {
  return {
    minVersion: config.minVersion,
    maxVersion: config.maxVersion,
    ciphers: cipherListWithout(DEFAULT_CIPHERS, config.disabledCipherSuites),
  };
}
