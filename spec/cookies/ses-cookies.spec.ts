// ses.cookies: one Cookies object per session, the same on every read, with
// the methods its era documents, and cookies that stay in their session.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import { cookiesOf, freshSession, getCookies, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary:
    "A session's cookies property is one Cookies object per session, with its era's methods; cookies stay in their session.",
});

const t = useTarget(meta);

function methodNames(era: (typeof ERA_IDS)[number]): string[] {
  return subMembersOf(era)
    .filter((m) => m.owner === 'cookies' && m.kind === 'method')
    .map((m) => m.name.slice('cookies.'.length));
}

describe('ses.cookies', () => {
  it('is the same object on every read', () => {
    const ses = t.session.defaultSession;
    expect(cookiesOf(ses)).toBe(cookiesOf(ses));
    const other = t.session.fromPartition('ses-cookies-same');
    expect(cookiesOf(other)).toBe(cookiesOf(t.session.fromPartition('ses-cookies-same')));
  });

  it('is a different object for each session', () => {
    const a = cookiesOf(t.session.fromPartition('ses-cookies-a'));
    const b = cookiesOf(t.session.fromPartition('ses-cookies-b'));
    expect(a).not.toBe(b);
    expect(cookiesOf(t.session.defaultSession)).not.toBe(a);
  });

  it('has every method its era documents, and no method only other eras document', () => {
    const cookies = cookiesOf(t.session.defaultSession) as unknown as Record<string, unknown>;
    for (const name of methodNames(t.era)) expect(typeof cookies[name], name).toBe('function');
    const foreign = ERA_IDS.flatMap(methodNames).filter((name) => !methodNames(t.era).includes(name));
    expect(foreign.filter((name) => cookies[name] !== undefined)).toEqual([]);
  });

  it('is an event emitter for its changed event', () => {
    const cookies = cookiesOf(t.session.defaultSession) as unknown as Record<string, unknown>;
    expect(typeof cookies['on']).toBe('function');
    expect(typeof cookies['removeListener']).toBe('function');
  });

  it('keeps cookies in their own session', async () => {
    const a = freshSession(t, 'own-a');
    const b = freshSession(t, 'own-b');
    await setCookie(t, a.cookies, { url: 'https://example.com', name: 'mine', value: 'a' });
    expect((await getCookies(t, a.cookies)).map((c) => c.name)).toEqual(['mine']);
    expect(await getCookies(t, b.cookies)).toEqual([]);
  });

  it('is read-only', () => {
    const ses = t.session.fromPartition('ses-cookies-readonly') as unknown as Record<string, unknown>;
    const before = ses['cookies'];
    try {
      ses['cookies'] = {};
    } catch {
      // Strict-mode assignment to a getter-only accessor throws; either way nothing changes.
    }
    expect(ses['cookies']).toBe(before);
  });
});
