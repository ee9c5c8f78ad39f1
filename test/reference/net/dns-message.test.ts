// The reference's DNS codec against the fixtures' independent one: a query
// the reference builds is one the fixture reads, and the fixture's answers
// decode to the records it was given.

import { describe, expect, it } from 'vitest';
import { answer, readQuestion } from '../../../fixtures/servers/dns-answers.ts';
import { decodeResponse, encodeQuery } from '../../../reference/net/dns/dns-message.ts';

describe('DNS messages', () => {
  const records = new Map([['both.example', { A: ['127.0.0.2', '10.1.2.3'], AAAA: ['::1', '2001:db8::7'], ttl: 42 }]]);

  it('builds queries the fixture reads', () => {
    const q = readQuestion(encodeQuery('Both.Example.', 'AAAA', 7));
    expect(q).toMatchObject({ id: 7, name: 'both.example', qtype: 28 });
  });

  it('decodes A and AAAA answers with their TTLs', () => {
    expect(decodeResponse(answer(encodeQuery('both.example', 'A', 1), records))).toEqual({
      id: 1,
      rcode: 0,
      answers: [
        { type: 'A', address: '127.0.0.2', ttl: 42 },
        { type: 'A', address: '10.1.2.3', ttl: 42 },
      ],
    });
    const v6 = decodeResponse(answer(encodeQuery('both.example', 'AAAA', 2), records));
    expect(v6.answers.map((a) => a.address)).toEqual(['::1', '2001:db8::7']);
  });

  it('reports NXDOMAIN for unknown names', () => {
    expect(decodeResponse(answer(encodeQuery('missing.example', 'A'), records))).toMatchObject({ rcode: 3, answers: [] });
  });

  it('rejects truncated messages', () => {
    expect(() => decodeResponse(Buffer.alloc(5))).toThrow(/shorter than a header/);
  });
});
