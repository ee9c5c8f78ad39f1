// The driver's commands are described once, in driver-commands.schema.json:
// the TypeScript map in contract/ is generated from it, every capability a
// command names is one the harness knows, and --validate-protocol checks
// driver arguments and results against it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCapability } from '../../contract/capabilities.ts';
import { DRIVER_COMMANDS } from '../../contract/driver-commands.ts';
import { OUTPUT_PATH, readDriverSchema, renderDriverCommands } from '../../harness/protocol/driver/generate-driver-commands.ts';
import { driverValidator } from '../../harness/protocol/validate.ts';

describe('driver command schema', () => {
  it('generates contract/driver-commands.ts exactly (run the generator after changing the schema)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(renderDriverCommands(readDriverSchema()));
  });

  it('names a known capability for every command, and the generated map agrees', () => {
    const commands = readDriverSchema().$defs.commands.properties;
    for (const [name, def] of Object.entries(commands)) {
      expect(isCapability(def['x-capability']), name).toBe(true);
      expect(DRIVER_COMMANDS[name as keyof typeof DRIVER_COMMANDS]).toBe(def['x-capability']);
    }
    expect(Object.keys(DRIVER_COMMANDS).sort()).toEqual(Object.keys(commands).sort());
  });

  it('accepts well-formed arguments and results, with any value as a session handle', () => {
    const v = driverValidator();
    expect(v.check('page.fetch', 'args', { session: { handle: 1 }, url: 'https://a.test/', method: 'POST' })).toBeNull();
    expect(v.check('page.fetch', 'result', { status: 200, headers: { a: 'b' }, body: '' })).toBeNull();
    expect(v.check('hints.preconnect', 'result', undefined)).toBeNull();
    expect(v.check('storage.getLocalStorage', 'result', null)).toBeNull();
  });

  it('rejects a missing argument, an unknown one, and a result of the wrong shape, saying where', () => {
    const v = driverValidator();
    expect(v.check('page.fetch', 'args', { session: {} })).toMatch(
      /^driver page\.fetch args is invalid at \(value\): must have required property 'url'/,
    );
    expect(v.check('page.fetch', 'args', { session: {}, url: 'x', extra: 1 })).toMatch(/additional properties/);
    expect(v.check('page.fetch', 'result', { status: '200', headers: {}, body: '' })).toMatch(/at \/status: must be number/);
    expect(v.check('hints.preconnect', 'result', 42)).toMatch(/must be null/);
  });
});
