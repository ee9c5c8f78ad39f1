// The driver contract: a command the target does not implement rejects at
// once with DriverUnsupported (naming the command and its capability), and
// a target implements commands only for capabilities it declares. It reads
// the target's own driver (t.target.driver): t.driver would stop each
// command first for the capability this spec does not declare.

import { describe, expect, it } from 'vitest';
import { DRIVER_COMMANDS, type DriverCommand } from '../../harness/api/driver.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: [],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary: 'Unsupported driver commands fail fast with DriverUnsupported; supported ones match declared capabilities.',
});

const t = useTarget(meta);

function commandFn(command: DriverCommand): (args: unknown) => Promise<unknown> {
  const [ns, name] = command.split('.') as [string, string];
  return (t.target.driver as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>)[ns]![name]!;
}

describe('driver', () => {
  it('rejects every unsupported command with DriverUnsupported without waiting', async () => {
    const unsupported = (Object.keys(DRIVER_COMMANDS) as DriverCommand[]).filter((c) => !t.target.driver.supported.has(c));
    for (const command of unsupported) {
      const outcome = await Promise.race([
        commandFn(command)({}).then(
          () => 'resolved',
          (e: Error) => e,
        ),
        // Fail-fast means the rejection is already queued; a macrotask later is too late.
        new Promise((resolve) => setImmediate(() => resolve('pending'))),
      ]);
      expect(outcome, command).toBeInstanceOf(Error);
      expect((outcome as Error).name, command).toBe('DriverUnsupported');
      expect((outcome as Error).message, command).toContain(command);
    }
  });

  it('stops a command whose capability the spec did not declare, whatever the target supports', async () => {
    const command = 'hints.preconnect';
    const [ns, name] = command.split('.') as [string, string];
    const declared = (t.driver as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>)[ns]![name]!;
    const error = await declared({}).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('UndeclaredCapability');
    expect(error?.message).toContain("requires: ['network']");
  });

  it('supports commands only for capabilities the target declares', () => {
    const undeclared = [...t.target.driver.supported].filter((c) => !t.target.capabilities.has(DRIVER_COMMANDS[c]));
    expect(undeclared).toEqual([]);
  });
});
