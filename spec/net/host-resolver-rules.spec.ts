// The host-resolver-rules switch as Chromium's HostMappingRules applies it,
// observed through the traffic a loopback fixture sees: a MAP pattern is a
// glob tried on the host and then on `host:port` (so a port can be globbed),
// `?` stands for zero or one character, EXCLUDE is matched against the host
// alone and only stops a MAP that matched, the replacement may carry a port
// (leading zeros allowed), and a rule Chromium cannot parse (two spaces
// between its words, user info in the replacement) is skipped while the
// others still apply. Each case was checked against Chromium 150 with the
// same rules, navigating to the same URLs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary: "The host-resolver-rules switch maps, globs and excludes hosts as Chromium's HostMappingRules does.",
});

let http: FixtureServer;
// The port every unmapped-port URL uses: nothing listens there, so only a rule that moves the port reaches the fixture.
const OTHER_PORT = 8000;

const t = useTarget(meta, {
  prepare: async () => {
    http = await startHttpServer();
    const port = new URL(http.origin).port;
    const rules = [
      `MAP zero-or-one-b?.test 127.0.0.1:${port}`,
      `MAP *.port-glob.test:${OTHER_PORT} 127.0.0.1:00${port}`,
      `MAP *.excluded.test 127.0.0.1:${port}`,
      `EXCLUDE no.excluded.test`,
      `EXCLUDE yes.excluded.test:${OTHER_PORT}`,
      `MAP  two-spaces.test 127.0.0.1:${port}`,
      `MAP user-info.test u@127.0.0.1:${port}`,
      `MAP *.fixture.test 127.0.0.1`,
    ].join(', ');
    return { switches: { 'host-resolver-rules': rules } };
  },
});

afterAll(() => http?.close());

let requests: (path: string) => number;
beforeAll(() => {
  requests = (path) => http.log.requests.filter((r) => r.url === path).length;
});

/** Fetches `/echo?<tag>` from host:port and says whether the fixture saw it. */
async function reaches(host: string, port: number | string, tag: string): Promise<boolean> {
  const ses = t.session.fromPartition(`host-rules-${tag}`);
  try {
    await (await ses.fetch(`http://${host}:${port}/echo?${tag}`)).text();
  } catch {
    // A name that does not resolve, or a port nothing listens on: the fixture saw nothing.
  }
  return requests(`/echo?${tag}`) === 1;
}

describe('host-resolver-rules', () => {
  it('maps a host through a rule whose ? stands for zero or one character', async () => {
    expect(await reaches('zero-or-one-b.test', OTHER_PORT, 'q0')).toBe(true);
    expect(await reaches('zero-or-one-bb.test', OTHER_PORT, 'q1')).toBe(true);
    expect(await reaches('zero-or-one-bbb.test', OTHER_PORT, 'q2')).toBe(false);
  });

  it('matches a pattern with a port against host:port, and reads a replacement port with leading zeros', async () => {
    expect(await reaches('a.port-glob.test', OTHER_PORT, 'p0')).toBe(true);
    expect(await reaches('a.port-glob.test', OTHER_PORT + 1, 'p1')).toBe(false);
  });

  it('matches EXCLUDE against the host alone: with a port it never excludes', async () => {
    expect(await reaches('no.excluded.test', OTHER_PORT, 'x0')).toBe(false);
    expect(await reaches('yes.excluded.test', OTHER_PORT, 'x1')).toBe(true);
    expect(await reaches('other.excluded.test', OTHER_PORT, 'x2')).toBe(true);
  });

  it('skips a rule it cannot parse and keeps the others', async () => {
    const port = new URL(http.origin).port;
    expect(await reaches('two-spaces.test', OTHER_PORT, 's0')).toBe(false);
    expect(await reaches('user-info.test', OTHER_PORT, 's1')).toBe(false);
    expect(await reaches('kept.fixture.test', port, 's2')).toBe(true);
  });
});
