// IP literals as Chromium's net::IPAddress reads them: IPv4 in every form the
// URL standard's host parser accepts (`127.1`, `0x7f.0.0.1`), IPv6 without
// brackets, CIDR blocks, prefix membership with IPv4-mapped promotion, and the
// loopback / link-local classes the implicit bypass rules use.

export interface IpAddress {
  /** 4 bytes for IPv4, 16 for IPv6. */
  readonly bytes: readonly number[];
}

const IPV4_CHARS = /^[0-9a-fA-FxX.]+$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Bytes of an IPv4 literal in any form GURL's IPv4 canonicalizer accepts, or null. */
export function parseIPv4(literal: string): IpAddress | null {
  if (!IPV4_CHARS.test(literal)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${literal}/`).hostname;
  } catch {
    return null;
  }
  const quad = DOTTED_QUAD.exec(hostname);
  return quad ? { bytes: quad.slice(1, 5).map(Number) } : null;
}

/** Bytes of an IPv6 literal given without brackets, or null. */
export function parseIPv6(literal: string): IpAddress | null {
  if (!IPV6_CHARS.test(literal) || !literal.includes(':')) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://[${literal}]/`).hostname;
  } catch {
    return null;
  }
  return { bytes: ipv6Bytes(hostname.slice(1, -1)) };
}

/** IPAddress::AssignFromIPLiteral: a colon means IPv6 (unbracketed), otherwise IPv4. */
export function parseIPLiteral(literal: string): IpAddress | null {
  return literal.includes(':') ? parseIPv6(literal) : parseIPv4(literal);
}

/** Expands a canonical (compressed, hex-only) IPv6 text into 16 bytes. */
function ipv6Bytes(canonical: string): number[] {
  const [head = '', tail] = canonical.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const middle = new Array<number>(8 - left.length - right.length).fill(0);
  const words = tail === undefined ? left : [...left, ...middle, ...right];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

export function isIPv4(address: IpAddress): boolean {
  return address.bytes.length === 4;
}

/** IPAddress::ToString: dotted quad, or RFC 5952 text for IPv6 (no brackets). */
export function formatIp(address: IpAddress): string {
  if (isIPv4(address)) return address.bytes.join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((address.bytes[i]! << 8) | address.bytes[i + 1]!);
  // The longest run of two or more zero words is contracted; the first wins a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart < 0) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLength))}`;
}

/** How Chromium writes an IP into a URL host: IPv6 in brackets. */
export function formatIpForUrl(address: IpAddress): string {
  return isIPv4(address) ? formatIp(address) : `[${formatIp(address)}]`;
}

function toIPv4Mapped(address: IpAddress): IpAddress {
  return { bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...address.bytes] };
}

/** IPAddressMatchesPrefix: mixed families compare as IPv4-mapped IPv6. */
export function matchesPrefix(address: IpAddress, prefix: IpAddress, prefixBits: number): boolean {
  if (address.bytes.length !== prefix.bytes.length) {
    if (isIPv4(address)) return matchesPrefix(toIPv4Mapped(address), prefix, prefixBits);
    return matchesPrefix(address, toIPv4Mapped(prefix), prefixBits + 96);
  }
  let bits = prefixBits;
  for (let i = 0; i < address.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address.bytes[i]! & mask) !== (prefix.bytes[i]! & mask)) return false;
  }
  return true;
}

export interface CidrBlock {
  prefix: IpAddress;
  bits: number;
}

/** ParseCIDRBlock: `<ip-literal>/<bits>`, whitespace around either part allowed. */
export function parseCidrBlock(literal: string): CidrBlock | null {
  const parts = literal.split('/');
  if (parts.length !== 2) return null;
  const prefix = parseIPLiteral(trimAsciiWhitespace(parts[0]!));
  const bitsText = trimAsciiWhitespace(parts[1]!);
  if (!prefix || !/^\d+$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (!Number.isSafeInteger(bits) || bits > prefix.bytes.length * 8) return null;
  return { prefix, bits };
}

export function isLoopback(address: IpAddress): boolean {
  if (isIPv4(address)) return address.bytes[0] === 127;
  return address.bytes.every((b, i) => b === (i === 15 ? 1 : 0));
}

/** IPAddress::IsLinkLocal: 169.254/16, the same block IPv4-mapped, and fe80::/10. */
export function isLinkLocal(address: IpAddress): boolean {
  if (isIPv4(address)) return address.bytes[0] === 169 && address.bytes[1] === 254;
  if (isIPv4MappedIPv6(address)) return address.bytes[12] === 169 && address.bytes[13] === 254;
  return address.bytes[0] === 0xfe && (address.bytes[1]! & 0xc0) === 0x80;
}

export function isIPv4MappedIPv6(address: IpAddress): boolean {
  return address.bytes.length === 16 && address.bytes.slice(0, 12).every((b, i) => b === (i >= 10 ? 0xff : 0));
}

/** base::TrimWhitespaceASCII with TRIM_ALL. */
export function trimAsciiWhitespace(text: string): string {
  return text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
}
