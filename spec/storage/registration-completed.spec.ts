// The 'registration-completed' event of ses.serviceWorkers (Electron 17+):
// once per successful registration, with its scope, after the worker
// installed; never for a registration that failed.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, until } from '../support/requests.ts';
import { workerRoutes, workerUrl } from './worker-routes.ts';

export const meta = defineSpec({
  members: ["serviceWorkers.on('registration-completed')", "serviceWorkers.on('console-message')"],
  eras: '>=e17',
  requires: ['service-workers', 'network'],
  level: 'must',
  basis: 'electron',
  summary: "'registration-completed' reports each successful registration's scope, after its worker installed.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: workerRoutes() });

let partitions = 0;

describe("serviceWorkers.on('registration-completed')", () => {
  it('reports the scope of a registration once it completed, after the install event', async () => {
    const session = t.session.fromPartition(`completed-${++partitions}`);
    const workers = (session as { serviceWorkers: NodeJS.EventEmitter }).serviceWorkers;
    const events: unknown[][] = [];
    workers.on('console-message', (_e: unknown, d: { message: string }) => events.push(['console', d.message]));
    workers.on('registration-completed', (event: unknown, details: unknown) => events.push(['completed', event, details]));
    const scope = `${server.url}completed/`;
    const src = "self.addEventListener('install', () => console.log('install'))";
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, src), scope });
    await until(() => events.length === 2, 'the install message and the event');
    expect(events[0]).toEqual(['console', 'install']);
    expect(events[1]![0]).toBe('completed');
    expect(typeof (events[1]![1] as { preventDefault?: unknown }).preventDefault).toBe('function');
    expect(events[1]![2]).toEqual({ scope });
  });

  it('is not emitted for a registration that failed', async () => {
    const session = t.session.fromPartition(`completed-${++partitions}`);
    const workers = (session as { serviceWorkers: NodeJS.EventEmitter }).serviceWorkers;
    const completed: unknown[] = [];
    workers.on('registration-completed', (_e: unknown, d: unknown) => completed.push(d));
    await failureOf(
      t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, 'throw 1'), scope: `${server.url}failed/` }),
    );
    const scope = `${server.url}after/`;
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope });
    await until(() => completed.length === 1, 'the later registration');
    expect(completed).toEqual([{ scope }]);
  });
});
