// The component extensions Electron adds to every persistent session as it
// opens (ElectronExtensionSystem::LoadComponentExtensions): the built-in PDF
// viewer, whose id comes from the key in its manifest
// (mhjfbmdgcfjbbpaeojofohoefgiehjai). getExtension finds it,
// getAllExtensions leaves it out. Its manifest is Chromium's
// chrome/browser/resources/pdf/manifest.json with the plugin name
// Electron's non-branded build puts in; the manifest of older Chromium
// lines differed in details (it was Manifest V2) that are not modelled.
// Electron 17-21 also added the cryptotoken component; it is not modelled.

import { dirname, join } from 'node:path';
import type { ExtensionEraRules } from './era-rules.ts';
import { createExtension, type CreatedExtension } from './extension-create.ts';
import type { ManifestFeatures } from './manifest-features.ts';

const PDF_VIEWER_MANIFEST = {
  manifest_version: 3,
  key: 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDN6hM0rsDYGbzQPQfOygqlRtQgKUXMfnSjhIBL7LnReAVBEd7ZmKtyN2qmSasMl4HZpMhVe2rPWVVwBDl6iyNE/Kok6E6v6V3vCLGsOpQAuuNVye/3QxzIldzG/jQAdWZiyXReRVapOhZtLjGfywCvlWq7Sl/e3sbc0vWybSDI2QIDAQAB',
  name: 'Chromium PDF Viewer',
  version: '1',
  description: '',
  offline_enabled: true,
  incognito: 'split',
  permissions: [
    'chrome://resources/',
    'contentSettings',
    'metricsPrivate',
    'resourcesPrivate',
    'tabs',
    { fileSystem: ['write'] },
  ],
  mime_types: ['application/pdf'],
  mime_types_handler: 'index.html',
  content_security_policy: {
    extension_pages:
      "script-src 'self' 'wasm-eval' blob: filesystem: chrome://resources; object-src * blob: externalfile: file: filesystem: data:",
  },
};

/** Where Electron keeps its resources (chrome::DIR_RESOURCES): next to the executable. */
function resourcesDirectory(): string {
  return (process as { resourcesPath?: string }).resourcesPath ?? join(dirname(process.execPath), 'resources');
}

function sortedCopy(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, value[key]]),
  );
}

export function componentExtensions(rules: ExtensionEraRules, features: ManifestFeatures): CreatedExtension[] {
  const manifest = structuredClone(sortedCopy(PDF_VIEWER_MANIFEST));
  const extension = createExtension(join(resourcesDirectory(), 'pdf'), manifest, { rules, features, requireKey: true });
  return [{ ...extension, warnings: [] }];
}
