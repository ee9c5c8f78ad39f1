// How a part of the app reaches sessions it does not hold: the default
// session, or a new independent in-memory one (what Electron's
// ElectronBrowserContext::From makes for a random partition, with no
// Session object and no 'session-created'). The app's partition registry
// provides them; this module only keeps the link, so areas can use it
// without importing the registry (which imports every area).

import type { App } from '../app/app.ts';

export interface BrowserContexts {
  defaultSession(): object;
  /** A fresh in-memory session nobody else can name. */
  independent(): object;
}

const byApp = new WeakMap<App, BrowserContexts>();

export function provideBrowserContexts(app: App, contexts: BrowserContexts): void {
  byApp.set(app, contexts);
}

export function browserContextsOf(app: App): BrowserContexts {
  const contexts = byApp.get(app);
  if (!contexts) throw new Error('the app has no session registry');
  return contexts;
}
