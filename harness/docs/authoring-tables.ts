// Tables for docs/AUTHORING.md that the code already states: the capabilities
// (with the comment each has in contract/capabilities.ts) and the eras.

import { readFileSync } from 'node:fs';
import { CAPABILITIES } from '../../contract/capabilities.ts';
import { ERAS } from '../../contract/eras/eras.ts';

const CAPABILITIES_SOURCE = new URL('../../contract/capabilities.ts', import.meta.url);

export function capabilitiesTable(): string {
  const source = readFileSync(CAPABILITIES_SOURCE, 'utf8');
  const rows = CAPABILITIES.map((c) => {
    const line = source.split('\n').find((l) => l.trim().startsWith(`'${c}',`));
    const comment = line?.split('//')[1]?.trim() ?? '';
    return `| \`${c}\` | ${comment.replace(/\|/g, '\\|')} |`;
  });
  return ['| capability | what the target can do |', '| --- | --- |', ...rows].join('\n');
}

export function erasTable(): string {
  const rows = ERAS.map((e) => `| \`${e.id}\` | ${e.electron} | ${e.asyncStyle === 'callback' ? 'callbacks' : 'promises'} |`);
  return ['| era | Electron | asynchronous members use |', '| --- | --- | --- |', ...rows].join('\n');
}
