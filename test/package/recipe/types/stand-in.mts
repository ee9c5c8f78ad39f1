// Recipe: TypeScript (strict, skipLibCheck false), ES module: the stand-in
// type-checks wherever Electron's modules are expected, and the harness and
// agent entry points carry their declarations.
import type * as Electron from 'electron';
import { type AgentHost, runAgent } from 'session-conformance/agent';
import standIn, { app, createReferenceElectron, NotModelledError, type StandIn, session } from 'session-conformance/electron';
import { CAPABILITIES, defineSpec, type Status } from 'session-conformance/harness';
import { privateSession } from '../src/privacy.js';

const electronSession: typeof Electron.session = session;
const electronApp: Electron.App = app;
const cookies: Electron.Cookies = electronSession.fromPartition('persist:typed').cookies;
const legacy: StandIn = createReferenceElectron({ era: 'legacy', name: 'Typed' });
const error: Error = new NotModelledError('x');
const status: Status = 'PASS';
const meta = defineSpec({
  members: ['ses.getUserAgent'],
  eras: 'current',
  requires: [CAPABILITIES[0]!],
  level: 'must',
  basis: 'documented',
  summary: 'typed',
});
const host: Pick<AgentHost, 'restart' | 'targets'> = { restart: 'in-process', targets: 'many' };
const ses: Promise<Electron.Session> = privateSession('blocked.test');
export { cookies, electronApp, error, host, legacy, meta, runAgent, ses, standIn, status };
