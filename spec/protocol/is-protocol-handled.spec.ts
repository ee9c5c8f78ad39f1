// protocol.isProtocolHandled(scheme) in the eras that document it: 1.x
// answers a callback and counts the built-in schemes as handled; Electron
// 9 returns a promise (built-in schemes included); from Electron 25 it
// returns a boolean for what protocol.handle set up.

import { describe, expect } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, mustChange, thrown, type ProtocolCallback, type ProtocolRequest } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.isProtocolHandled'],
  eras: 'legacy,e9,current',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary: 'Tells whether a scheme has a handler in the session, in the era’s calling convention.',
});

const t = useTarget(meta);

describe('protocol.isProtocolHandled', () => {
  t.itInEras('legacy,e9', 'reports built-in schemes and registered ones', async () => {
    const { protocol } = freshSession(t);
    const handled = (scheme: string) => t.invoke<boolean>(protocol, 'protocol.isProtocolHandled', scheme);
    expect(await handled('http')).toBe(true);
    expect(await handled('https')).toBe(true);
    expect(await handled('file')).toBe(true);
    expect(await handled('legacy-custom')).toBe(false);
    await mustChange(t, protocol, 'registerStringProtocol', 'legacy-custom', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(''),
    );
    expect(await handled('legacy-custom')).toBe(true);
    await mustChange(t, protocol, 'unregisterProtocol', 'legacy-custom');
    expect(await handled('legacy-custom')).toBe(false);
  });

  t.itInEras('e9', 'returns a promise', async () => {
    const { protocol } = freshSession(t);
    const result = protocol['isProtocolHandled']!('http');
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toBe(true);
  });

  t.itInEras('current', 'returns whether protocol.handle set up the scheme, built-in ones included', () => {
    const { protocol } = freshSession(t);
    const handle = protocol as unknown as {
      handle(s: string, h: () => Response): void;
      unhandle(s: string): void;
      isProtocolHandled(s: string): boolean;
    };
    expect(handle.isProtocolHandled('test-scheme')).toBe(false);
    expect(handle.isProtocolHandled('https')).toBe(false);
    handle.handle('test-scheme', () => new Response(''));
    handle.handle('https', () => new Response(''));
    expect(handle.isProtocolHandled('test-scheme')).toBe(true);
    expect(handle.isProtocolHandled('https')).toBe(true);
    handle.unhandle('test-scheme');
    expect(handle.isProtocolHandled('test-scheme')).toBe(false);
  });

  t.itInEras('legacy', 'needs a callback', () => {
    const { protocol } = freshSession(t);
    const error = thrown(() => protocol['isProtocolHandled']!('http'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Insufficient number of arguments.');
    // The scheme is converted before the callback is looked for.
    expect(thrown(() => protocol['isProtocolHandled']!(7))!.message).toBe(
      'Error processing argument at index 0, conversion failure from 7',
    );
  });

  t.itInEras('e9,current', 'throws a TypeError for a scheme that is not a string', () => {
    const { protocol } = freshSession(t);
    const error = thrown(() => protocol['isProtocolHandled']!(7));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });
});
