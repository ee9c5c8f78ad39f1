'use strict';
// The remote: channel: the runner spawned this agent and passes fd 3 (messages
// for an idle agent, read on the event loop) and fd 4 (messages for an agent
// blocked in a callback, read blocking; everything the agent sends). Works on
// any Node. ES2015, Node's core only.

var net = require('net');
var StringDecoder = require('string_decoder').StringDecoder;
var LineSplitter = require('./line-splitter.cjs').LineSplitter;
var Conversation = require('./conversation.cjs').Conversation;
var Inbox = require('./inbox.cjs').Inbox;
var syncIo = require('./sync-io.cjs');

var writeAllSync = syncIo.writeAllSync;
var readSomeSync = syncIo.readSomeSync;

function defaultExit() {
  process.exit(0);
}

/** Serves one conversation on the two descriptors; the process ends when the runner closes them. */
function serveOnFds(host, idleFd, syncFd) {
  var syncLines = new LineSplitter();
  var syncDecoder = new StringDecoder('utf8');
  var inbox = new Inbox();
  var buffer = Buffer.alloc ? Buffer.alloc(65536) : new Buffer(65536);
  var ended = false;
  var finish = function () {
    if (ended) return;
    ended = true;
    (host.exit || defaultExit)();
  };
  var channel = {
    send: function (line) {
      writeAllSync(syncFd, line);
    },
    wait: function () {
      return inbox.wait(function () {
        var n = readSomeSync(syncFd, buffer);
        if (n === 0) {
          finish();
          return null;
        }
        return syncLines.push(syncDecoder.write(buffer.slice(0, n)));
      });
    },
    end: finish,
  };
  var conversation = new Conversation(host, channel);
  inbox.idle = function (line) {
    conversation.receive(line);
  };
  var idle = new net.Socket({ fd: idleFd, readable: true, writable: false });
  var idleLines = new LineSplitter();
  idle.setEncoding('utf8');
  idle.on('data', function (chunk) {
    inbox.arrived(idleLines.push(chunk));
  });
  idle.on('end', finish);
  idle.on('error', finish);
  conversation.hello();
  return conversation;
}

module.exports = { serveOnFds: serveOnFds };
