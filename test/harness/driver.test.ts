import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../contract/capabilities.ts';
import { createDriver, DRIVER_COMMANDS, DriverUnsupported } from '../../harness/api/driver.ts';

describe('driver', () => {
  it('rejects every command it does not implement, at once, naming command and capability', async () => {
    const driver = createDriver('test', {});
    for (const [command, capability] of Object.entries(DRIVER_COMMANDS)) {
      const [ns, name] = command.split('.') as [string, string];
      const fn = (driver as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[ns]![name]!;
      const error = await fn({}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DriverUnsupported);
      expect((error as DriverUnsupported).command).toBe(command);
      expect((error as DriverUnsupported).capability).toBe(capability);
      expect(String((error as Error).message)).toContain(command);
    }
    expect(driver.supported.size).toBe(0);
  });

  it('routes implemented commands and lists them as supported', async () => {
    const driver = createDriver('test', { 'storage.getLocalStorage': ({ key }) => `value of ${key}` });
    await expect(driver.storage.getLocalStorage({ session: {}, origin: 'https://a.test', key: 'k' })).resolves.toBe('value of k');
    expect([...driver.supported]).toEqual(['storage.getLocalStorage']);
  });

  it('maps every command to a known capability', () => {
    for (const capability of Object.values(DRIVER_COMMANDS)) expect(CAPABILITIES).toContain(capability);
  });
});
