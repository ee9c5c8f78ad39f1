// protocol.isProtocolRegistered / isProtocolIntercepted (Electron 12+):
// synchronous answers that follow register*/unregister and
// intercept*/unintercept in the same session only.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, thrown } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.isProtocolRegistered', 'protocol.isProtocolIntercepted'],
  eras: '>=e12',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary: 'Report, as booleans, whether the session has a registered or an intercepting handler for a scheme.',
});

const t = useTarget(meta);

const noop = (_request: unknown, callback: (response?: unknown) => void) => callback('');

describe('protocol.isProtocolRegistered', () => {
  it('is true between registerXxxProtocol and unregisterProtocol, in that session only', () => {
    const { protocol } = freshSession(t);
    const other = freshSession(t);
    expect(protocol['isProtocolRegistered']!('custom-a')).toBe(false);
    expect(protocol['registerStringProtocol']!('custom-a', noop)).toBe(true);
    expect(protocol['isProtocolRegistered']!('custom-a')).toBe(true);
    expect(other.protocol['isProtocolRegistered']!('custom-a')).toBe(false);
    expect(protocol['unregisterProtocol']!('custom-a')).toBe(true);
    expect(protocol['isProtocolRegistered']!('custom-a')).toBe(false);
  });

  it('is false for built-in schemes nobody registered', () => {
    const { protocol } = freshSession(t);
    for (const scheme of ['http', 'https', 'file']) expect(protocol['isProtocolRegistered']!(scheme)).toBe(false);
  });
});

describe('protocol.isProtocolIntercepted', () => {
  it('is true between interceptXxxProtocol and uninterceptProtocol, in that session only', () => {
    const { protocol } = freshSession(t);
    const other = freshSession(t);
    expect(protocol['isProtocolIntercepted']!('http')).toBe(false);
    expect(protocol['interceptStringProtocol']!('http', noop)).toBe(true);
    expect(protocol['isProtocolIntercepted']!('http')).toBe(true);
    expect(protocol['isProtocolRegistered']!('http')).toBe(false);
    expect(other.protocol['isProtocolIntercepted']!('http')).toBe(false);
    expect(protocol['uninterceptProtocol']!('http')).toBe(true);
    expect(protocol['isProtocolIntercepted']!('http')).toBe(false);
  });
});

describe('argument errors', () => {
  it('throw a TypeError for a scheme that is not a string', () => {
    const { protocol } = freshSession(t);
    for (const member of ['isProtocolRegistered', 'isProtocolIntercepted']) {
      const error = thrown(() => protocol[member]!(undefined));
      expect(error, member).toBeInstanceOf(TypeError);
      expect(error!.message).toBe('Error processing argument at index 0, conversion failure from undefined');
      expect(thrown(() => protocol[member]!())!.message).toBe('Insufficient number of arguments.');
    }
  });
});
