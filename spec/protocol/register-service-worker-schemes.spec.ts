// protocol.registerServiceWorkerSchemes(schemes) (Electron 1.x): takes an
// array of scheme names; anything else fails argument conversion.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, thrown } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.registerServiceWorkerSchemes'],
  eras: 'legacy',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'Accepts an array of scheme names and rejects other values with a conversion TypeError.',
});

const t = useTarget(meta);

describe('protocol.registerServiceWorkerSchemes', () => {
  it('accepts an array of schemes and returns nothing', () => {
    const { protocol } = freshSession(t);
    expect(protocol['registerServiceWorkerSchemes']!(['app', 'bundle'])).toBeUndefined();
    expect(protocol['registerServiceWorkerSchemes']!([])).toBeUndefined();
  });

  it('throws a TypeError for anything but an array of strings', () => {
    const { protocol } = freshSession(t);
    for (const value of ['app', [1], {}]) {
      const error = thrown(() => protocol['registerServiceWorkerSchemes']!(value));
      expect(error, JSON.stringify(value)).toBeInstanceOf(TypeError);
      expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(thrown(() => protocol['registerServiceWorkerSchemes']!())!.message).toBe('Insufficient number of arguments.');
  });
});
