// Recipe: TypeScript, CommonJS: the require() declarations of each entry point.
import electron = require('session-conformance/electron');
import harness = require('session-conformance/harness');
import agent = require('session-conformance/agent');

const ses: Electron.Session = electron.session.defaultSession;
const statuses: readonly string[] = harness.STATUSES;
const version: number = agent.PROTOCOL_VERSION;
export { ses, statuses, version };
