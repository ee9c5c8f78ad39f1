// The DNS wire format (RFC 1035) for one question and its answer, as the
// DNS-over-HTTPS client needs it: build a query, read A/AAAA answers with
// their TTLs and the response code. Names in answers may be compressed.

export type QueryType = 'A' | 'AAAA';

const TYPE_CODES: Record<QueryType, number> = { A: 1, AAAA: 28 };

export interface DnsAnswer {
  type: QueryType;
  address: string;
  ttl: number;
}

export interface DnsResponse {
  id: number;
  /** 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, ... */
  rcode: number;
  answers: DnsAnswer[];
}

export class DnsMalformed extends Error {
  override readonly name = 'DnsMalformed';
}

export function encodeQuery(name: string, type: QueryType, id = 0): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4);
  const labels = name
    .replace(/\.$/, '')
    .split('.')
    .filter(Boolean)
    .map((label) => {
      const bytes = Buffer.from(label, 'latin1');
      if (bytes.length > 63) throw new DnsMalformed(`label too long in ${name}`);
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    });
  const tail = Buffer.alloc(5);
  tail.writeUInt16BE(TYPE_CODES[type], 1);
  tail.writeUInt16BE(1, 3); // IN
  return Buffer.concat([header, ...labels, tail]);
}

/** Offset just past the (possibly compressed) name starting at `offset`. */
function skipName(message: Buffer, offset: number): number {
  for (;;) {
    if (offset >= message.length) throw new DnsMalformed('name runs past the message');
    const length = message[offset]!;
    if (length === 0) return offset + 1;
    if ((length & 0xc0) === 0xc0) return offset + 2;
    offset += 1 + length;
  }
}

function ipv6(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  // The canonical form compresses the longest run of zero groups.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

export function decodeResponse(message: Buffer): DnsResponse {
  if (message.length < 12) throw new DnsMalformed('message shorter than a header');
  const id = message.readUInt16BE(0);
  const flags = message.readUInt16BE(2);
  const questions = message.readUInt16BE(4);
  const answerCount = message.readUInt16BE(6);
  let offset = 12;
  for (let i = 0; i < questions; i++) offset = skipName(message, offset) + 4;
  const answers: DnsAnswer[] = [];
  for (let i = 0; i < answerCount; i++) {
    offset = skipName(message, offset);
    if (offset + 10 > message.length) throw new DnsMalformed('record header runs past the message');
    const type = message.readUInt16BE(offset);
    const ttl = message.readUInt32BE(offset + 4);
    const length = message.readUInt16BE(offset + 8);
    const data = message.subarray(offset + 10, offset + 10 + length);
    if (data.length !== length) throw new DnsMalformed('record data runs past the message');
    if (type === 1 && length === 4) answers.push({ type: 'A', address: [...data].join('.'), ttl });
    if (type === 28 && length === 16) answers.push({ type: 'AAAA', address: ipv6(data), ttl });
    offset += 10 + length;
  }
  return { id, rcode: flags & 0x000f, answers };
}
