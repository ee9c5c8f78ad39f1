// `system` mode, second environment: all_proxy is one proxy for every scheme
// and wins over http_proxy; names in no_proxy match as suffixes.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy'],
  eras: '*',
  requires: ['proxy.system'],
  level: 'must',
  basis: 'chromium',
  summary: 'System mode: ALL_PROXY is one proxy for every scheme and wins over http_proxy.',
});

const t = useTarget(meta, { env: { ALL_PROXY: 'everything:8000', http_proxy: 'ignored:1', NO_PROXY: 'internal.test' } });
const p = proxyCalls(t, 'system-all');

describe('system proxy settings: all_proxy', () => {
  it('sends every scheme to ALL_PROXY, ignoring http_proxy', async () => {
    const ses = p.fresh();
    const answers = [];
    for (const url of ['http://a.test/', 'https://a.test/', 'ftp://a.test/', 'ws://a.test/'])
      answers.push(await p.resolve(ses, url));
    expect(answers).toEqual(['PROXY everything:8000', 'PROXY everything:8000', 'PROXY everything:8000', 'PROXY everything:8000']);
  });

  it('reads NO_PROXY when no_proxy is absent', async () => {
    expect(await p.resolve(p.fresh(), 'http://www.internal.test/')).toBe('DIRECT');
  });
});
