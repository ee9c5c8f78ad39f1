// Command-line proxy switches (--proxy-server with --proxy-bypass-list) set
// every session's starting configuration, as Electron applies them to each
// session's network context; setProxy still replaces it per session.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'should',
  basis: 'electron',
  summary: '--proxy-server and --proxy-bypass-list give every session its starting proxy configuration; setProxy replaces it.',
});

const t = useTarget(meta, {
  env: {},
  switches: { 'proxy-server': 'http=switched:8080;https=secure:8443', 'proxy-bypass-list': '*.skip.test' },
});
const p = proxyCalls(t, 'switches');

describe('proxy switches', () => {
  it('configure the default session and new partitions alike', async () => {
    const answers = [];
    for (const ses of [t.session.defaultSession, p.fresh()]) {
      answers.push(
        await p.resolve(ses, 'http://a.test/'),
        await p.resolve(ses, 'https://a.test/'),
        await p.resolve(ses, 'http://x.skip.test/'),
      );
    }
    expect(answers).toEqual([
      'PROXY switched:8080',
      'PROXY secure:8443',
      'DIRECT',
      'PROXY switched:8080',
      'PROXY secure:8443',
      'DIRECT',
    ]);
  });

  it('are replaced by setProxy in that session only', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: 'mine:1' });
    expect([await p.resolve(ses, 'http://a.test/'), await p.resolve(p.fresh(), 'http://a.test/')]).toEqual([
      'PROXY mine:1',
      'PROXY switched:8080',
    ]);
  });
});
