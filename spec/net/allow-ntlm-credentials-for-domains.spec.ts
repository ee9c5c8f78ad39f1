// ses.allowNTLMCredentialsForDomains(domains): takes a comma-separated list
// of server patterns for integrated (NTLM / Negotiate) authentication with
// the user's default credentials. What a target can show without an
// integrated identity: the argument checks, that the list never sends
// credentials to Basic challenges, and that a page left without an identity
// for an NTLM/Negotiate challenge gets the 401.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.allowNTLMCredentialsForDomains'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary: 'Takes a comma-separated pattern list as a string; a listed server still gets no credentials for Basic challenges.',
});

const t = useTarget(meta);

interface NtlmSession {
  allowNTLMCredentialsForDomains(domains: unknown): void;
}

let http: FixtureServer;

beforeAll(async () => {
  http = await startHttpServer();
});

afterAll(async () => {
  await http?.close();
});

const session = (name: string) => t.session.fromPartition(name) as unknown as NtlmSession;
const page = (partition: string, path: string) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${http.origin}${path}` });

describe('ses.allowNTLMCredentialsForDomains', () => {
  it('accepts comma-separated server patterns, * alone, and the empty list', () => {
    const ses = session('ntlm-accept');
    expect(ses.allowNTLMCredentialsForDomains('*example.com, *foobar.com, *baz')).toBeUndefined();
    expect(ses.allowNTLMCredentialsForDomains('*')).toBeUndefined();
    expect(ses.allowNTLMCredentialsForDomains('')).toBeUndefined();
  });

  it('throws a conversion TypeError for a non-string, and insufficient arguments for none', () => {
    const ses = session('ntlm-errors');
    for (const bad of [['*'], 1, null, undefined, {}]) {
      expect(() => ses.allowNTLMCredentialsForDomains(bad)).toThrow(TypeError);
      expect(() => ses.allowNTLMCredentialsForDomains(bad)).toThrow(
        /^Error processing argument at index 0, conversion failure from/,
      );
    }
    expect(() => (ses.allowNTLMCredentialsForDomains as () => void)()).toThrow('Insufficient number of arguments.');
  });

  it('sends no credentials to a Basic challenge, even from a listed server', async () => {
    session('ntlm-basic').allowNTLMCredentialsForDomains('*');
    const path = '/basic?realm=ntlm&user=ada&pass=lovelace';
    expect((await page('ntlm-basic', path)).status).toBe(401);
    expect(http.log.requests.filter((r) => r.url === path).map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it('leaves a page with the 401 when an NTLM/Negotiate challenge finds no identity to use', async () => {
    session('ntlm-negotiate').allowNTLMCredentialsForDomains('*.nowhere.invalid');
    const res = await page('ntlm-negotiate', '/negotiate?unlisted');
    expect(res.status).toBe(401);
    expect(http.log.requests.filter((r) => r.url === '/negotiate?unlisted')).toHaveLength(1);
  });
});
