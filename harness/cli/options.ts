// Option parsing shared by the commands.

import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { ERA_IDS, isEraId, type EraId } from '../../contract/eras/eras.ts';
import type { AdapterSpec } from '../api/run-context.ts';
import type { Progress } from '../runner/result-collector.ts';
import { isReporter, REPORTERS, type ReporterName } from '../report/reporters.ts';

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
  const eras = text.split(',').map((e) => e.trim());
  const unknown = eras.find((e) => !isEraId(e));
  if (unknown !== undefined || !eras.length)
    throw new UsageError(`unknown era "${unknown ?? text}" (use ${ERA_IDS.join(', ')}, a comma-separated list of them, or all)`);
  // In the order of the eras, each once.
  return ERA_IDS.filter((e) => eras.includes(e));
}

/** `--shard <index>/<count>`: 1 <= index <= count. */
export function parseShard(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes <index>/<count> with 1 <= index <= count, e.g. 1/4 (got "${text}")`);
  }
  return `${index}/${count}`;
}

/**
 * A folder the command will write into (`--reports`, `--out`), checked before
 * any work: it, or the nearest part of its path that exists, must be a folder.
 */
export function parseOutputFolder(option: string, text: string): string {
  const folder = path.resolve(text);
  for (let at = folder; path.dirname(at) !== at; at = path.dirname(at)) {
    let stat: Stats | undefined;
    try {
      stat = statSync(at);
    } catch {
      continue; // missing, or under a file (ENOTDIR): look further up
    }
    if (!stat.isDirectory()) throw new UsageError(`${option} ${text}: ${path.relative(process.cwd(), at) || at} is not a folder`);
    break;
  }
  return folder;
}

/** `--reporter html --reporter junit` or `--reporter html,junit`; without any, `fallback`. */
export function parseReporters(values: readonly string[] | undefined, fallback: ReporterName[]): ReporterName[] {
  if (!values?.length) return fallback;
  const names = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  for (const name of names)
    if (!isReporter(name)) throw new UsageError(`unknown reporter "${name}" (use ${REPORTERS.join(', ')})`);
  return names as ReporterName[];
}

/**
 * Live progress: on a terminal one line rewritten in place, with the files
 * done per era (eras run side by side) and the totals; when not a terminal
 * or under CI, a plain line per finished file.
 */
export function progressPrinter(out: NodeJS.WriteStream = process.stdout): (era: EraId, p: Progress) => void {
  const live = Boolean(out.isTTY) && !process.env.CI;
  const eras = new Map<EraId, Progress>();
  const started = Date.now();
  return (era, p) => {
    eras.set(era, p);
    const elapsed = `${((Date.now() - started) / 1000).toFixed(0)}s`;
    if (live) {
      const files = [...eras].map(([id, e]) => `${id} ${e.filesDone}/${e.filesTotal}`).join(' ');
      const all = [...eras.values()];
      const tests = all.reduce((n, e) => n + e.tests, 0);
      const unexpected = all.reduce((n, e) => n + e.unexpected, 0);
      out.write(`\r[${files}] · tests ${tests} · unexpected ${unexpected} · ${elapsed}\x1b[K`);
    } else if (p.lastFile) {
      out.write(
        `[${era}] files ${p.filesDone}/${p.filesTotal} · tests ${p.tests} · unexpected ${p.unexpected} · ${elapsed} · ${p.lastFile}\n`,
      );
    }
  };
}
