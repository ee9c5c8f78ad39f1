'use strict';
// Where an agent listens or a runner connects: host:port, [v6 host]:port, or
// a socket path. The agent kit and the runner's I/O thread read it alike.
// ES2015, Node's core only.

/** net's listen/connect options for `text`; null if it is none of those shapes. */
function parseAddress(text) {
  if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) return { path: text };
  var match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(text);
  if (!match) return null;
  return { host: match[1] || '127.0.0.1', port: Number(match[2]) };
}

/** The address an agent was told to listen on; an error names what it cannot read. */
function parseListenAddress(text) {
  var address = parseAddress(text);
  if (!address) throw new Error('cannot parse the listen address ' + text + ' (use host:port or a socket path)');
  return address;
}

module.exports = { parseAddress: parseAddress, parseListenAddress: parseListenAddress };
