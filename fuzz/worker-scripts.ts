// Service worker scripts the fuzzer registers (driver command
// serviceWorkers.register): one benign worker and hostile ones — looping,
// recursing, hoarding memory, throwing, spamming the console, not parsing,
// calling worker APIs the sandbox does not offer, hanging in its install
// handler. The fuzz child's plain HTTP fixture serves them as `/sw/<name>.js`
// routes with a JavaScript MIME type; the hostile statements are the PAC
// scripts' own (pac-scripts.ts), since both run in the PAC thread's sandbox.

import type { RouteHandler } from '../fixtures/servers/routes.ts';
import { HOSTILE_CODE } from './pac-scripts.ts';

const WORKER_SCRIPTS: Record<string, string> = {
  benign: [
    'self.addEventListener("install", function (event) { console.log("installed", event.type); });',
    'self.addEventListener("activate", function () {});',
    'self.addEventListener("fetch", function () {});',
  ].join('\n'),
  loop: HOSTILE_CODE.loops,
  recursion: HOSTILE_CODE.recurses,
  hoard: HOSTILE_CODE.hoards,
  throw: HOSTILE_CODE.throws,
  'console-spam': [
    'for (var i = 0; i < 20000; i++) console.log("spam", i, new Array(64).join("s"));',
    'self.addEventListener("install", function () { for (var j = 0; j < 20000; j++) console.error("install spam", j); });',
  ].join('\n'),
  'syntax-error': HOSTILE_CODE.notJavascript,
  'missing-apis': [
    'self.addEventListener("install", function (event) { event.waitUntil(fetch("/echo")); self.skipWaiting(); });',
    'try { importScripts("/sw/benign.js"); } catch (e) { console.warn(String(e)); }',
    'try { fetch("/echo").then(function () {}); } catch (e) { console.warn(String(e)); }',
    'try { caches.open("c"); } catch (e) { console.warn(String(e)); }',
    'try { self.registration.navigationPreload.enable(); } catch (e) { console.warn(String(e)); }',
    'self.clients.claim();',
  ].join('\n'),
  'install-loop': `self.addEventListener("install", function () { ${HOSTILE_CODE.loops} });`,
};

/** The worker scripts' names, in the order of their URLs. */
export const WORKER_SCRIPT_NAMES = Object.keys(WORKER_SCRIPTS);

/** The path a worker script is served at. */
export const workerScriptPath = (name: string): string => `/sw/${name}.js`;

/** Fixture routes serving every worker script as text/javascript. */
export function workerScriptRoutes(): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const [name, source] of Object.entries(WORKER_SCRIPTS)) {
    const body = Buffer.from(source);
    routes[workerScriptPath(name)] = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/javascript',
        'content-length': String(body.length),
        'cache-control': 'no-cache',
      });
      res.end(body);
    };
  }
  return routes;
}
