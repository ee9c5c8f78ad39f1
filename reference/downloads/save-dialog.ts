// The save dialog a download without a save path opens, and its settings
// (file_dialog::DialogSettings). The reference has no screen: a dialog waits
// until the driver answers it with a path or a cancel, as a user would, and
// the driver can read what each dialog was opened with.
//
// setSaveDialogOptions replaces every setting: each key of Electron's
// converter that holds a value of the right type is kept, the others keep
// their defaults; getSaveDialogOptions gives back the same keys Electron's
// ToV8 gives (`properties` is read but never reported).

import { stringVector } from '../era/gin-array.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogSettings {
  window: null;
  title: string;
  message: string;
  buttonLabel: string;
  nameFieldLabel: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: number;
  showsTagField: boolean;
  securityScopedBookmarks: boolean;
}

export function defaultDialogSettings(): DialogSettings {
  return {
    window: null,
    title: '',
    message: '',
    buttonLabel: '',
    nameFieldLabel: '',
    defaultPath: '',
    filters: [],
    properties: 0,
    showsTagField: true,
    securityScopedBookmarks: false,
  };
}

/** A filter converts only with a string `name` and string `extensions`; one bad filter drops them all. */
function readFilters(value: unknown): FileFilter[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const filters: FileFilter[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { name, extensions } = entry as { name?: unknown; extensions?: unknown };
    const names = stringVector(extensions);
    if (typeof name !== 'string' || !names) return undefined;
    filters.push({ name, extensions: names });
  }
  return filters;
}

/** Converter<DialogSettings>::FromV8 over an object the caller has already checked. */
export function readDialogSettings(options: Record<string, unknown>): DialogSettings {
  const settings = defaultDialogSettings();
  const text = (key: 'title' | 'message' | 'buttonLabel' | 'nameFieldLabel') => {
    const value = options[key];
    if (typeof value === 'string') settings[key] = value;
  };
  text('title');
  text('message');
  text('buttonLabel');
  text('nameFieldLabel');
  const defaultPath = options.defaultPath;
  if (typeof defaultPath === 'string') settings.defaultPath = defaultPath;
  const filters = readFilters(options.filters);
  if (filters) settings.filters = filters;
  if (typeof options.properties === 'number') settings.properties = Math.trunc(options.properties) | 0;
  if (typeof options.showsTagField === 'boolean') settings.showsTagField = options.showsTagField;
  if (typeof options.securityScopedBookmarks === 'boolean') settings.securityScopedBookmarks = options.securityScopedBookmarks;
  return settings;
}

/** Converter<DialogSettings>::ToV8: a fresh object, without `properties`. */
export function reportDialogSettings(settings: DialogSettings): Record<string, unknown> {
  return {
    window: null,
    title: settings.title,
    message: settings.message,
    buttonLabel: settings.buttonLabel,
    nameFieldLabel: settings.nameFieldLabel,
    defaultPath: settings.defaultPath,
    filters: settings.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    showsTagField: settings.showsTagField,
    securityScopedBookmarks: settings.securityScopedBookmarks,
  };
}

/** What the user answered: a path, or a cancel. */
export type DialogAnswer = { filePath: string } | { canceled: true };

interface PendingDialog {
  readonly settings: DialogSettings;
  readonly answer: (answer: DialogAnswer) => void;
}

/** A session's save dialogs: the ones waiting for an answer, oldest first, and every one ever shown. */
export class SaveDialogs {
  readonly #pending: PendingDialog[] = [];
  readonly #shown: DialogSettings[] = [];

  /** Opens a dialog; resolves with the user's answer. */
  show(settings: DialogSettings): Promise<DialogAnswer> {
    this.#shown.push(settings);
    return new Promise((resolve) => this.#pending.push({ settings, answer: resolve }));
  }

  /** Every dialog shown so far, oldest first, as getSaveDialogOptions reports settings. */
  shown(): Record<string, unknown>[] {
    return this.#shown.map(reportDialogSettings);
  }

  pendingCount(): number {
    return this.#pending.length;
  }

  /** Answers the oldest dialog still open; false when none is. */
  answer(answer: DialogAnswer): boolean {
    const dialog = this.#pending.shift();
    if (!dialog) return false;
    dialog.answer(answer);
    return true;
  }

  /** On quit every open dialog is cancelled. */
  cancelAll(): void {
    for (const dialog of this.#pending.splice(0)) dialog.answer({ canceled: true });
  }
}
