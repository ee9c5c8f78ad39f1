'use strict';
// The attach: channel on platforms whose sockets have a descriptor: each
// connection is read on the event loop while its conversation is idle and
// straight from the descriptor while it blocks. ES2015, Node's core only.

var fs = require('fs');
var net = require('net');
var StringDecoder = require('string_decoder').StringDecoder;
var LineSplitter = require('./line-splitter.cjs').LineSplitter;
var Conversation = require('./conversation.cjs').Conversation;
var Inbox = require('./inbox.cjs').Inbox;
var parseListenAddress = require('./listen-address.cjs').parseListenAddress;
var forwardOutput = require('./forward-output.cjs').forwardOutput;
var syncIo = require('./sync-io.cjs');

var sleepBriefly = syncIo.sleepBriefly;
var writeAllSync = syncIo.writeAllSync;
var gone = syncIo.gone;

/**
 * Listens for runners (attach:, and the runner's agent pool). Each connection
 * is its own conversation, served on the main thread: read on the event loop
 * while the agent is idle, and straight from the socket's descriptor while it
 * waits for a callback's result (the event loop is not running then).
 */
function serveOnSocket(host, addressText, onListening) {
  var address = parseListenAddress(addressText);
  var conversations = new Set();
  forwardOutput(function (stream, text) {
    var line = JSON.stringify({ type: 'output', stream: stream, text: text }) + '\n';
    conversations.forEach(function (conversation) {
      if (conversation.welcomed) conversation.channel.send(line);
    });
  });
  var server = net.createServer(function (socket) {
    var fd = socket._handle && socket._handle.fd;
    if (!(fd >= 0)) {
      process.stderr.write('session-conformance agent: this platform gives no descriptor for the connection\n');
      socket.destroy();
      return;
    }
    var lines = new LineSplitter();
    var decoder = new StringDecoder('utf8');
    var inbox = new Inbox();
    var buffer = Buffer.alloc(65536);
    var closed = false;
    var channel = {
      send: function (line) {
        if (closed) return;
        try {
          writeAllSync(fd, line);
        } catch (error) {
          if (!gone(error)) throw error;
          closed = true;
        }
      },
      wait: function () {
        return inbox.wait(function () {
          for (;;) {
            if (closed) return null;
            try {
              var n = fs.readSync(fd, buffer, 0, buffer.length, null);
              if (n === 0) closed = true;
              return n === 0 ? null : lines.push(decoder.write(buffer.slice(0, n)));
            } catch (error) {
              if (error.code === 'EAGAIN') {
                sleepBriefly();
                continue;
              }
              if (!gone(error)) throw error;
              closed = true;
            }
          }
        });
      },
      end: function () {
        socket.end();
      },
    };
    var conversation = new Conversation(host, channel);
    inbox.idle = function (line) {
      conversation.receive(line);
    };
    conversations.add(conversation);
    socket.on('data', function (chunk) {
      inbox.arrived(lines.push(decoder.write(chunk)));
    });
    socket.on('error', function () {});
    socket.on('close', function () {
      closed = true;
      conversations['delete'](conversation);
      conversation.targets.forEach(function (target) {
        target.quit({ crash: false });
      });
    });
    conversation.hello();
  });
  server.on('error', function (error) {
    throw new Error('the agent cannot listen: ' + error.message);
  });
  server.listen(address.path ? address.path : address, function () {
    onListening(server.address());
  });
  return server;
}

module.exports = { serveOnSocket: serveOnSocket };
