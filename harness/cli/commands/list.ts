// `list`: spec files with their metadata, without running them.

import { parseArgs } from 'node:util';
import { ERA_IDS, erasInRange } from '../../../contract/eras/eras.ts';
import { listSpecFiles } from '../../runner/spec-files.ts';
import { parseEras } from '../options.ts';
import type { Command } from './command.ts';

function list(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' } } });
  const eras = parseEras(values.era, [...ERA_IDS]);
  for (const { file, meta } of listSpecFiles()) {
    const applies = erasInRange(meta.eras).filter((e) => eras.includes(e));
    if (!applies.length) continue;
    console.log(`${file}\n  members: ${meta.members.join(', ')}\n  eras: ${meta.eras} (${applies.join(', ')}) · requires: ${meta.requires.join(', ') || '-'} · ${meta.level} · ${meta.basis}\n  ${meta.summary}`);
  }
  return 0;
}


export const listCommand: Command = {
  name: 'list',
  usage: 'list       list spec files, their members and eras      [--era <id>]',
  run: list,
};
