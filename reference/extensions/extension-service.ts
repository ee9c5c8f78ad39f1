// The extensions of one session (its ExtensionRegistry and registrar, as
// Electron wires them). Loading runs the unpacked loader, then, on the
// caller's side: an extension with the same id is unloaded first (as an
// update), the new one is added and 'extension-loaded' fires, the warnings
// become an ExtensionLoadWarning, the promise resolves, and 'extension-ready'
// fires on a later turn (once the extension is registered with the request
// contexts) if it is still the one loaded. Removing fires
// 'extension-unloaded' at once; an unknown id is ignored. Nothing is kept
// across restarts. Every read hands out a fresh plain object, as gin's
// converter does.

import { createElectronEvent } from '../events/electron-event.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { componentExtensions } from './component-extensions.ts';
import { EXTENSION_ERAS, type ExtensionEraRules } from './era-rules.ts';
import type { CreatedExtension } from './extension-create.ts';
import { emitLoadWarning } from './load-warnings.ts';
import { manifestFeatures, type ManifestFeatures } from './manifest-features.ts';
import { cloneJson } from './manifest-json.ts';
import { loadUnpacked } from './unpacked-loader.ts';

export interface PublicExtension {
  id: string;
  name: string;
  path: string;
  url: string;
  version: string;
  manifest: Record<string, unknown>;
}

interface Installed {
  readonly extension: CreatedExtension;
  readonly component: boolean;
  readonly allowFileAccess: boolean;
}

export function toPublicExtension(extension: CreatedExtension): PublicExtension {
  return {
    id: extension.id,
    name: extension.name,
    path: extension.path,
    url: `chrome-extension://${extension.id}/`,
    version: extension.version,
    manifest: cloneJson(extension.manifest),
  };
}

export class ExtensionService implements SessionService {
  readonly #services: SessionServices;
  readonly #rules: ExtensionEraRules;
  readonly #features: ManifestFeatures;
  readonly #installed = new Map<string, Installed>();

  constructor(services: SessionServices) {
    this.#services = services;
    const rules = EXTENSION_ERAS[services.era];
    if (!rules) throw new Error(`no extension support in era ${services.era}`);
    this.#rules = rules;
    this.#features = manifestFeatures(rules);
    // Component extensions are loaded into every persistent session as it opens.
    if (services.identity.storagePath !== null) {
      for (const extension of componentExtensions(rules, this.#features)) {
        this.#installed.set(extension.id, { extension, component: true, allowFileAccess: false });
      }
    }
  }

  get rules(): ExtensionEraRules {
    return this.#rules;
  }

  #emit(event: string, extension: CreatedExtension): void {
    if (this.#rules.emitsEvents) this.#services.session.emit(event, createElectronEvent(), toPublicExtension(extension));
  }

  /** Resolves with the loaded extension; rejects with Electron's message. */
  async load(dir: string, allowFileAccess: boolean): Promise<PublicExtension> {
    const result = await loadUnpacked(dir, this.#rules, this.#features);
    if (!result.ok) throw new Error(result.error);
    const { extension } = result;
    if (this.#installed.has(extension.id)) this.remove(extension.id);
    const installed: Installed = { extension, component: false, allowFileAccess };
    this.#installed.set(extension.id, installed);
    this.#emit('extension-loaded', extension);
    if (result.warnings) emitLoadWarning(result.warnings);
    setImmediate(() => {
      if (this.#installed.get(extension.id) === installed) this.#emit('extension-ready', extension);
    });
    return toPublicExtension(extension);
  }

  /** Nothing is written: loaded extensions are not remembered across a restart. */
  shutdown(): void {
    this.#installed.clear();
  }

  remove(id: string): void {
    const installed = this.#installed.get(id);
    if (!installed) return;
    this.#installed.delete(id);
    this.#emit('extension-unloaded', installed.extension);
  }

  /** The enabled extension with that id (component ones included), for its resources. */
  find(id: string): CreatedExtension | null {
    return this.#installed.get(id)?.extension ?? null;
  }

  get(id: string): PublicExtension | null {
    const installed = this.#installed.get(id);
    return installed ? toPublicExtension(installed.extension) : null;
  }

  /** Every extension but the component ones, in id order (ExtensionSet is an ordered map). */
  all(): PublicExtension[] {
    return [...this.#installed.values()]
      .filter((installed) => !installed.component)
      .map((installed) => installed.extension)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(toPublicExtension);
  }
}

export const extensionService = (services: SessionServices): ExtensionService => new ExtensionService(services);
