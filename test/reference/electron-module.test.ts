// The module users import instead of `electron`.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('session-conformance/electron', () => {
  it('exports a ready-able app and its session module', async () => {
    const { app, session, default: electron } = await import('session-conformance/electron');
    expect(electron.app).toBe(app);
    expect(app.isReady()).toBe(false);
    expect(() => session.defaultSession).toThrow('Session can only be received when app is ready');
    await app.whenReady();
    expect(app.isReady()).toBe(true);
    const ses = session.fromPartition('persist:unit') as unknown as { isPersistent(): boolean };
    expect(ses.isPersistent()).toBe(true);
    expect(app.getPath('userData')).not.toMatch(/\.config/);
  });

  it('can create independent apps for other eras', async () => {
    const { createReferenceElectron } = await import('session-conformance/electron');
    const legacy = createReferenceElectron({ era: 'legacy', userData: mkdtempSync(path.join(os.tmpdir(), 'sc-legacy-')) });
    await legacy.app.whenReady();
    const ses = legacy.session.defaultSession as unknown as Record<string, unknown>;
    expect(ses.isPersistent).toBeUndefined();
    expect(typeof ses.getUserAgent).toBe('function');
    await legacy.quit();
  });

  it('exports protocol, acting on the default session', async () => {
    const { app, session, net, protocol } = await import('session-conformance/electron');
    await app.whenReady();
    protocol.handle!('unit-scheme', () => new Response('from the module'));
    const ses = session.defaultSession as unknown as { protocol: { isProtocolHandled(s: string): boolean } };
    expect(ses.protocol.isProtocolHandled('unit-scheme')).toBe(true);
    expect(await (await net.fetch!('unit-scheme://x')).text()).toBe('from the module');
    protocol.unhandle!('unit-scheme');
    expect(protocol.isProtocolHandled!('unit-scheme')).toBe(false);
  });
});
