// The extensions area: ses.loadExtension / removeExtension / getExtension /
// getAllExtensions and the extension-loaded / -unloaded / -ready events,
// over real unpacked extension folders validated as Chromium's loader
// validates them, and the chrome-extension:// files they open to the
// session's pages. Its driver reports the ExtensionLoadWarnings the process
// emitted. `extensions.openBackground` (an extension's background page)
// needs a renderer the reference does not have: it stays unsupported.

import type { Area } from '../area.ts';
import { EXTENSION_ERAS } from './era-rules.ts';
import { EXTENSION_MEMBERS } from './extension-members.ts';
import { extensionService } from './extension-service.ts';
import { takeLoadWarnings } from './load-warnings.ts';
import { extensionResourceStage } from './resource-stage.ts';

export const extensionsArea: Area = {
  id: 'extensions',
  summary: 'ses.loadExtension, removeExtension, getExtension, getAllExtensions and the extension events',
  sessionMembers: EXTENSION_MEMBERS,
  network(_hooks, services, network) {
    // Where Chromium's extension URL loader sits for a page: each hop, before it is sent anywhere.
    if (EXTENSION_ERAS[services.era])
      network.stages.join(
        extensionResourceStage(() => services.use(extensionService)),
        { before: 'hop' },
      );
  },
  driver: {
    capabilities: ['extensions'],
    commands: { 'extensions.takeLoadWarnings': () => takeLoadWarnings() },
  },
};
