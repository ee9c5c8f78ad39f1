// The module users import instead of `electron` (reference/electron.ts, the
// source of `session-conformance/electron`; test/package/ runs the built one).

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const load = () => import('../../reference/electron.ts');

/** The members of Electron's App interface (electron.d.ts) with their `@platform` tags ('all' when untagged). */
function electronAppMembers(): Map<string, string[]> {
  const declarations = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8');
  const start = declarations.indexOf('  interface App extends NodeJS.EventEmitter {');
  const body = declarations.slice(start, declarations.indexOf('\n  }\n', start));
  const members = new Map<string, string[]>();
  for (const [, doc, name] of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n {4}(?:readonly )?([a-zA-Z0-9]+)\??[(:<]/g)) {
    if (['on', 'once', 'off', 'addListener', 'removeListener'].includes(name!)) continue;
    const tags = /@platform ([a-z0-9,]+)/.exec(doc!)?.[1]?.split(',') ?? ['all'];
    members.set(name!, [...new Set([...(members.get(name!) ?? []), ...tags])]);
  }
  return members;
}

describe('session-conformance/electron', () => {
  it('exports a ready-able app and its session module', async () => {
    const { app, session, protocol, default: electron } = await load();
    expect(electron.app).toBe(app);
    expect(app.isReady()).toBe(false);
    expect(() => session.defaultSession).toThrow('Session can only be received when app is ready');
    // Code at load time registers its schemes, as in Electron.
    protocol.registerSchemesAsPrivileged([{ scheme: 'unit-standard', privileges: { standard: true } }]);
    await app.whenReady();
    expect(() => protocol.registerSchemesAsPrivileged([])).toThrow(
      'protocol.registerSchemesAsPrivileged should be called before app is ready',
    );
    expect(app.isReady()).toBe(true);
    expect(session.fromPartition('persist:unit').isPersistent()).toBe(true);
    expect(app.getPath('userData')).toBe(path.join(app.getPath('appData'), 'Electron'));
    expect(app.getPath('appData').startsWith(os.tmpdir())).toBe(true);
  });

  it('can create independent apps for other eras', async () => {
    const { createReferenceElectron } = await load();
    const legacy = createReferenceElectron({ era: 'legacy', userData: mkdtempSync(path.join(os.tmpdir(), 'sc-legacy-')) });
    await legacy.app.whenReady();
    const ses = legacy.session.defaultSession as unknown as Record<string, unknown>;
    expect(ses.isPersistent).toBeUndefined();
    expect(typeof ses.getUserAgent).toBe('function');
    await legacy.quit();
  });

  it('exports protocol and netLog, acting on the default session', async () => {
    const { app, session, net, netLog, protocol } = await load();
    await app.whenReady();
    protocol.handle('unit-scheme', () => new Response('from the module'));
    expect(session.defaultSession.protocol.isProtocolHandled('unit-scheme')).toBe(true);
    expect(await (await net.fetch('unit-scheme://x')).text()).toBe('from the module');
    protocol.unhandle('unit-scheme');
    expect(protocol.isProtocolHandled('unit-scheme')).toBe(false);
    protocol.handle('unit-standard', (request) => new Response(request.url));
    expect(await (await net.fetch('unit-standard://Host:8/a/../b')).text()).toBe('unit-standard://host/b');
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'sc-netlog-')), 'net.json');
    await netLog.startLogging(log);
    expect(netLog.currentlyLogging).toBe(true);
    expect(session.defaultSession.netLog.currentlyLogging).toBe(true);
    await netLog.stopLogging();
    expect(JSON.parse(readFileSync(log, 'utf8'))).toHaveProperty('events');
  });

  it('names what it does not model when code uses it', async () => {
    const electron = await load();
    expect(() => new electron.BrowserWindow()).toThrow('session-conformance/electron does not model electron.BrowserWindow');
    expect(() => electron.ipcMain.handle('x', () => 1)).toThrow('does not model electron.ipcMain.handle');
    expect(() => electron.net.request('https://a.test/')).toThrow('does not model electron.net.request');
    // Loading code that only mentions them, or subclasses a class, works.
    class MyWindow extends electron.BrowserWindow {}
    expect(() => new MyWindow()).toThrow(electron.NotModelledError);
    expect(await Promise.resolve(electron.dialog)).toBe(electron.dialog);
  });

  it("names the App members it does not model, on the platforms Electron's declarations give them", async () => {
    const { createReferenceElectron, NotModelledError } = await load();
    const { UNMODELLED_APP_MEMBERS } = await import('../../reference/stand-in/unmodelled.ts');
    const standIn = createReferenceElectron();
    const { app } = standIn;
    // Every member of Electron's App is the reference app's own or listed, with its platforms.
    const declared = electronAppMembers();
    const { createReferenceElectron: createReference } = await import('../../reference/instance.ts');
    const plain = createReference({ appData: mkdtempSync(path.join(os.tmpdir(), 'sc-app-members-')) });
    const reference = plain.app;
    for (const [member, platforms] of declared) {
      if (member in reference && !(member in UNMODELLED_APP_MEMBERS)) continue;
      expect(UNMODELLED_APP_MEMBERS[member], member).toEqual(platforms.includes('all') ? 'all' : platforms);
    }
    expect(Object.keys(UNMODELLED_APP_MEMBERS).filter((m) => !declared.has(m))).toEqual([]);
    for (const [member, platforms] of Object.entries(UNMODELLED_APP_MEMBERS)) {
      const here = platforms === 'all' || platforms.includes(process.platform);
      expect(member in app, member).toBe(here);
    }
    // Code may test for a method, as for Electron's; calling it says what is missing.
    expect(typeof app.requestSingleInstanceLock).toBe('function');
    expect(() => app.requestSingleInstanceLock()).toThrow(NotModelledError);
    expect(() => app.relaunch()).toThrow('session-conformance/electron does not model electron.app.relaunch');
    expect(() => app.applicationMenu).toThrow('does not model electron.app.applicationMenu');
    expect(() => {
      app.applicationMenu = null;
    }).toThrow(NotModelledError);
    // What Electron lacks on this platform, the stand-in lacks too.
    const elsewhere = Object.entries(UNMODELLED_APP_MEMBERS).find(
      ([, platforms]) => platforms !== 'all' && !platforms.includes(process.platform),
    )![0];
    expect((app as unknown as Record<string, unknown>)[elsewhere]).toBeUndefined();
    await app.whenReady();
    expect(app.getName()).toBe('Electron');
    await standIn.quit();
    await plain.quit();
  });

  it('has the app members code around sessions touches', async () => {
    const { createReferenceElectron } = await load();
    const { app } = createReferenceElectron({ locale: 'fr-CA', appPath: '/srv/app' });
    expect(app.isPackaged).toBe(false);
    expect(app.getAppPath()).toBe('/srv/app');
    expect(app.getLocale()).toBe('fr-CA');
    expect(app.getLocaleCountryCode()).toBe('CA');
    expect(app.getPreferredSystemLanguages()).toEqual(['fr-CA']);
    app.setAppLogsPath();
    expect(app.getPath('logs')).toBe(path.join(app.getPath('userData'), 'logs'));
    app.disableHardwareAcceleration();
    expect(app.isHardwareAccelerationEnabled()).toBe(false);
    app.exit(3);
    const [, code] = await new Promise<unknown[]>((resolve) => app.once('quit', (...args: unknown[]) => resolve(args)));
    expect(code).toBe(3);
  });

  it('quits in Electron order, cancellable, and removes its temporary folder', async () => {
    const { createReferenceElectron } = await load();
    const { app, session } = createReferenceElectron();
    await app.whenReady();
    const appData = app.getPath('appData');
    session.defaultSession.cookies.set({ url: 'https://a.test/', name: 'n', value: 'v', expirationDate: 4e9 });
    expect(existsSync(app.getPath('userData'))).toBe(true);
    const events: string[] = [];
    let cancel = true;
    app.on('before-quit', (event) => {
      events.push('before-quit');
      if (cancel) event.preventDefault();
    });
    app.on('will-quit', () => events.push('will-quit'));
    const quitted = new Promise<void>((resolve) => app.on('quit', () => resolve()));
    app.quit();
    expect(events).toEqual(['before-quit']);
    cancel = false;
    app.quit();
    await quitted;
    expect(events).toEqual(['before-quit', 'before-quit', 'will-quit']);
    expect(existsSync(appData)).toBe(false);
  });
});

