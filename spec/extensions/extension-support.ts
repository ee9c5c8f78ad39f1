// Helpers the extensions specs share, public API only: the fixture folders,
// extension folders written into temp dirs, the ids Chromium gives an
// unpacked extension (computed here from the path or the key, as its
// documented algorithm does), and the ExtensionLoadWarnings the target
// emitted (read through the driver).

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { failureOf, thrown, until } from '../support/requests.ts';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/extensions');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** The Extension object the session members return. */
export interface ExtensionInfo {
  id: string;
  name: string;
  path: string;
  url: string;
  version: string;
  manifest: Record<string, unknown>;
}

/** A session typed loosely enough to call the members with any argument. */
export interface ExtensionSession extends NodeJS.EventEmitter {
  loadExtension(...args: unknown[]): Promise<ExtensionInfo>;
  removeExtension(...args: unknown[]): unknown;
  getExtension(...args: unknown[]): ExtensionInfo | null;
  getAllExtensions(...args: unknown[]): ExtensionInfo[];
}

/** A fresh persistent session (extensions cannot be loaded into in-memory ones). */
export function persistentSession(t: SpecHandle, label = 'ext'): ExtensionSession {
  return t.session.fromPartition(`persist:${uniquePartition(label)}`) as unknown as ExtensionSession;
}

export function inMemorySession(t: SpecHandle, label = 'ext-memory'): ExtensionSession {
  return t.session.fromPartition(uniquePartition(label)) as unknown as ExtensionSession;
}

/** Chromium's id alphabet: the first 16 bytes of SHA-256, each hex digit moved to a-p. */
export function idOfBytes(bytes: Uint8Array): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** The id of an unpacked extension without a key: the hash of its path, as given. */
export function idOfPath(path: string): string {
  return idOfBytes(Buffer.from(path, 'utf8'));
}

/** The id of an extension whose manifest carries `key` (base64 of the public key). */
export function idOfKey(key: string): string {
  return idOfBytes(Buffer.from(key, 'base64'));
}

/** Writes an extension folder: manifest.json (an object, or raw text) and other files. */
export async function writeExtension(
  dir: string,
  manifest: Record<string, unknown> | string,
  files: Record<string, string | Buffer> = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), contents);
  }
  return dir;
}

/** A minimal valid manifest of the given version, with extra keys. */
export function manifestOf(manifestVersion: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { manifest_version: manifestVersion, name: 'Spec extension', version: '1.0', ...extra };
}

/** A 1x1 PNG (icons must exist and be non-empty). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The ExtensionLoadWarnings emitted since the last call. */
export async function takeLoadWarnings(t: SpecHandle): Promise<string[]> {
  const warnings = await t.driver.extensions.takeLoadWarnings({});
  return warnings.map((w) => {
    if (w.type !== 'ExtensionLoadWarning') throw new Error(`unexpected warning type ${w.type}`);
    return w.message;
  });
}

/** How Electron 9 joins warnings ("...: a b "), and Electron 12+ (one indented line each). */
export function warningText(era: string, dir: string, warnings: string[]): string {
  if (era === 'e9') return `Warnings loading extension at ${dir}: ${warnings.map((w) => `${w} `).join('')}`;
  return `Warnings loading extension at ${dir}:\n${warnings.map((w) => `  ${w}\n`).join('')}`;
}

/** The Manifest V2 deprecation warning each era adds for an unpacked MV2 extension (none before e17). */
export function mv2Deprecation(era: string): string[] {
  if (era === 'e17') {
    return [
      'Manifest version 2 is deprecated, and support will be removed in 2023. See https://developer.chrome.com/blog/mv2-transition/ for more details.',
    ];
  }
  if (era === 'current') {
    return [
      'Manifest version 2 is deprecated, and support will be removed in 2024. See https://developer.chrome.com/docs/extensions/develop/migrate/mv2-deprecation-timeline for details.',
    ];
  }
  return [];
}
