// The extensions area: ses.loadExtension / removeExtension / getExtension /
// getAllExtensions and the extension-loaded / -unloaded / -ready events,
// over real unpacked extension folders validated as Chromium's loader
// validates them. Its driver reports the ExtensionLoadWarnings the process
// emitted. `extensions.openBackground` (an extension's background page)
// needs a renderer the reference does not have: it stays unsupported.

import type { Area } from '../area.ts';
import { EXTENSION_MEMBERS } from './extension-members.ts';
import { takeLoadWarnings } from './load-warnings.ts';

export const extensionsArea: Area = {
  id: 'extensions',
  summary: 'ses.loadExtension, removeExtension, getExtension, getAllExtensions and the extension events',
  sessionMembers: EXTENSION_MEMBERS,
  driver: {
    capabilities: ['extensions'],
    commands: { 'extensions.takeLoadWarnings': () => takeLoadWarnings() },
  },
};
