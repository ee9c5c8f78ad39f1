// Turns what vitest saw into a conformance status. Kept pure so the rules
// (written down in docs/INTERPRETING.md) are unit-tested on their own.

import type { Status } from '../api/status.ts';
import type { TestMeta } from '../api/spec-runtime.ts';

export interface ObservedError {
  name?: string;
  message?: string;
  capability?: string;
}

export interface Observed {
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  errors: readonly ObservedError[];
  meta: TestMeta | undefined;
}

export interface Classified {
  status: Status;
  message?: string;
}

const TIMEOUT = /\b(?:Test|Hook) timed out in \d+ms|agent did not answer/;
const CRASH = /Worker (?:exited|terminated) unexpectedly|Channel closed|process exited|agent (?:died|crashed)/i;

export function classify(observed: Observed): Classified {
  const { state, errors, meta } = observed;
  // An agent that could not serve a request the test made: whatever the test
  // concluded (even a pass, if it expected some error) is not evidence.
  if (meta?.unsupported && state !== 'skipped' && state !== 'pending') {
    return { status: 'SKIP', message: `the agent cannot serve this: ${meta.unsupported}` };
  }
  if (state === 'passed') return { status: 'PASS' };
  if (state === 'skipped' || state === 'pending') {
    if (meta?.gate) return { status: meta.gate.status, message: meta.gate.reason };
    // A skip the runtime did not decide (it.skip, it.todo, ctx.skip in a body)
    // is reported as SKIP, never as a pass.
    return { status: 'SKIP', message: 'skipped by the spec itself' };
  }
  const first = errors[0] ?? {};
  const message = [first.name, first.message].filter(Boolean).join(': ');
  if (first.name === 'DriverUnsupported') {
    const declared = meta?.requires.includes(first.capability as never) ?? false;
    return declared
      ? { status: 'SKIP', message: `${first.message} (the target claims ${first.capability})` }
      : { status: 'ERROR', message: `${first.message}; the spec does not declare \`requires: ['${first.capability}']\`` };
  }
  if (first.name === 'UndeclaredCapability') return { status: 'ERROR', message };
  if (first.name === 'AgentUnsupported') return { status: 'SKIP', message: `the agent cannot serve this: ${first.message}` };
  // An agent stopped because it did not answer in time also reads as dead
  // (AgentCrashed); the cause was the timeout (IMPLEMENTERS.md: TIMEOUT).
  const timedOut = errors.find((e) => e.name === 'AgentTimeout' || TIMEOUT.test(e.message ?? ''));
  if (timedOut) return { status: 'TIMEOUT', message: [timedOut.name, timedOut.message].filter(Boolean).join(': ') };
  if (errors.some((e) => e.name === 'AgentCrashed')) return { status: 'CRASH', message };
  if (errors.some((e) => CRASH.test(e.message ?? ''))) return { status: 'CRASH', message };
  // As in WPT: whatever the implementation does wrong inside a test (a failed
  // assertion or an exception it throws) is FAIL; ERROR is the harness or the
  // spec itself going wrong (target creation, bad metadata).
  // A broken conversation with the agent (bad message, agent-internal failure)
  // is not the implementation's behaviour either.
  if (first.name === 'HarnessError' || first.name === 'ProtocolError' || first.name === 'AgentError') {
    return { status: 'ERROR', message };
  }
  return { status: 'FAIL', message };
}
