// ses.protocol: one Protocol object per session, the same on every read,
// with the methods its era documents; its handlers serve that session's
// requests and no other session's.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { ERA_IDS, type EraId } from '../../contract/eras/eras.ts';
import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import {
  failureOf,
  freshSession,
  mustChange,
  pageFetch,
  protocolOf,
  type ProtocolCallback,
  type ProtocolRequest,
} from './protocol-support.ts';

export const meta = defineSpec({
  members: ['ses.protocol'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    "A session's protocol property is one Protocol object per session with its era's methods; its handlers serve that session only.",
});

const t = useTarget(meta);

function methodNames(era: EraId): string[] {
  return subMembersOf(era)
    .filter((m) => m.owner === 'protocol')
    .map((m) => m.name.slice('protocol.'.length));
}

describe('ses.protocol', () => {
  it('is the same object on every read', () => {
    const ses = t.session.defaultSession;
    expect(protocolOf(ses)).toBe(protocolOf(ses));
    expect(protocolOf(t.session.fromPartition('proto-same'))).toBe(protocolOf(t.session.fromPartition('proto-same')));
  });

  it('is a different object for each session', () => {
    const a = protocolOf(t.session.fromPartition('proto-a'));
    expect(a).not.toBe(protocolOf(t.session.fromPartition('proto-b')));
    expect(a).not.toBe(protocolOf(t.session.defaultSession));
  });

  it('has every method its era documents, and no method only other eras document', () => {
    const protocol = protocolOf(t.session.defaultSession) as unknown as Record<string, unknown>;
    for (const name of methodNames(t.era)) expect(typeof protocol[name], name).toBe('function');
    const foreign = ERA_IDS.flatMap(methodNames).filter((name) => !methodNames(t.era).includes(name));
    expect(foreign.filter((name) => protocol[name] !== undefined)).toEqual([]);
  });

  it('is read-only', () => {
    const ses = t.session.fromPartition('proto-readonly') as unknown as Record<string, unknown>;
    const before = ses['protocol'];
    try {
      ses['protocol'] = {};
    } catch {
      // Strict-mode assignment to a getter-only accessor throws; either way nothing changes.
    }
    expect(ses['protocol']).toBe(before);
  });

  it("serves its own session's requests and no other session's", async () => {
    const a = freshSession(t, 'proto-own-a');
    const b = freshSession(t, 'proto-own-b');
    await mustChange(t, a.protocol, 'registerStringProtocol', 'own-scheme', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('from a'),
    );
    expect((await pageFetch(t, a.session, 'own-scheme://host/')).body).toBe('from a');
    expect(await failureOf(pageFetch(t, b.session, 'own-scheme://host/'))).toBe('net::ERR_UNKNOWN_URL_SCHEME');
  });
});
