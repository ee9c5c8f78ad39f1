// Cookies across an app restart: persistent sessions keep the cookies that
// have an expiry and lose session cookies; in-memory partitions keep nothing.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { cookiesOf, getCookies, secondsFromNow, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'cookies.set', 'cookies.get'],
  eras: '*',
  requires: ['restart'],
  level: 'must',
  basis: 'documented',
  summary:
    'A persist: partition keeps cookies with an expiration date across a restart; session cookies and in-memory partitions do not.',
});

const t = useTarget(meta);

function cookiesIn(partition: string) {
  return cookiesOf(t.session.fromPartition(partition));
}

async function describeAll(partition: string): Promise<string[]> {
  return (await getCookies(t, cookiesIn(partition), {})).map((c) => `${c.name}=${c.value}`).sort();
}

describe('cookies across a restart', () => {
  it('keeps persistent cookies of a persist: partition and of the default session, with every attribute', async () => {
    const expiry = Math.floor(secondsFromNow(3600));
    const details = {
      url: 'https://www.example.com/',
      name: 'kept',
      value: 'v',
      expirationDate: expiry,
      domain: 'example.com',
      path: '/p',
      secure: true,
      httpOnly: true,
    };
    await setCookie(t, cookiesIn('persist:keeps'), details);
    await setCookie(t, cookiesIn(''), details);
    const before = await getCookies(t, cookiesIn('persist:keeps'), {});
    await t.target.restart();
    expect(await getCookies(t, cookiesIn('persist:keeps'), {})).toEqual(before);
    expect(await getCookies(t, cookiesIn(''), {})).toEqual(before);
  });

  it('forgets session cookies', async () => {
    await setCookie(t, cookiesIn('persist:sessions'), { url: 'https://example.com/', name: 'session', value: '1' });
    await setCookie(t, cookiesIn('persist:sessions'), {
      url: 'https://example.com/',
      name: 'lasting',
      value: '1',
      expirationDate: secondsFromNow(3600),
    });
    await t.target.restart();
    expect(await describeAll('persist:sessions')).toEqual(['lasting=1']);
  });

  it('keeps nothing of an in-memory partition', async () => {
    await setCookie(t, cookiesIn('memory-only'), {
      url: 'https://example.com/',
      name: 'gone',
      value: '1',
      expirationDate: secondsFromNow(3600),
    });
    await t.target.restart();
    expect(await describeAll('memory-only')).toEqual([]);
  });

  it('keeps removals and replacements too', async () => {
    const cookies = cookiesIn('persist:edits');
    await setCookie(t, cookies, {
      url: 'https://example.com/',
      name: 'removed',
      value: '1',
      expirationDate: secondsFromNow(3600),
    });
    await setCookie(t, cookies, {
      url: 'https://example.com/',
      name: 'replaced',
      value: 'old',
      expirationDate: secondsFromNow(3600),
    });
    await t.target.restart();
    await t.invoke(cookiesIn('persist:edits'), 'cookies.remove', 'https://example.com/', 'removed');
    await setCookie(t, cookiesIn('persist:edits'), {
      url: 'https://example.com/',
      name: 'replaced',
      value: 'new',
      expirationDate: secondsFromNow(3600),
    });
    await t.target.restart();
    expect(await describeAll('persist:edits')).toEqual(['replaced=new']);
  });

  it('keeps partitions apart on disk', async () => {
    await setCookie(t, cookiesIn('persist:one'), {
      url: 'https://example.com/',
      name: 'one',
      value: '1',
      expirationDate: secondsFromNow(3600),
    });
    await setCookie(t, cookiesIn('persist:two'), {
      url: 'https://example.com/',
      name: 'two',
      value: '2',
      expirationDate: secondsFromNow(3600),
    });
    await t.target.restart();
    expect(await describeAll('persist:one')).toEqual(['one=1']);
    expect(await describeAll('persist:two')).toEqual(['two=2']);
  });
});
