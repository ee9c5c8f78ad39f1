// TLS 1.2-and-older cipher suites by their IANA code (RFC 2246 §7.4.1.2's
// two bytes, e.g. 0x009C) and OpenSSL's name for them, so
// `disabledCipherSuites` can be turned into an OpenSSL cipher string. Codes
// missing here are accepted and ignored, as Chromium ignores suites it does
// not implement; TLS 1.3 suites cannot be disabled this way.

export const CIPHER_SUITE_NAMES: Readonly<Record<number, string>> = {
  0x0004: 'RC4-MD5',
  0x0005: 'RC4-SHA',
  0x000a: 'DES-CBC3-SHA',
  0x002f: 'AES128-SHA',
  0x0033: 'DHE-RSA-AES128-SHA',
  0x0035: 'AES256-SHA',
  0x0039: 'DHE-RSA-AES256-SHA',
  0x003c: 'AES128-SHA256',
  0x003d: 'AES256-SHA256',
  0x0067: 'DHE-RSA-AES128-SHA256',
  0x006b: 'DHE-RSA-AES256-SHA256',
  0x009c: 'AES128-GCM-SHA256',
  0x009d: 'AES256-GCM-SHA384',
  0x009e: 'DHE-RSA-AES128-GCM-SHA256',
  0x009f: 'DHE-RSA-AES256-GCM-SHA384',
  0xc009: 'ECDHE-ECDSA-AES128-SHA',
  0xc00a: 'ECDHE-ECDSA-AES256-SHA',
  0xc012: 'ECDHE-RSA-DES-CBC3-SHA',
  0xc013: 'ECDHE-RSA-AES128-SHA',
  0xc014: 'ECDHE-RSA-AES256-SHA',
  0xc023: 'ECDHE-ECDSA-AES128-SHA256',
  0xc024: 'ECDHE-ECDSA-AES256-SHA384',
  0xc027: 'ECDHE-RSA-AES128-SHA256',
  0xc028: 'ECDHE-RSA-AES256-SHA384',
  0xc02b: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  0xc02c: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  0xc02f: 'ECDHE-RSA-AES128-GCM-SHA256',
  0xc030: 'ECDHE-RSA-AES256-GCM-SHA384',
  0xcca8: 'ECDHE-RSA-CHACHA20-POLY1305',
  0xcca9: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  0xccaa: 'DHE-RSA-CHACHA20-POLY1305',
};

/** `base` with every known disabled suite excluded (`!NAME`). */
export function cipherListWithout(base: string, disabled: readonly number[]): string {
  const excluded = disabled.map((code) => CIPHER_SUITE_NAMES[code]).filter((name): name is string => !!name);
  return excluded.length ? `${base}:${excluded.map((name) => `!${name}`).join(':')}` : base;
}
