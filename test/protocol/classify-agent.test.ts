// How agent failures are classified: a dead agent is CRASH, an agent that
// does not answer is TIMEOUT, a request it cannot serve is SKIP (even if the
// test passed), a broken conversation is ERROR.

import { describe, expect, it } from 'vitest';
import type { TestMeta } from '../../harness/api/spec-runtime.ts';
import { classify } from '../../harness/runner/classify.ts';

const meta: TestMeta = { members: ['ses.getUserAgent'], requires: [], level: 'must', basis: 'documented' };
const failed = (name: string, message: string) => classify({ state: 'failed', errors: [{ name, message }], meta }).status;

describe('classification of agent failures', () => {
  it('is CRASH for a dead agent, even behind an assertion that reported it', () => {
    expect(failed('AgentCrashed', 'the agent died (exit code 1)')).toBe('CRASH');
    expect(
      classify({
        state: 'failed',
        errors: [
          { name: 'AssertionError', message: 'x' },
          { name: 'AgentCrashed', message: 'y' },
        ],
        meta,
      }).status,
    ).toBe('CRASH');
  });

  it('is TIMEOUT for an agent that does not answer', () => {
    expect(failed('AgentTimeout', 'the agent did not answer apply within 25000 ms')).toBe('TIMEOUT');
  });

  it('is SKIP with the reason for a request the agent cannot serve, whatever the test concluded', () => {
    expect(classify({ state: 'failed', errors: [{ name: 'AgentUnsupported', message: 'no cookies here' }], meta })).toEqual({
      status: 'SKIP',
      message: 'the agent cannot serve this: no cookies here',
    });
    expect(classify({ state: 'passed', errors: [], meta: { ...meta, unsupported: 'a symbol cannot be sent' } })).toEqual({
      status: 'SKIP',
      message: 'the agent cannot serve this: a symbol cannot be sent',
    });
  });

  it('is ERROR for a broken conversation', () => {
    expect(failed('ProtocolError', 'the agent sent a malformed line')).toBe('ERROR');
    expect(failed('AgentError', 'the agent failed: boom')).toBe('ERROR');
  });
});
