// ses.webRequest: one WebRequest object per session, the same on every read,
// with the methods its era documents; its listeners see the requests of
// that session and never another session's.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { ERA_IDS, type EraId } from '../../contract/eras/eras.ts';
import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import { freshSession, pageFetch, webRequestOf, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['ses.webRequest'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    "A session's webRequest property is one WebRequest object per session with its era's methods, acting on that session's requests only.",
});

const t = useTarget(meta);

const server = useHttpServer();

function methodNames(era: EraId): string[] {
  return subMembersOf(era)
    .filter((m) => m.owner === 'webRequest')
    .map((m) => m.name.slice('webRequest.'.length));
}

describe('ses.webRequest', () => {
  it('is the same object on every read', () => {
    const ses = t.session.defaultSession;
    expect(webRequestOf(ses)).toBe(webRequestOf(ses));
    expect(webRequestOf(t.session.fromPartition('wr-same'))).toBe(webRequestOf(t.session.fromPartition('wr-same')));
  });

  it('is a different object for each session', () => {
    const a = webRequestOf(t.session.fromPartition('wr-a'));
    expect(a).not.toBe(webRequestOf(t.session.fromPartition('wr-b')));
    expect(a).not.toBe(webRequestOf(t.session.defaultSession));
  });

  it('has every method its era documents, and no method only other eras document', () => {
    const webRequest = webRequestOf(t.session.defaultSession) as unknown as Record<string, unknown>;
    for (const name of methodNames(t.era)) expect(typeof webRequest[name], name).toBe('function');
    const foreign = ERA_IDS.flatMap(methodNames).filter((name) => !methodNames(t.era).includes(name));
    expect(foreign.filter((name) => webRequest[name] !== undefined)).toEqual([]);
  });

  it('is read-only', () => {
    const ses = t.session.fromPartition('wr-readonly') as unknown as Record<string, unknown>;
    const before = ses['webRequest'];
    try {
      ses['webRequest'] = {};
    } catch {
      // Strict-mode assignment to a getter-only accessor throws; either way nothing changes.
    }
    expect(ses['webRequest']).toBe(before);
  });

  it("sees its own session's requests and never another session's", async () => {
    const a = freshSession(t, 'wr-own-a');
    const b = freshSession(t, 'wr-own-b');
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    a.webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      seenByA.push(new URL(details.url).pathname + new URL(details.url).search);
      callback({ cancel: true });
    });
    b.webRequest.onSendHeaders((details: Details) => seenByB.push(new URL(details.url).search));
    await expect(pageFetch(t, a.session, `${server.url}echo?from-a`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
    const res = await pageFetch(t, b.session, `${server.url}echo?from-b`);
    expect(res.status).toBe(200);
    expect(seenByA).toEqual(['/echo?from-a']);
    expect(seenByB).toEqual(['?from-b']);
    expect(server.log.requests.map((r) => r.url)).toContain('/echo?from-b');
    expect(server.log.requests.map((r) => r.url)).not.toContain('/echo?from-a');
  });
});
