'use strict';
// Blocking reads and writes on a descriptor, for an agent waiting on a
// callback's result while its event loop cannot run. ES2015, Node's core only.

var fs = require('fs');

function sleepBriefly() {
  // Only reached if a channel fd is non-blocking; a millisecond keeps the
  // wait from spinning a core.
  if (typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && Atomics.wait) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  }
}

function writeAllSync(fd, text) {
  var buffer = Buffer.from(text, 'utf8');
  var offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      sleepBriefly();
    }
  }
}

function readSomeSync(fd, buffer) {
  for (;;) {
    try {
      return fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code === 'EOF') return 0;
      if (error.code !== 'EAGAIN') throw error;
      sleepBriefly();
    }
  }
}

/** A failed read or write on a connection that went away ends it like an EOF. */
function gone(error) {
  return error.code === 'EPIPE' || error.code === 'ECONNRESET' || error.code === 'EBADF';
}

module.exports = { sleepBriefly: sleepBriefly, writeAllSync: writeAllSync, readSomeSync: readSomeSync, gone: gone };
