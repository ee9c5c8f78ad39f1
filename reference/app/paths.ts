// app.getPath/setPath: the named directories of an app. Only userData and
// its dependants matter to sessions; the rest are filled in so code that asks
// for them gets a sensible absolute path.

import os from 'node:os';
import path from 'node:path';

export const PATH_NAMES = [
  'home',
  'appData',
  'userData',
  'sessionData',
  'temp',
  'exe',
  'module',
  'desktop',
  'documents',
  'downloads',
  'music',
  'pictures',
  'videos',
  'recent',
  'logs',
  'crashDumps',
] as const;

export type PathName = (typeof PATH_NAMES)[number];

export function isPathName(name: string): name is PathName {
  return (PATH_NAMES as readonly string[]).includes(name);
}

export class AppPaths {
  readonly #explicit = new Map<PathName, string>();
  readonly #appName: () => string;

  constructor(appName: () => string, initial: Partial<Record<PathName, string>> = {}) {
    this.#appName = appName;
    for (const [name, value] of Object.entries(initial)) {
      if (value !== undefined) this.#explicit.set(name as PathName, value);
    }
  }

  get(name: PathName): string {
    const explicit = this.#explicit.get(name);
    if (explicit !== undefined) return explicit;
    const home = os.homedir();
    switch (name) {
      case 'home':
        return home;
      case 'appData':
        return process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
      case 'userData':
        return path.join(this.get('appData'), this.#appName());
      case 'sessionData':
        // Electron keeps session data under userData unless told otherwise.
        return this.get('userData');
      case 'temp':
        return os.tmpdir();
      case 'exe':
        return process.execPath;
      case 'module':
        return process.execPath;
      case 'logs':
        return path.join(this.get('userData'), 'logs');
      case 'crashDumps':
        return path.join(this.get('userData'), 'Crashpad');
      default:
        return path.join(home, name.charAt(0).toUpperCase() + name.slice(1));
    }
  }

  set(name: PathName, value: string): void {
    this.#explicit.set(name, value);
  }
}
