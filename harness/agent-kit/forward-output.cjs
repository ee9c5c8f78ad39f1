'use strict';
// A listening agent's stdout and stderr have no pipe to the runner: they are
// teed into the conversations, and the runner attaches them to the test that
// was running. ES2015, Node's core only.

/** Tees process.stdout/stderr writes to `send` (a listening agent's output has no pipe to the runner). */
function forwardOutput(send) {
  ['stdout', 'stderr'].forEach(function (name) {
    var stream = process[name];
    var write = stream.write;
    stream.write = function (chunk, encoding, callback) {
      try {
        send(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      } catch (ignored) {
        // Output must never break the agent.
      }
      return write.apply(stream, arguments);
    };
  });
}

module.exports = { forwardOutput: forwardOutput };
