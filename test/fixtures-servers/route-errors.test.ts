// The fixture servers answer any request, however its URL was built: a
// query a route cannot use gets an error status, never an exception that
// takes down the test process the server runs in.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startHttpServer();
});
afterAll(() => server.close());

describe('fixture routes given queries they cannot use', () => {
  it('answers /bytes with a count that is not one with 400', async () => {
    for (const n of ['100000en-US-9-0.bdic', '-1', '1.5', '1e12']) {
      const response = await fetch(`${server.url}bytes?n=${n}`);
      expect(response.status).toBe(400);
      await response.arrayBuffer();
    }
    const response = await fetch(`${server.url}bytes?n=3`);
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('abc');
  });

  it('answers 500 when a route throws, and keeps serving', async () => {
    const response = await fetch(`${server.url}status?code=abc`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/^route failed: /);
    expect((await fetch(`${server.url}echo`)).status).toBe(200);
  });
});
