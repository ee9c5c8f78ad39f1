// Runs the Electron agent (electron-main.cjs) under plain Node with
// `require('electron')` resolved to the reference, in the era the runner
// asks for: `--adapter "remote:node harness/agent/electron-stand-in.mjs"`.
// This proves the Electron agent's code path where no Electron binary exists.
import Module, { createRequire } from 'node:module';
import { loadEntry } from '../../bin/load-entry.mjs';

const { createElectronStandIn } = await loadEntry('harness/agent/electron-stand-in.ts');
const launch = process.env.SESSION_CONFORMANCE_TARGET;
const standIn = createElectronStandIn(launch ? JSON.parse(launch) : undefined);

const require = createRequire(import.meta.url);
const id = new URL('./electron-stand-in.ts', import.meta.url).pathname;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? id : resolveFilename.call(this, request, ...rest);
};
const module = new Module(id);
module.filename = id;
module.loaded = true;
module.exports = standIn;
require.cache[id] = module;

require('./electron-main.cjs');
