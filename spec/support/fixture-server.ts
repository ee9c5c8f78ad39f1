// A fixture HTTP server for the whole spec file: started before its tests,
// closed after them. The returned object reads through to the running server,
// so specs write `server.url` as if they held it.

import { afterAll, beforeAll } from 'vitest';
import { startHttpServer, type FixtureServer, type HttpServerOptions } from '../../fixtures/servers/index.ts';

export function useHttpServer(options?: HttpServerOptions): FixtureServer {
  let running: FixtureServer | undefined;
  beforeAll(async () => {
    running = await startHttpServer(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as FixtureServer, {
    get(_, key) {
      if (!running) throw new Error('the fixture server is only there while the spec file runs its tests');
      const value = Reflect.get(running, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(running) : value;
    },
  });
}
