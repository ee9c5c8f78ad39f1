// Where a PAC script's DNS questions are answered. The session supplies the
// resolver (the network stack's host resolver when there is one); the default
// asks the operating system. IP literals are answered without a lookup, as
// Chromium's host resolver does.

import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { formatIp, isIPv4, isLinkLocal, isLoopback, parseIPLiteral } from '../../net/ip-address.ts';
import type { DnsQuestion } from './bindings.ts';

export interface PacHostResolver {
  /** Addresses of a host name; `family` 4 asks for IPv4 only. Empty when it does not resolve. */
  lookup(host: string, family: 0 | 4): Promise<string[]>;
  /** This machine's addresses, best first (for myIpAddress and myIpAddressEx). */
  myAddresses(): Promise<string[]>;
}

export const systemHostResolver: PacHostResolver = {
  async lookup(host, family) {
    try {
      const results = await lookup(host, { all: true, family, verbatim: true });
      return results.map((r) => r.address);
    } catch {
      return [];
    }
  },
  async myAddresses() {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined)
      .map((a) => a.address);
    const usable = addresses.filter((a) => {
      const ip = parseIPLiteral(a);
      return ip && !isLoopback(ip) && !isLinkLocal(ip);
    });
    // Chromium prefers an IPv4 address that is neither loopback nor link-local.
    return usable.sort((a, b) => Number(b.includes('.') && !b.includes(':')) - Number(a.includes('.') && !a.includes(':')));
  },
};

/** The answer to one question: the string the PAC function returns, or null on failure. */
export async function answerDnsQuestion(question: DnsQuestion, resolver: PacHostResolver): Promise<string | null> {
  switch (question.op) {
    case 'dnsResolve': {
      const literal = parseIPLiteral(question.host);
      if (literal) return isIPv4(literal) ? formatIp(literal) : null;
      const addresses = await resolver.lookup(question.host, 4);
      return addresses.find((a) => !a.includes(':')) ?? null;
    }
    case 'dnsResolveEx': {
      const literal = parseIPLiteral(question.host);
      if (literal) return formatIp(literal);
      const addresses = await resolver.lookup(question.host, 0);
      return addresses.length ? addresses.join(';') : null;
    }
    case 'myIpAddress': {
      const addresses = await resolver.myAddresses();
      return addresses.find((a) => !a.includes(':')) ?? addresses[0] ?? null;
    }
    case 'myIpAddressEx': {
      const addresses = await resolver.myAddresses();
      return addresses.length ? addresses.join(';') : null;
    }
  }
}
