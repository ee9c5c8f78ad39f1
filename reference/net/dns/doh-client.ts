// A DNS-over-HTTPS client (RFC 8484) for the secure resolver: GET with the
// query in `?dns=` when the template has the `{?dns}` variable, POST of an
// application/dns-message body otherwise. It trusts what the session trusts
// (system roots plus the app's extra CAs) and keeps its own connections.

import { randomInt } from 'node:crypto';
import { Agent, request } from 'undici';
import { NetError, netError } from '../net-error.ts';
import { decodeResponse, encodeQuery, type DnsResponse, type QueryType } from './dns-message.ts';

export class DohClient {
  readonly #agent: Agent;

  constructor(trustedCas: readonly string[]) {
    this.#agent = new Agent({ connect: { ca: [...trustedCas] }, keepAliveTimeout: 10_000 });
  }

  async query(template: string, name: string, type: QueryType): Promise<DnsResponse> {
    // RFC 8484 asks for ID 0 on GET, so HTTP caches can share answers.
    const message = encodeQuery(name, type, template.includes('{?dns}') ? 0 : randomInt(0, 0x10000));
    const base = template.replace(/\{\?dns\}$/, '');
    const useGet = template.includes('{?dns}');
    const url = useGet ? `${base}${base.includes('?') ? '&' : '?'}dns=${message.toString('base64url')}` : base;
    let body: Buffer;
    try {
      const res = await request(url, {
        dispatcher: this.#agent,
        method: useGet ? 'GET' : 'POST',
        headers: { accept: 'application/dns-message', ...(useGet ? {} : { 'content-type': 'application/dns-message' }) },
        ...(useGet ? {} : { body: message }),
      });
      body = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode !== 200) throw netError('ERR_DNS_SERVER_FAILED');
    } catch (error) {
      if (error instanceof NetError) throw error;
      throw netError('ERR_DNS_SERVER_FAILED', error);
    }
    try {
      return decodeResponse(body);
    } catch (error) {
      throw netError('ERR_DNS_MALFORMED_RESPONSE', error);
    }
  }

  close(): Promise<void> {
    return this.#agent.destroy();
  }
}
