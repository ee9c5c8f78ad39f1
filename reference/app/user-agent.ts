// Electron's default user agent: Chrome's, with the app's name/version and
// Electron's version inserted before Safari's token.

import type { EraVersions } from '../era/versions.ts';

function platformToken(): string {
  switch (process.platform) {
    case 'darwin':
      return 'Macintosh; Intel Mac OS X 10_15_7';
    case 'win32':
      return 'Windows NT 10.0; Win64; x64';
    default:
      return `X11; Linux ${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}`;
  }
}

export function defaultUserAgent(appName: string, appVersion: string, versions: EraVersions): string {
  const name = appName.replaceAll(' ', '');
  // An app still called "Electron" adds no product token of its own.
  const product = name === 'Electron' ? '' : `${name}/${appVersion} `;
  return (
    `Mozilla/5.0 (${platformToken()}) AppleWebKit/537.36 (KHTML, like Gecko) ` +
    `${product}Chrome/${versions.chrome} Electron/${versions.electron} Safari/537.36`
  );
}
