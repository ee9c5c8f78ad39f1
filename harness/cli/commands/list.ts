// `list`: spec files with their metadata, without running them; `--json` for tools.

import { parseArgs } from 'node:util';
import { ERA_IDS, erasInRange } from '../../../contract/eras/eras.ts';
import { listSpecFiles } from '../../runner/spec-files.ts';
import { parseEras } from '../options.ts';
import type { Command } from './command.ts';

function list(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const eras = parseEras(values.era, [...ERA_IDS]);
  const specs = listSpecFiles()
    .map(({ file, meta }) => ({ file, ...meta, appliesTo: erasInRange(meta.eras).filter((e) => eras.includes(e)) }))
    .filter((spec) => spec.appliesTo.length);
  if (values.json) {
    console.log(JSON.stringify(specs, null, 2));
    return 0;
  }
  for (const spec of specs) {
    console.log(
      `${spec.file}\n  members: ${spec.members.join(', ')}\n  eras: ${spec.eras} (${spec.appliesTo.join(', ')}) · requires: ${spec.requires.join(', ') || '-'} · ${spec.level} · ${spec.basis}\n  ${spec.summary}`,
    );
  }
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  usage: `list       spec files, their members, eras and capabilities
             --era <id>|all             only specs that apply in this era (default: all)
             --json                     machine-readable output: one object per spec file`,
  run: list,
};
