'use strict';
// The agent protocol's own failures, kept apart from whatever the
// implementation under test throws: a peer reports them as `unsupported` or
// `errored` completions, never as a thrown value. ES2015, Node's core only.

/** A failure of the conversation rather than of the implementation; `name` says which. */
class AgentFailure extends Error {
  constructor(name, message) {
    super(message);
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
  }
}

/** The agent cannot serve a request (reported as SKIP, never as a pass). */
function unsupported(reason) {
  return new AgentFailure('AgentUnsupported', reason);
}

module.exports = { AgentFailure: AgentFailure, unsupported: unsupported };
