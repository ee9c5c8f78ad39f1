import { describe, expect, it } from 'vitest';
import { classify } from '../../harness/runner/classify.ts';
import type { TestMeta } from '../../harness/api/spec-runtime.ts';

const meta = (requires: TestMeta['requires'] = [], gate?: TestMeta['gate']): TestMeta => ({
  members: [],
  requires,
  level: 'must',
  basis: 'documented',
  ...(gate ? { gate } : {}),
});

describe('classify', () => {
  it('maps vitest outcomes to statuses', () => {
    expect(classify({ state: 'passed', errors: [], meta: meta() }).status).toBe('PASS');
    expect(classify({ state: 'failed', errors: [{ name: 'AssertionError', message: 'expected 1' }], meta: meta() }).status).toBe(
      'FAIL',
    );
    expect(
      classify({ state: 'failed', errors: [{ name: 'TypeError', message: 'x is not a function' }], meta: meta() }).status,
    ).toBe('FAIL');
    expect(
      classify({ state: 'failed', errors: [{ name: 'Error', message: 'Test timed out in 5000ms.' }], meta: meta() }).status,
    ).toBe('TIMEOUT');
    expect(
      classify({ state: 'failed', errors: [{ name: 'Error', message: 'Worker exited unexpectedly' }], meta: undefined }).status,
    ).toBe('CRASH');
    // An agent stopped because it did not answer: TIMEOUT (IMPLEMENTERS.md), though the link reads it as dead.
    const unanswered = [
      { name: 'AgentTimeout', message: 'the agent did not answer call fromPartition within 25000 ms' },
      { name: 'AgentCrashed', message: 'the agent died: it was stopped after it did not answer in time' },
    ];
    expect(classify({ state: 'failed', errors: unanswered, meta: meta() }).status).toBe('TIMEOUT');
    expect(classify({ state: 'failed', errors: [unanswered[1]!], meta: meta() }).status).toBe('CRASH');
    expect(classify({ state: 'failed', errors: [{ name: 'UndeclaredCapability', message: 'x' }], meta: meta() }).status).toBe(
      'ERROR',
    );
    expect(
      classify({ state: 'failed', errors: [{ name: 'HarnessError', message: 'could not create a target' }], meta: meta() })
        .status,
    ).toBe('ERROR');
  });

  it('never turns a skip into a pass', () => {
    expect(classify({ state: 'skipped', errors: [], meta: meta([], { status: 'NOT_APPLICABLE', reason: 'era' }) })).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'era',
    });
    expect(classify({ state: 'skipped', errors: [], meta: undefined }).status).toBe('SKIP');
    expect(classify({ state: 'pending', errors: [], meta: meta() }).status).toBe('SKIP');
  });

  it('treats an unsupported driver command as SKIP when declared and ERROR when not', () => {
    const error = { name: 'DriverUnsupported', message: 'driver command "hid.plug" is not supported', capability: 'devices.hid' };
    expect(classify({ state: 'failed', errors: [error], meta: meta(['devices.hid']) }).status).toBe('SKIP');
    expect(classify({ state: 'failed', errors: [error], meta: meta([]) }).status).toBe('ERROR');
  });
});
