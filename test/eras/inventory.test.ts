import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ERA_IDS, ERAS, type EraId } from '../../contract/eras/eras.ts';
import { generateInventory, parseSeed, serializeInventory } from '../../harness/eras/build-inventory.ts';
import { INVENTORY_PATH, REPO_ROOT, defaultSeedsDir } from '../../harness/eras/generate-inventory.ts';
import { describeInventoryDiff } from '../../harness/eras/inventory-diff.ts';
import { githubSlug, parseMemberHeading } from '../../harness/eras/seed-headings.ts';
import {
  allMemberNames,
  erasOfMember,
  hasMember,
  loadInventory,
  memberOf,
  membersOf,
  type Inventory,
} from '../../contract/eras/inventory.ts';

const seedsDir = defaultSeedsDir();
const haveSeeds = existsSync(seedsDir);
const noSeeds = haveSeeds ? '' : ` [SKIPPED: seeds directory ${seedsDir} does not exist; set SESSION_SEEDS_DIR]`;

describe('generator', () => {
  it.skipIf(!haveSeeds)(`reproduces the checked-in inventory.json byte for byte${noSeeds}`, () => {
    const fresh = serializeInventory(generateInventory(seedsDir));
    expect(fresh).toBe(readFileSync(INVENTORY_PATH, 'utf8'));
  });

  it.skipIf(!haveSeeds)(`--check exits 0 on the checked-in file${noSeeds}`, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'harness/eras/generate-inventory.ts', '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!haveSeeds)(`--check exits 1 with a summary when a seed changed${noSeeds}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'));
    try {
      for (const e of ERAS) copyFileSync(path.join(seedsDir, e.seed), path.join(dir, e.seed));
      appendFileSync(path.join(dir, ERAS[0]!.seed), '\n#### `ses.madeUpProperty`\n\nx\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'harness/eras/generate-inventory.ts', '--check'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, SESSION_SEEDS_DIR: dir },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('out of date');
      expect(r.stderr).toContain('legacy: + ses.madeUpProperty (new in the seed)');
      expect(r.stderr).toContain('legacy: seed content changed');
      expect(r.stderr).toContain('"properties":4');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inventory.json', () => {
  const inv = loadInventory();

  it('has the expected shape and era order', () => {
    expect(inv.schemaVersion).toBe(1);
    expect(Object.keys(inv.eras)).toEqual([...ERA_IDS]);
    for (const e of ERAS) {
      expect(inv.eras[e.id].era).toBe(e.id);
      expect(inv.eras[e.id].seed).toBe(e.seed);
      expect(inv.eras[e.id].seedSha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  const expectedCounts: Record<EraId, Inventory['eras'][EraId]['counts']> = {
    legacy: { module: 2, events: 1, methods: 16, properties: 3, total: 22 },
    e9: { module: 2, events: 6, methods: 34, properties: 6, total: 48 },
    e12: { module: 2, events: 12, methods: 40, properties: 8, total: 62 },
    e17: { module: 2, events: 15, methods: 43, properties: 8, total: 68 },
    current: { module: 3, events: 21, methods: 48, properties: 8, total: 80 },
  };

  for (const era of ERA_IDS) {
    it(`${era} counts are ${JSON.stringify(expectedCounts[era])} and match its members`, () => {
      const e = inv.eras[era];
      expect(e.counts).toEqual(expectedCounts[era]);
      const m = e.members;
      expect(m.length).toBe(e.counts.total);
      expect(m.filter((x) => x.owner === 'module').length).toBe(e.counts.module);
      const ses = m.filter((x) => x.owner === 'session');
      expect(ses.filter((x) => x.kind === 'event').length).toBe(e.counts.events);
      expect(ses.filter((x) => x.kind === 'method').length).toBe(e.counts.methods);
      expect(ses.filter((x) => x.kind === 'property').length).toBe(e.counts.properties);
    });
  }

  it('current documents exactly 3 module members, 21 events, 48 methods, 8 properties', () => {
    expect(inv.eras.current.counts).toEqual({ module: 3, events: 21, methods: 48, properties: 8, total: 80 });
    expect(
      membersOf('current')
        .filter((m) => m.owner === 'module')
        .map((m) => m.name),
    ).toEqual(['session.fromPartition', 'session.fromPath', 'session.defaultSession']);
  });

  for (const era of ERA_IDS) {
    it(`${era} members follow the naming scheme, with unique names and anchors`, () => {
      const ms = membersOf(era);
      expect(new Set(ms.map((m) => m.name)).size).toBe(ms.length);
      expect(new Set(ms.map((m) => m.anchor)).size).toBe(ms.length);
      for (const m of ms) {
        expect(m.signature).toMatch(/^[\x20-\x7e]+$/);
        expect(m.anchor).toMatch(/^[a-z0-9_-]+$/);
        if (m.kind === 'event') {
          expect(m.owner).toBe('session');
          expect(m.name).toMatch(/^ses\.on\('[a-z0-9-]+'\)$/);
          const ev = /^ses\.on\('(.+)'\)$/.exec(m.name)![1];
          expect(m.signature).toBe(`Event: '${ev}'`);
          expect(m.anchor.startsWith(`event-${ev}`)).toBe(true);
        } else {
          const prefix = m.owner === 'module' ? 'session.' : 'ses.';
          expect(m.name).toMatch(/^(session|ses)\.[A-Za-z]+$/);
          expect(m.name.startsWith(prefix)).toBe(true);
          if (m.kind === 'method') expect(m.signature).toMatch(new RegExp(`^${m.name.replace('.', '\\.')}\\(.*\\)$`));
          else expect(m.signature).toBe(m.name);
        }
      }
    });
  }
});

describe('spot checks per era', () => {
  it('legacy: callback API, a single event, no later additions', () => {
    expect(memberOf('legacy', 'ses.getCacheSize')?.signature).toBe('ses.getCacheSize(callback)');
    expect(memberOf('legacy', 'ses.clearStorageData')?.signature).toBe('ses.clearStorageData([options, callback])');
    expect(memberOf('legacy', 'ses.setProxy')?.signature).toBe('ses.setProxy(config, callback)');
    // Its heading sits one level higher than its siblings; it must still be found.
    expect(memberOf('legacy', 'ses.resolveProxy')).toMatchObject({
      signature: 'ses.resolveProxy(url, callback)',
      anchor: 'sesresolveproxyurl-callback',
    });
    expect(memberOf('legacy', 'ses.clearHostResolverCache')?.signature).toBe('ses.clearHostResolverCache([callback])');
    expect(hasMember('legacy', 'ses.fetch')).toBe(false);
    expect(hasMember('legacy', 'session.fromPath')).toBe(false);
    expect(hasMember('legacy', 'ses.setPermissionCheckHandler')).toBe(false);
    expect(
      membersOf('legacy')
        .filter((m) => m.kind === 'event')
        .map((m) => m.name),
    ).toEqual(["ses.on('will-download')"]);
    expect(memberOf('legacy', 'ses.cookies')?.readonly).toBeUndefined();
  });

  it('e9: promises, preconnect, spellchecker; its translated fromPartition heading is found in English', () => {
    expect(hasMember('e9', 'ses.preconnect')).toBe(true);
    expect(hasMember('e9', "ses.on('preconnect')")).toBe(true);
    expect(memberOf('e9', 'ses.getCacheSize')?.signature).toBe('ses.getCacheSize()');
    expect(memberOf('e9', 'session.fromPartition')).toEqual({
      name: 'session.fromPartition',
      owner: 'module',
      kind: 'method',
      signature: 'session.fromPartition(partition[, options])',
      anchor: 'sessionfrompartitionpartition-options',
    });
    expect(memberOf('e9', "ses.on('will-download')")?.anchor).toBe('event-will-download');
    expect(memberOf('e9', 'ses.loadExtension')?.signature).toBe('ses.loadExtension(path)');
    expect(memberOf('e9', 'ses.netLog')).toMatchObject({ kind: 'property', readonly: true });
    expect(hasMember('e9', 'ses.forceReloadProxyConfig')).toBe(false);
  });

  it('e12: proxy reload, closeAllConnections, experimental serial events (French headings)', () => {
    expect(hasMember('e12', 'ses.forceReloadProxyConfig')).toBe(true);
    expect(hasMember('e12', 'ses.closeAllConnections')).toBe(true);
    expect(memberOf('e12', 'ses.loadExtension')?.signature).toBe('ses.loadExtension(path[, options])');
    expect(memberOf('e12', "ses.on('select-serial-port')")).toMatchObject({
      experimental: true,
      signature: "Event: 'select-serial-port'",
      anchor: 'event-select-serial-port-experimental',
    });
    expect(memberOf('e12', "ses.on('will-download')")?.signature).toBe("Event: 'will-download'");
    expect(hasMember('e12', "ses.on('select-hid-device')")).toBe(false);
  });

  it('e17: HID chooser and device permission handler (plain text)', () => {
    expect(hasMember('e17', "ses.on('select-hid-device')")).toBe(true);
    expect(memberOf('e17', "ses.on('select-hid-device')")).toMatchObject({
      signature: "Event: 'select-hid-device'",
      anchor: 'event-select-hid-device',
    });
    expect(memberOf('e17', 'ses.setDevicePermissionHandler')?.signature).toBe('ses.setDevicePermissionHandler(handler)');
    expect(memberOf('e17', 'ses.cookies')).toMatchObject({ readonly: true, anchor: 'sescookies-readonly' });
    expect(memberOf('e17', 'ses.spellCheckerEnabled')?.readonly).toBeUndefined();
    expect(hasMember('e17', "ses.on('hid-device-revoked')")).toBe(false);
    expect(hasMember('e17', 'ses.fetch')).toBe(false);
  });

  it('current: fromPath, fetch, USB events, platform-only Bluetooth pairing', () => {
    expect(memberOf('current', 'session.fromPath')?.signature).toBe('session.fromPath(path[, options])');
    expect(memberOf('current', 'ses.fetch')?.signature).toBe('ses.fetch(input[, init])');
    expect(memberOf('current', 'ses.setProxy')?.anchor).toBe('sessetproxyconfig');
    expect(hasMember('current', "ses.on('usb-device-revoked')")).toBe(true);
    expect(memberOf('current', 'ses.setBluetoothPairingHandler')).toMatchObject({
      platforms: ['Windows', 'Linux'],
      anchor: 'sessetbluetoothpairinghandlerhandler-windows-linux',
    });
    expect(memberOf('current', 'session.defaultSession')).toMatchObject({ owner: 'module', kind: 'property' });
  });
});

describe('loader helpers', () => {
  it('erasOfMember follows the members through time', () => {
    expect(erasOfMember('ses.setProxy')).toEqual(['legacy', 'e9', 'e12', 'e17', 'current']);
    expect(erasOfMember('ses.preconnect')).toEqual(['e9', 'e12', 'e17', 'current']);
    expect(erasOfMember("ses.on('select-hid-device')")).toEqual(['e17', 'current']);
    expect(erasOfMember('session.fromPath')).toEqual(['current']);
    expect(erasOfMember('ses.noSuchThing')).toEqual([]);
  });

  it('no member disappears from a later era once documented', () => {
    for (const name of allMemberNames()) {
      const eras = erasOfMember(name);
      const first = ERA_IDS.indexOf(eras[0]!);
      expect(eras).toEqual(ERA_IDS.slice(first));
    }
  });

  it('allMemberNames is the union of all eras, each once', () => {
    const names = allMemberNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(80);
    expect(names.slice(0, 3)).toEqual(['session.fromPartition', 'session.defaultSession', "ses.on('will-download')"]);
  });

  it('caches the loaded inventory', () => {
    expect(loadInventory()).toBe(loadInventory());
  });

  it('rejects an unknown era', () => {
    expect(() => membersOf('e10' as EraId)).toThrow(/unknown era id/);
  });
});

describe('heading parser (synthetic input)', () => {
  it('parses call forms, properties, events and markers', () => {
    expect(parseMemberHeading('`ses.doThing(a[, b])`')).toMatchObject({
      name: 'ses.doThing',
      owner: 'session',
      kind: 'method',
      signature: 'ses.doThing(a[, b])',
    });
    expect(parseMemberHeading('`ses.thing` _Readonly_')).toMatchObject({ kind: 'property', readonly: true });
    expect(parseMemberHeading('ses.thing Readonly')).toMatchObject({ kind: 'property', readonly: true, signature: 'ses.thing' });
    expect(parseMemberHeading('`ses.x()` _macOS_')).toMatchObject({ platforms: ['macOS'], englishHeading: 'ses.x() macOS' });
    expect(parseMemberHeading('Event: \u2018some-event\u2019')).toMatchObject({
      name: "ses.on('some-event')",
      signature: "Event: 'some-event'",
    });
    expect(parseMemberHeading("Kaganapan: 'a-b'")?.name).toBe("ses.on('a-b')");
    expect(parseMemberHeading("\u00c9v\u00e9nement : 'a-b' _Exp\u00e9rimental_")).toMatchObject({
      experimental: true,
      englishHeading: "Event: 'a-b' Experimental",
    });
    expect(parseMemberHeading("session.defaultSession.on('x', (e) => {")).toBeNull();
    expect(parseMemberHeading("session.fromPartition('p').foo()")).toBeNull();
    expect(parseMemberHeading('console.log(ses.getUserAgent())')).toBeNull();
    expect(parseMemberHeading('Returns:')).toBeNull();
  });

  it('slugs headings like GitHub', () => {
    expect(githubSlug('ses.setProxy(config)')).toBe('sessetproxyconfig');
    expect(githubSlug("Event: 'will-download'")).toBe('event-will-download');
    expect(githubSlug('ses.setUserAgent(userAgent[, acceptLanguages])')).toBe('sessetuseragentuseragent-acceptlanguages');
  });

  it('reads plain text headings only when they stand alone', () => {
    const doc = ['Instance Methods', '', 'ses.one()', '', 'text', 'ses.two()', '', '  ses.three()', '', 'ses.four(a)', ''].join(
      '\n',
    );
    expect(parseSeed(doc, 'plain').map((m) => m.name)).toEqual(['ses.one', 'ses.four']);
  });

  it.skipIf(!haveSeeds)(`--check reports an unparseable seed without a stack trace${noSeeds}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'));
    try {
      for (const e of ERAS) copyFileSync(path.join(seedsDir, e.seed), path.join(dir, e.seed));
      appendFileSync(path.join(dir, ERAS[0]!.seed), '\n#### `ses.madeUpMethod(arg)`\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'harness/eras/generate-inventory.ts', '--check'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, SESSION_SEEDS_DIR: dir },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('under a section of session properties');
      expect(r.stderr).not.toContain('    at ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ignores headings in code fences and rejects members outside their section', () => {
    const md = ['# t', '## Methods', '```', '# ses.fake()', '```', '### `session.make(x)`', ''].join('\n');
    expect(parseSeed(md, 'markdown').map((m) => m.name)).toEqual(['session.make']);
    expect(() => parseSeed('## Methods\n### `ses.wrong()`\n', 'markdown')).toThrow(/under a section of module methods/);
    expect(() => parseSeed('## Unheard Of Section\n', 'markdown')).toThrow(/unrecognised heading/);
  });

  it('describes differences between inventories', () => {
    const a = loadInventory();
    const b = structuredClone(a) as Inventory;
    b.eras.e9.members = b.eras.e9.members.filter((m) => m.name !== 'ses.preconnect');
    b.eras.e9.members[0]!.anchor = 'changed';
    const d = describeInventoryDiff(a, b);
    expect(d).toContain('e9: - ses.preconnect (no longer in the seed)');
    expect(d.some((l) => l.startsWith('e9: ~ session.fromPartition'))).toBe(true);
    expect(describeInventoryDiff(a, structuredClone(a))).toEqual([]);
  });
});
