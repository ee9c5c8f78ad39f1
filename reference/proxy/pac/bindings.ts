// The PAC functions Chromium implements natively (services/proxy_resolver):
// dnsResolve, myIpAddress, alert, and Microsoft's IPv6 extensions
// dnsResolveEx, myIpAddressEx, isInNetEx, sortIpAddressList, with Chromium's
// argument handling and failure values (isPlainHostName runs inside the
// sandbox, see library.ts; its host-side twin here is what tests compare it to). DNS answers come from a
// per-resolution table the resolver fills asynchronously: a lookup that is
// not there yet aborts the script, which is re-run once it is (the way
// Chromium's tracing resolver avoids blocking a thread on DNS).

import { domainToASCII } from 'node:url';
import { matchesPrefix, parseCidrBlock, parseIPLiteral } from '../../net/ip-address.ts';
import { AbortScript, type HostArgument, type HostFunction } from './sandbox.ts';

export type DnsOperation = 'dnsResolve' | 'dnsResolveEx' | 'myIpAddress' | 'myIpAddressEx';

/** A DNS question the script asked; the host is '' for myIpAddress(Ex). */
export interface DnsQuestion {
  op: DnsOperation;
  host: string;
}

export function questionKey(q: DnsQuestion): string {
  return `${q.op} ${q.host}`;
}

/** Answers known so far: the result string, or null when resolution failed. */
export interface DnsAnswers {
  get(question: DnsQuestion): string | null | undefined;
  /** Called for a question without an answer; the script is aborted after it. */
  missing(question: DnsQuestion): void;
}

export interface BindingEvents {
  alert(message: string): void;
}

/** GetHostnameArgument: a string, converted from IDN to punycode when needed. */
function hostnameArgument(args: HostArgument[]): string | null {
  const value = args[0]?.string;
  if (value === undefined) return null;
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const ascii = domainToASCII(value);
  return ascii === '' ? null : ascii;
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** Chromium's sortIpAddressList: IPv6 first, then ascending; false on any bad entry. */
export function sortIpAddressList(list: string): string | false {
  const cleaned = list.replace(/[ \t]/g, '');
  if (!cleaned) return false;
  const entries: { text: string; bytes: readonly number[] }[] = [];
  for (const token of cleaned.split(';')) {
    if (!token) continue;
    const address = parseIPLiteral(token);
    if (!address) return false;
    entries.push({ text: token, bytes: address.bytes });
  }
  if (!entries.length) return false;
  const sorted = entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => {
      if (a.bytes.length !== b.bytes.length) return b.bytes.length - a.bytes.length;
      for (let k = 0; k < a.bytes.length; k++) if (a.bytes[k] !== b.bytes[k]) return a.bytes[k]! - b.bytes[k]!;
      return a.i - b.i;
    });
  return sorted.map((e) => e.text).join(';');
}

/** Chromium's isInNetEx: address in a CIDR prefix, IPv4 promoted to IPv4-mapped IPv6 on mismatch. */
export function isInNetEx(address: string, prefix: string): boolean {
  const ip = parseIPLiteral(address);
  const block = parseCidrBlock(prefix);
  return !!ip && !!block && matchesPrefix(ip, block.prefix, block.bits);
}

/** isPlainHostName: no dot and not an IP literal. */
export function isPlainHostName(host: string): boolean {
  return !host.includes('.') && !parseIPLiteral(host);
}

const FAILURE_VALUE: Record<DnsOperation, string | null> = {
  dnsResolve: null,
  dnsResolveEx: '',
  myIpAddress: '127.0.0.1',
  myIpAddressEx: '',
};

export function nativeBindings(answers: DnsAnswers, events: BindingEvents): Record<string, HostFunction> {
  const dns =
    (op: DnsOperation): HostFunction =>
    (args) => {
      let host = '';
      if (op === 'dnsResolve' || op === 'dnsResolveEx') {
        const name = hostnameArgument(args);
        // A missing or non-string host: null for dnsResolve, undefined for dnsResolveEx.
        if (name === null) return op === 'dnsResolve' ? null : undefined;
        host = name;
      }
      const question = { op, host };
      const answer = answers.get(question);
      if (answer === undefined) {
        answers.missing(question);
        throw new AbortScript();
      }
      return answer ?? FAILURE_VALUE[op];
    };

  return {
    alert(args) {
      // Like Firefox, a missing argument reads as "undefined".
      const text = args.length === 0 ? 'undefined' : args[0]!.toText();
      if (text !== undefined) events.alert(text);
      return undefined;
    },
    dnsResolve: dns('dnsResolve'),
    dnsResolveEx: dns('dnsResolveEx'),
    myIpAddress: dns('myIpAddress'),
    myIpAddressEx: dns('myIpAddressEx'),
    sortIpAddressList(args) {
      const list = args[0]?.string;
      if (list === undefined || !isAscii(list)) return null;
      return sortIpAddressList(list);
    },
    isInNetEx(args) {
      const address = args[0]?.string;
      const prefix = args[1]?.string;
      if (address === undefined || prefix === undefined) return null;
      if (!isAscii(address) || !isAscii(prefix)) return false;
      return isInNetEx(address, prefix);
    },
  };
}

export { FAILURE_VALUE as DNS_FAILURE_VALUE };
