'use strict';
// `require('session-conformance/electron/register')` (or `node --require ...`,
// or a test runner's setup file): from then on `require('electron')` anywhere in
// the process answers the stand-in, which CommonJS app code needs because
// vi.mock and import maps reach imports only.
const Module = require('node:module');

const standIn = require.resolve('session-conformance/electron');
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request === 'electron/main') return standIn;
  return resolveFilename.call(this, request, ...rest);
};
