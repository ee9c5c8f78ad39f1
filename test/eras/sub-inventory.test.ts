// The second level of the inventory: its loader, its provenance record and
// the document parser that produced it.

import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { ERA_TAGS, MODULE_ONLY, parseOwnerDoc } from '../../harness/eras/generate-sub-inventory.ts';
import {
  allSubMemberNames,
  hasSubMember,
  loadSubInventory,
  subMemberOf,
  subMembersOf,
  subOwnerOf,
} from '../../contract/eras/sub-inventory.ts';

describe('sub-inventory.json', () => {
  const inventory = loadSubInventory();

  it('records, per era, the Electron tag, commit and document blobs it was read from', () => {
    for (const era of ERA_IDS) {
      const e = inventory.eras[era];
      expect(e.repo).toBe('electron/electron');
      expect(e.ref).toBe(ERA_TAGS[era]);
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      const documents = ['docs/api/cookies.md', 'docs/api/web-request.md', 'docs/api/protocol.md'];
      // ServiceWorkers came with Electron 9.
      if (era !== 'legacy') documents.push('docs/api/service-workers.md');
      documents.push('docs/api/download-item.md');
      expect(e.sources.map((s) => s.path)).toEqual(documents);
      for (const s of e.sources) expect(s.blob).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('names every member after its owner, once per era', () => {
    for (const era of ERA_IDS) {
      const names = subMembersOf(era).map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
      for (const m of subMembersOf(era)) {
        expect(subOwnerOf(m.name)).toBe(m.owner);
        expect(m.name.startsWith(`${m.owner}.`)).toBe(true);
        expect(m.anchor).toMatch(/^[a-z0-9-]+$/);
      }
    }
  });

  it('has the Cookies members in every era, with the legacy era taking callbacks', () => {
    for (const era of ERA_IDS) {
      for (const name of ['cookies.get', 'cookies.set', 'cookies.remove', 'cookies.flushStore', "cookies.on('changed')"]) {
        expect(hasSubMember(era, name), `${era} ${name}`).toBe(true);
      }
    }
    expect(subMemberOf('legacy', 'cookies.get')!.signature).toBe('cookies.get(filter, callback)');
    expect(subMemberOf('current', 'cookies.get')!.signature).toBe('cookies.get(filter)');
  });

  it('follows the protocol API through the eras', () => {
    expect(hasSubMember('current', 'protocol.handle')).toBe(true);
    expect(hasSubMember('e17', 'protocol.handle')).toBe(false);
    expect(hasSubMember('e12', 'protocol.isProtocolRegistered')).toBe(true);
    expect(hasSubMember('legacy', 'protocol.isProtocolRegistered')).toBe(false);
    expect(subMemberOf('current', 'protocol.registerStringProtocol')!.deprecated).toBe(true);
  });

  it('keeps module-only protocol methods out of the members', () => {
    for (const era of ERA_IDS) {
      for (const name of inventory.eras[era].moduleOnly) {
        expect(MODULE_ONLY).toContain(name);
        expect(hasSubMember(era, name)).toBe(false);
      }
    }
    expect(allSubMemberNames()).not.toContain('protocol.registerSchemesAsPrivileged');
  });

  it('follows DownloadItem through the eras, its savePath property from 9', () => {
    for (const era of ERA_IDS) expect(hasSubMember(era, "downloadItem.on('done')"), era).toBe(true);
    expect(hasSubMember('legacy', 'downloadItem.savePath')).toBe(false);
    expect(subMemberOf('e9', 'downloadItem.savePath')!.kind).toBe('property');
    expect(hasSubMember('e17', 'downloadItem.getEndTime')).toBe(false);
    expect(hasSubMember('current', 'downloadItem.getEndTime')).toBe(true);
  });

  it('tells first-level names from second-level ones', () => {
    expect(subOwnerOf('ses.cookies')).toBeUndefined();
    expect(subOwnerOf('webRequest.onCompleted')).toBe('webRequest');
  });
});

describe('the document parser', () => {
  const doc = [
    '## Class: Widgets',
    '### Instance Events',
    "#### Event: 'spun'",
    '```js',
    '#### `widgets.fake()` inside a code fence',
    '```',
    '### Instance Methods',
    '#### `widgets.spin(speed[, callback])`',
    '#### `widgets.stop()` _Deprecated_',
    '#### `other.thing()`',
    '### Instance Properties',
    '#### `widgets.speed`',
  ].join('\n');

  it('reads events, methods and properties of the owner only, outside code fences', () => {
    const { members } = parseOwnerDoc(doc, 'widgets' as never);
    expect(members.map((m) => [m.name, m.kind, m.signature])).toEqual([
      ["widgets.on('spun')", 'event', "Event: 'spun'"],
      ['widgets.spin', 'method', 'widgets.spin(speed[, callback])'],
      ['widgets.stop', 'method', 'widgets.stop()'],
      ['widgets.speed', 'property', 'widgets.speed'],
    ]);
    expect(members[2]!.deprecated).toBe(true);
    expect(members[1]!.anchor).toBe('widgetsspinspeed-callback');
  });
});
