'use strict';
// The agent library: serves an Electron-shaped implementation (an object with
// `app` and `session`) to the session-conformance runner over the agent
// protocol. A host (the reference's Node agent, the Electron agent) supplies
// how to create a target, its capabilities and driver commands; the kit does
// the channels (channel-*.cjs), the handshake and the target/driver
// operations (conversation.cjs).
// ES2015 and Node's core only: it runs inside the Node of old Electrons.
//
// Channels, from the environment:
//   SESSION_CONFORMANCE_AGENT_CHANNEL=fd:3,4  (set by the runner's remote: adapter)
//     fd 3: messages for an idle agent, read on the event loop;
//     fd 4: messages for an agent blocked in a synchronous callback (read with
//     blocking reads), and everything the agent sends. Works on any Node.
//   SESSION_CONFORMANCE_AGENT_LISTEN=host:port | /socket/path  (for attach:)
//     one connection per runner worker; needs worker_threads (Node >= 12.3).

var peerModule = require('./peer.cjs');
var serveOnFds = require('./channel-fds.cjs').serveOnFds;
var serveOnSocket = require('./channel-socket.cjs').serveOnSocket;
var serveOnSocketThread = require('./channel-socket-thread.cjs').serveOnSocketThread;

/** Target options the runner gave at launch (hosts that must configure before ready need them). */
function launchOptions() {
  var text = process.env.SESSION_CONFORMANCE_TARGET;
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error('SESSION_CONFORMANCE_TARGET is not JSON: ' + error.message);
  }
}

/**
 * Starts serving. host:
 *   implementation: { name, version, language, eras, platform }
 *   capabilities: [capability names]
 *   driver: { 'namespace.command': function (args, target) -> value | Promise }
 *   restart: 'in-process' (target.restart is served) | 'relaunch' (the runner relaunches the process)
 *   targets: 'many' (one process can host many targets, one after another or at once) | 'one'
 *   createTarget(options) -> target | Promise<target>, target = { session, app, quit({ crash }) -> Promise | undefined }
 *   exit(): called when the runner closes the channel (default: process.exit(0))
 */
function runAgent(host) {
  var listen = process.env.SESSION_CONFORMANCE_AGENT_LISTEN;
  if (listen) {
    var serve =
      process.platform === 'win32' || process.env.SESSION_CONFORMANCE_AGENT_IO_THREAD ? serveOnSocketThread : serveOnSocket;
    return serve(host, listen, function (address) {
      var where = typeof address === 'string' ? address : address.address + ':' + address.port;
      process.stdout.write('session-conformance agent listening on ' + where + '\n');
    });
  }
  var channel = process.env.SESSION_CONFORMANCE_AGENT_CHANNEL || '';
  var match = /^fd:(\d+),(\d+)$/.exec(channel);
  if (!match) {
    throw new Error(
      'no channel to the runner: start this agent through `--adapter remote:<command>` ' +
        '(SESSION_CONFORMANCE_AGENT_CHANNEL=fd:3,4) or give SESSION_CONFORMANCE_AGENT_LISTEN=host:port for attach:'
    );
  }
  return serveOnFds(host, Number(match[1]), Number(match[2]));
}

module.exports = {
  runAgent: runAgent,
  launchOptions: launchOptions,
  byRef: peerModule.byRef,
  unsupported: peerModule.unsupported,
  PROTOCOL_VERSION: peerModule.PROTOCOL_VERSION,
};