describe("the stand-in's temporary folders", () => {
  // A process that makes a stand-in app, says where its appData is, then waits to be ended.
  async function standInProcess(): Promise<{ child: ChildProcess; appData: string }> {
    const script = `const { app } = await import(${JSON.stringify(new URL('../../reference/electron.ts', import.meta.url).href)});
      console.log(app.getPath('appData')); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    return { child, appData: line.toString().trim() };
  }

  it('are removed when a test runner ends the process with SIGTERM', async () => {
    const { child, appData } = await standInProcess();
    expect(existsSync(appData)).toBe(true);
    child.kill('SIGTERM');
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGTERM');
    expect(existsSync(appData)).toBe(false);
  });

  it('hook the process once however many copies of the module are loaded, as jest loads one per test file', async () => {
    const before = ['exit', 'SIGTERM', 'SIGINT'].map((event) => process.listenerCount(event));
    const made: { folder: string; remove: (folder: string) => void }[] = [];
    for (let copy = 0; copy < 12; copy++) {
      const module = (await import(
        /* @vite-ignore */ `../../reference/stand-in/temporary-folders.ts?copy=${copy}`
      )) as typeof import('../../reference/stand-in/temporary-folders.ts');
      made.push({ folder: module.createTemporaryFolder(), remove: module.removeTemporaryFolder });
    }
    const after = ['exit', 'SIGTERM', 'SIGINT'].map((event) => process.listenerCount(event));
    after.forEach((count, i) => expect(count - before[i]!).toBeLessThanOrEqual(1));
    for (const { folder, remove } of made) {
      expect(existsSync(folder)).toBe(true);
      remove(folder);
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('of a killed process are swept by the next stand-in', async () => {
    const { child, appData } = await standInProcess();
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(existsSync(appData)).toBe(true);
    const { sweepAbandoned } = await import('../../reference/stand-in/temporary-folders.ts');
    expect(sweepAbandoned()).toBeGreaterThanOrEqual(1);
    expect(existsSync(appData)).toBe(false);
  });
});

describe('a process using the stand-in', () => {
  it('ends by itself once the app quits, also after a PAC script ran', async () => {
    // A file, not -e: a worker thread inherits the process's flags, and -e is not one it takes.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sc-exit-')), 'app.mjs');
    writeFileSync(
      file,
      `const { app, session } = await import(${JSON.stringify(new URL('../../reference/electron.ts', import.meta.url).href)});
      await app.whenReady();
      const pac = 'function FindProxyForURL(url, host) { return "PROXY proxy.test:8080"; }';
      await session.defaultSession.setProxy({ pacScript: 'data:application/x-ns-proxy-autoconfig,' + encodeURIComponent(pac) });
      console.log(await session.defaultSession.resolveProxy('http://a.test/'));
      app.quit();`,
    );
    // A process that does not end by itself is killed after 30 s (and the test fails on its signal).
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    const [code, signal] = await once(child, 'exit');
    expect(output.trim()).toBe('PROXY proxy.test:8080');
    expect([code, signal]).toEqual([0, null]);
  }, 60_000);
});
