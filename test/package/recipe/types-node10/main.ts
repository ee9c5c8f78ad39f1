// Recipe: TypeScript with `"module": "commonjs"` and its default resolution (node10), which reads no
// `exports` map: the package's typesVersions point it at the CommonJS declarations.
import electron = require('session-conformance/electron');
import agent = require('session-conformance/agent');

const cookies: Electron.Cookies = electron.session.defaultSession.cookies;
const packaged: boolean = electron.app.isPackaged;
const version: number = agent.PROTOCOL_VERSION;
export { cookies, packaged, version };
