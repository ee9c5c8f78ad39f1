// The app-wide scheme registration of the reference's protocol module, which
// specs cannot reach (targets are ready before a spec runs): each era's
// member, its argument errors and its refusal after ready, the launch
// option that calls it, and how a registered standard scheme's URLs read.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EraId } from '../../../contract/eras/eras.ts';
import { createReferenceElectron, type ReferenceElectron, type ReferenceOptions } from '../../../reference/instance.ts';

const apps: { electron: ReferenceElectron; dir: string }[] = [];

function app(era: EraId, options: ReferenceOptions = {}): ReferenceElectron {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemes-'));
  const electron = createReferenceElectron({ era, userData: dir, ...options });
  apps.push({ electron, dir });
  return electron;
}

afterEach(async () => {
  for (const { electron, dir } of apps.splice(0)) {
    await electron.quit();
    rmSync(dir, { recursive: true, force: true });
  }
});

const NOT_AN_ARRAY = 'Argument must be an array of custom schemes.';

describe('protocol.registerSchemesAsPrivileged', () => {
  it('refuses what does not convert to custom schemes, with Electron errors', () => {
    const { protocol } = app('current');
    const register = protocol.registerSchemesAsPrivileged!;
    expect(() => register()).toThrow(new TypeError('Insufficient number of arguments.'));
    const holey: unknown[] = [{ scheme: 'a' }];
    holey[2] = { scheme: 'b' };
    for (const bad of [undefined, 'app', { scheme: 'app' }, [null], ['app'], [{}], [{ scheme: 1 }], holey]) {
      expect(() => register(bad), JSON.stringify(bad)).toThrow(new Error(NOT_AN_ARRAY));
    }
    expect(() => register([{ scheme: 'cc', privileges: { codeCache: true } }])).toThrow(
      new Error('Code cache can only be enabled when the custom scheme is registered as standard scheme.'),
    );
    expect(() => register([])).not.toThrow();
  });

  it('reads privileges for their truth and registers standard ones', () => {
    const { protocol, app: application } = app('current');
    protocol.registerSchemesAsPrivileged!([{ scheme: 'std', privileges: { standard: 1, secure: 'yes' } }, { scheme: 'plain' }]);
    expect(application.urlSchemes.isStandard('std')).toBe(true);
    expect(application.urlSchemes.isSecure('std')).toBe(true);
    expect(application.urlSchemes.isStandard('plain')).toBe(false);
  });

  it('throws once the app is ready, before reading its argument', async () => {
    const electron = app('e12');
    await electron.app.whenReady();
    expect(() => electron.protocol.registerSchemesAsPrivileged!('not even an array')).toThrow(
      new Error('protocol.registerSchemesAsPrivileged should be called before app is ready'),
    );
  });

  it('has no codeCache privilege before the current era', () => {
    const electron = app('e17');
    expect(() =>
      electron.protocol.registerSchemesAsPrivileged!([{ scheme: 'cc', privileges: { codeCache: true } }]),
    ).not.toThrow();
  });
});

describe('protocol.registerStandardSchemes (1.x)', () => {
  it('converts its argument first, then refuses after ready', async () => {
    const electron = app('legacy');
    expect(electron.protocol.registerSchemesAsPrivileged).toBeUndefined();
    expect(() => electron.protocol.registerStandardSchemes!(['a', 1])).toThrow(TypeError);
    expect(() => electron.protocol.registerStandardSchemes!('a')).toThrow(
      new TypeError('Error processing argument at index 0, conversion failure from a'),
    );
    await electron.app.whenReady();
    expect(() => electron.protocol.registerStandardSchemes!(['a'])).toThrow(
      new Error('protocol.registerStandardSchemes should be called before app is ready'),
    );
  });

  it('replaces the list of standard schemes, which stay standard', () => {
    const electron = app('legacy');
    electron.protocol.registerStandardSchemes!(['one'], { secure: 1 });
    electron.protocol.registerStandardSchemes!(['two'], { secure: true });
    expect(electron.app.urlSchemes.standardSchemes()).toEqual(['two']);
    expect(electron.app.urlSchemes.isStandard('one')).toBe(true);
    expect(electron.app.urlSchemes.isSecure('one')).toBe(false);
    expect(electron.app.urlSchemes.isSecure('two')).toBe(true);
  });
});

describe('launch option', () => {
  it('registers through the era member, and 1.x takes standard schemes only, all secure or none', () => {
    expect(
      app('e9', { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true } }] }).app.urlSchemes.isStandard('app'),
    ).toBe(true);
    const legacy = app('legacy', { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });
    expect(legacy.app.urlSchemes.standardSchemes()).toEqual(['app']);
    expect(() =>
      app('legacy', {
        privilegedSchemes: [
          { scheme: 'a', privileges: { standard: true } },
          { scheme: 'b', privileges: { standard: true, secure: true } },
        ],
      }),
    ).toThrow(/standard schemes only, all secure or none/);
    expect(() => app('legacy', { privilegedSchemes: [{ scheme: 'a', privileges: { supportFetchAPI: true } }] })).toThrow(
      /standard schemes only/,
    );
  });
});

describe('a standard scheme URL', () => {
  it('canonicalizes like http without user info or port, and is invalid without a host', () => {
    const { app: application } = app('current', { privilegedSchemes: [{ scheme: 'app', privileges: { standard: true } }] });
    const canonical = (text: string) => application.urlSchemes.canonical(new URL(text))?.href ?? null;
    expect(canonical('app://foo')).toBe('app://foo/');
    expect(canonical('app:///foo')).toBe('app://foo/');
    expect(canonical('app://foo:1234')).toBe('app://foo/');
    expect(canonical('app://user:pw@Foo.EXAMPLE:99/a/./b/../c?q#f')).toBe('app://foo.example/a/c?q#f');
    expect(canonical('app:\\\\foo\\bar')).toBe('app://foo/bar');
    expect(canonical('app://[::1]:5/')).toBe('app://[::1]/');
    expect(canonical('app://')).toBeNull();
    expect(canonical('other://foo:1234')).toBe('other://foo:1234');
  });
});
