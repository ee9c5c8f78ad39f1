// The JSON Schemas of the agent protocol: each compiles strictly, accepts the
// messages the peers produce (the loopback in peer.test.ts checks every one),
// and rejects malformed ones naming where they are wrong.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { messageValidator, SCHEMA_DIR } from '../../harness/protocol/validate.ts';

const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
const check = (direction: 'runner-to-agent' | 'agent-to-runner', message: unknown) =>
  messageValidator().check(direction, message);

const hello = {
  type: 'hello',
  protocol: 1,
  implementation: { name: 'x', version: '1', language: 'javascript', eras: ['current'], platform: 'linux' },
  capabilities: ['network'],
  driverCommands: ['page.fetch'],
  restart: 'relaunch',
  targets: 'one',
};

describe('protocol schemas', () => {
  it('has one schema per message, and the driver commands, each a strict JSON Schema', () => {
    const messages = ['hello', 'welcome', 'goodbye', 'fault', 'output', 'request', 'result', 'settle'];
    expect(files.map((f) => f.replace('.schema.json', '')).sort()).toEqual(
      [...messages, 'value', 'runner-to-agent', 'agent-to-runner', 'driver-commands'].sort(),
    );
    // strictRequired is off: "not: { required: ['$'] }" (a plain object has no '$' key) is meant.
    const ajv = new Ajv({ strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
    // The driver schema's annotations: a command's capability, and a result that is nothing.
    ajv.addKeyword('x-capability');
    ajv.addKeyword('x-void');
    for (const file of files) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as object);
    for (const file of files)
      expect(ajv.getSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')).$id), file).toBeTypeOf('function');
  });

  it('accepts well-formed messages in their direction', () => {
    expect(check('agent-to-runner', hello)).toBeNull();
    expect(check('runner-to-agent', { type: 'welcome', protocol: 1, validate: true })).toBeNull();
    expect(
      check('runner-to-agent', { type: 'request', id: 3, op: 'get', target: { $: 'ref', id: 'a1' }, key: 'cookies' }),
    ).toBeNull();
    expect(
      check('agent-to-runner', {
        type: 'request',
        id: 4,
        during: 3,
        op: 'apply',
        fn: { $: 'ref', id: 'r2' },
        this: null,
        args: [1, { $: 'undefined' }],
      }),
    ).toBeNull();
    expect(
      check('agent-to-runner', {
        type: 'result',
        id: 3,
        completion: 'thrown',
        value: { $: 'error', name: 'TypeError', message: 'm', class: 'TypeError' },
      }),
    ).toBeNull();
    expect(check('agent-to-runner', { type: 'result', id: 3, completion: 'unsupported', reason: 'no' })).toBeNull();
    expect(
      check('agent-to-runner', {
        type: 'settle',
        promise: 'ap4',
        completion: 'rejected',
        value: { $: 'error', name: 'Error', message: '' },
      }),
    ).toBeNull();
    expect(check('agent-to-runner', { type: 'output', stream: 'stderr', text: 'warning\n' })).toBeNull();
    expect(
      check('runner-to-agent', {
        type: 'request',
        id: 1,
        op: 'target.create',
        options: { era: 'e9', userDataDir: '/tmp/u', switches: { a: 'b' } },
      }),
    ).toBeNull();
    const schemes = [{ scheme: 'app', privileges: { standard: true, secure: true } }, { scheme: 'plain' }];
    expect(
      check('runner-to-agent', {
        type: 'request',
        id: 1,
        op: 'target.create',
        options: { era: 'e9', userDataDir: '/tmp/u', privilegedSchemes: schemes },
      }),
    ).toBeNull();
  });

  it('rejects malformed messages and says where', () => {
    expect(check('agent-to-runner', { ...hello, protocol: 'one' })).toMatch(/"hello" message is invalid at \/protocol/);
    expect(check('agent-to-runner', { ...hello, implementation: { ...hello.implementation, eras: ['e10'] } })).toMatch(
      /\/implementation\/eras\/0/,
    );
    expect(check('runner-to-agent', { type: 'request', id: 1, op: 'get', target: { $: 'ref', id: 'a1' } })).toMatch(
      /"request" message is invalid/,
    );
    expect(check('agent-to-runner', { type: 'result', id: 1, completion: 'returned' })).toMatch(/"result" message is invalid/);
    expect(
      check('agent-to-runner', {
        type: 'result',
        id: 1,
        completion: 'returned',
        value: { $: 'bytes', kind: 'Buffer', v: 'not base64!' },
      }),
    ).toMatch(/invalid/);
    expect(check('agent-to-runner', { type: 'result', id: 1, completion: 'returned', value: { $: 'mystery' } })).toMatch(
      /invalid/,
    );
    const create = (privilegedSchemes: unknown) => ({
      type: 'request',
      id: 1,
      op: 'target.create',
      options: { era: 'e9', userDataDir: '/u', privilegedSchemes },
    });
    expect(check('runner-to-agent', create([{ privileges: { standard: true } }]))).toMatch(/privilegedSchemes\/0/);
    expect(check('runner-to-agent', create([{ scheme: 'app', privileges: { standard: 'yes' } }]))).toMatch(
      /privilegedSchemes\/0\/privileges\/standard/,
    );
    // Only the runner creates targets and drives.
    expect(check('agent-to-runner', { type: 'request', id: 1, op: 'target.dispose', target: 't1' })).toMatch(/invalid/);
    expect(check('runner-to-agent', hello)).toMatch(/invalid/);
  });
});
