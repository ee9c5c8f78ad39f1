// protocol.handle for a scheme the app registered as standard before ready
// (protocol.registerSchemesAsPrivileged): its URLs are canonicalized the way
// http URLs are, with a host and without a port, before a handler sees them,
// and one with no host is no valid URL at all. An unregistered scheme's URL
// stays as written (handle-bodies.spec.ts checks that side).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshHandleSession, type HandleSession } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.handle'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'A scheme registered as standard before ready reaches handlers with its URL canonicalized like http but without a port; a URL of it with no host is invalid.',
});

const t = useTarget(meta, { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });

/** A fresh session whose `app` handler answers with the URL it was given, counting its calls. */
function echoing(): { session: HandleSession; calls: () => number } {
  const { session, protocol } = freshHandleSession(t, 'standard-scheme');
  let calls = 0;
  protocol.handle('app', (request: Request) => {
    calls++;
    return new Response(request.url);
  });
  return { session, calls: () => calls };
}

describe('protocol.handle on a standard scheme', () => {
  it('hands the handler the canonical URL: a path of at least "/", the host after any extra slashes, no port', async () => {
    const { session } = echoing();
    const seen = async (url: string) => (await session.fetch(url)).text();
    expect(await seen('app://foo')).toBe('app://foo/');
    expect(await seen('app:///foo')).toBe('app://foo/');
    expect(await seen('app://foo:1234')).toBe('app://foo/');
  });

  it('lower-cases the host and resolves dot segments of the path, as for http', async () => {
    const { session } = echoing();
    expect(await (await session.fetch('app://Some.HOST/a/./b/../c?q=1')).text()).toBe('app://some.host/a/c?q=1');
  });

  it('rejects a URL with no host as an invalid URL (TypeError), without calling the handler', async () => {
    const { session, calls } = echoing();
    const error = await session.fetch('app://').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('Invalid URL');
    expect(calls()).toBe(0);
  });
});
