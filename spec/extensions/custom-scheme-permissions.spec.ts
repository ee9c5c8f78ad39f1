// A host permission of a scheme the app registered as standard
// (protocol.registerSchemesAsPrivileged) is still no URL pattern to an
// extension: Chromium parses manifest host permissions with the fixed
// scheme mask of extension host permissions (http, https, ws, wss, ftp,
// file, chrome and, lately, uuid-in-package), and only an extension
// allowed to script everywhere (component or allowlisted, never one
// session.loadExtension loads) gets every scheme. Registering the scheme
// makes its URLs standard elsewhere (webRequest filters, proxy
// resolution), but not here: the permission draws the unknown-permission
// warning as an unregistered scheme does. The extension is a Manifest V2
// one: in Manifest V3, `permissions` takes no host patterns at all (every
// one draws the warning; they belong in host_permissions there).

import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  manifestOf,
  mv2Deprecation,
  persistentSession,
  takeLoadWarnings,
  warningText,
  writeExtension,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'should',
  basis: 'electron',
  summary:
    "A host permission of an app's registered standard scheme is an unknown permission to the extension, as one of an unregistered scheme is; http patterns beside it are accepted.",
});

const t = useTarget(meta, { env: {}, privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });

beforeEach(async (ctx) => {
  if (!(ctx.task.meta as { conformance?: { gate?: unknown } }).conformance?.gate) await takeLoadWarnings(t);
});

describe('ses.loadExtension host permissions of a registered standard scheme', () => {
  it('warns that they are unknown permissions, as for an unregistered scheme', async () => {
    const permissions = ['app://*/*', 'app://host.test/', 'other://*/*', 'https://*/*', '<all_urls>'];
    const dir = await writeExtension(join(await t.tempDir(), 'scheme-hosts'), manifestOf(2, { permissions }));
    await persistentSession(t).loadExtension(dir);
    expect(await takeLoadWarnings(t)).toEqual([
      warningText(t.era, dir, [
        ...mv2Deprecation(t.era),
        "Permission 'app://*/*' is unknown or URL pattern is malformed.",
        "Permission 'app://host.test/' is unknown or URL pattern is malformed.",
        "Permission 'other://*/*' is unknown or URL pattern is malformed.",
      ]),
    ]);
  });
});
