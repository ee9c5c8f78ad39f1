// WebAccessibleResourcesHandler::Parse: the key's shape is checked by the
// types json_schema_compiler generates (Manifest V2: a list of strings;
// Manifest V3: a list of { resources, matches?, extension_ids?,
// use_dynamic_url? }), whose errors read "Error at key
// 'web_accessible_resources'. ..."; then each V3 entry must name who may load
// it, and its match patterns must be patterns whose path is "/*".

import { ExtensionLoadError, format } from './manifest-errors.ts';
import { isJsonInteger } from './manifest-json.ts';

const KEY = 'web_accessible_resources';
const INVALID_ENTRY = "Invalid value for 'web_accessible_resources[*]'. *";

/** base::Value::GetTypeName for a parsed JSON value. */
function typeName(container: object, key: string | number): string {
  const value = (container as Record<string | number, unknown>)[key];
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return isJsonInteger(container, key) ? 'integer' : 'double';
    case 'string':
      return 'string';
    default:
      return 'dictionary';
  }
}

const isDictionary = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function keyError(detail: string): ExtensionLoadError {
  return new ExtensionLoadError(`Error at key '${KEY}'. ${detail}`);
}

/** An optional list of strings inside an entry: the generated parser's item error, or null. */
function stringListError(entry: Record<string, unknown>, field: string, required: boolean): string | null {
  if (!Object.hasOwn(entry, field)) return required ? `'${field}' is required` : null;
  const list = entry[field];
  if (!Array.isArray(list)) return `'${field}': expected list, got ${typeName(entry, field)}`;
  const bad = list.findIndex((item) => typeof item !== 'string');
  if (bad >= 0)
    return `Error at key '${field}': Parsing array failed at index ${bad}: expected string, got ${typeName(list, bad)}`;
  return null;
}

/** A match pattern Chromium's URLPattern (all schemes) parses with the path "/*". */
function isMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match =
    /^(\*|https?|wss?|ftp|file|urn|chrome|chrome-extension|data|filesystem|blob|uuid-in-package):\/\/([^/]*)(\/.*)$/.exec(
      pattern,
    );
  if (!match) return false;
  const [, scheme, host, path] = match;
  if (path !== '/*') return false;
  if (scheme === 'file') return true;
  return host === '*' || /^(\*\.)?[^*:/]+(:(\d+|\*))?$/.test(host!);
}

/** Throws Chromium's error for a web_accessible_resources value the handler refuses. */
export function parseWebAccessibleResources(manifest: Record<string, unknown>, manifestVersion: number): void {
  if (!Object.hasOwn(manifest, KEY)) return;
  const entries = manifest[KEY];
  if (!Array.isArray(entries)) throw keyError(`Type is invalid. Expected list, found ${typeName(manifest, KEY)}.`);
  const itemType = manifestVersion < 3 ? 'string' : 'dictionary';
  entries.forEach((entry, i) => {
    const actual = typeName(entries, i);
    if (actual !== itemType) throw keyError(`Parsing array failed at index ${i}: expected ${itemType}, got ${actual}`);
    if (manifestVersion < 3) return;
    const problem =
      stringListError(entry, 'resources', true) ??
      stringListError(entry, 'matches', false) ??
      stringListError(entry, 'extension_ids', false) ??
      (Object.hasOwn(entry, 'use_dynamic_url') && typeof entry.use_dynamic_url !== 'boolean'
        ? `'use_dynamic_url': expected boolean, got ${typeName(entry, 'use_dynamic_url')}`
        : null);
    if (problem) throw keyError(`Parsing array failed at index ${i}: ${problem}`);
  });
  if (manifestVersion < 3) return;
  entries.forEach((entry: Record<string, unknown>, i) => {
    if (!isDictionary(entry)) return;
    if (!Object.hasOwn(entry, 'matches') && !Object.hasOwn(entry, 'extension_ids') && entry.use_dynamic_url !== true)
      throw new ExtensionLoadError(format(INVALID_ENTRY, i, 'Entry must at least have resources, and one other valid key.'));
    for (const match of (entry.matches as string[] | undefined) ?? []) {
      if (!isMatchPattern(match)) throw new ExtensionLoadError(format(INVALID_ENTRY, i, 'Invalid match pattern.'));
    }
  });
}
