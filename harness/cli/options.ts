// Option parsing shared by the commands.

import { ERA_IDS, isEraId, type EraId } from '../eras/eras.ts';
import type { AdapterSpec } from '../api/run-context.ts';
import type { Progress } from '../runner/result-collector.ts';

export class UsageError extends Error {}

export function parseAdapter(text: string): AdapterSpec {
  if (text === 'reference') return { kind: 'reference' };
  if (text.startsWith('remote:')) return { kind: 'remote', command: text.slice(7).split(' ').filter(Boolean) };
  if (text.startsWith('attach:')) return { kind: 'attach', address: text.slice(7) };
  throw new UsageError(`unknown adapter "${text}" (use reference, remote:<command>, attach:<address>)`);
}

export function parseEras(text: string | undefined, fallback: EraId[]): EraId[] {
  if (text === undefined) return fallback;
  if (text === 'all') return [...ERA_IDS];
  if (isEraId(text)) return [text];
  throw new UsageError(`unknown era "${text}" (use ${ERA_IDS.join(', ')} or all)`);
}

export function progressPrinter(): (era: EraId, p: Progress) => void {
  const live = Boolean(process.stdout.isTTY) && !process.env.CI;
  return (era, p) => {
    const line = `[${era}] files ${p.filesDone}/${p.filesTotal} · tests ${p.tests} · unexpected ${p.unexpected}`;
    if (live) process.stdout.write(`\r${line}\x1b[K`);
    else if (p.lastFile) process.stdout.write(`${line} · ${p.lastFile}\n`);
  };
}

