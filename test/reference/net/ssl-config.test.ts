import { DEFAULT_CIPHERS } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { cipherListWithout } from '../../../reference/net/tls/cipher-suites.ts';
import { convertSslConfig, tlsOptionsFor } from '../../../reference/net/tls/ssl-config.ts';

describe('setSSLConfig conversion', () => {
  it('maps versions and sorts disabled suites', () => {
    expect(convertSslConfig('current', { minVersion: 'tls1.3', disabledCipherSuites: [0xc02f, 0x009c] })).toEqual({
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      disabledCipherSuites: [0x009c, 0xc02f],
    });
  });

  it('reads a sparse suite list without walking its holes (a hole converts as 0)', () => {
    const huge: number[] = [0xc02f];
    huge.length = 2 ** 32 - 1;
    huge[4_000_000_000] = 0x009c;
    expect(convertSslConfig('current', { disabledCipherSuites: huge })?.disabledCipherSuites).toEqual([0, 0x009c, 0xc02f]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(convertSslConfig('current', { disabledCipherSuites: [, Symbol('x')] })).toBeNull();
  });

  it("takes 'tls1' and 'tls1.1' as minVersion in e12 only", () => {
    expect(convertSslConfig('e12', { minVersion: 'tls1' })?.minVersion).toBe('TLSv1');
    expect(convertSslConfig('e17', { minVersion: 'tls1' })).toBeNull();
    expect(convertSslConfig('e12', { maxVersion: 'tls1.1' })).toBeNull();
  });

  it('skips non-string versions and rejects non-array suite lists', () => {
    expect(convertSslConfig('current', { minVersion: 12 })?.minVersion).toBe('TLSv1.2');
    expect(convertSslConfig('current', { disabledCipherSuites: undefined })).toBeNull();
    expect(convertSslConfig('current', 'tls1.2')).toBeNull();
  });

  it('turns disabled suites into OpenSSL exclusions, ignoring unknown codes', () => {
    expect(cipherListWithout('DEFAULT', [0x009c, 0x1234])).toBe('DEFAULT:!AES128-GCM-SHA256');
    expect(tlsOptionsFor({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', disabledCipherSuites: [] }).ciphers).toBe(
      DEFAULT_CIPHERS,
    );
  });
});
