// What pages and devices do to a session, for the fuzzer: every driver
// command the reference implements (reference/testing.ts), with arguments
// generated from the command's JSON Schema (harness/protocol/schemas/
// driver-commands.schema.json): the session from the run's pool, URLs and
// origins of the loopback fixtures, words of the API, and hostile values
// where the schema says nothing. A worker's scriptURL is mostly one of the
// fuzzer's worker scripts (worker-scripts.ts). A command added to the schema is used as
// soon as an area implements it.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { valueArb, WORDS, type Desc } from './values.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  $ref?: string;
}

interface SchemaFile {
  $defs: Record<string, JsonSchema> & { commands: { properties: Record<string, { properties: { args: JsonSchema } }> } };
}

const SCHEMA_URL = new URL('../harness/protocol/schemas/driver-commands.schema.json', import.meta.url);

export interface StimulusWorld {
  urls: number;
  pacScripts: number;
  sessions: number;
  /** Worker scripts (worker-scripts.ts) whose URLs follow the `urls` in the pool; only a scriptURL draws them. */
  workerScripts?: number;
}

export interface Stimulus {
  command: string;
  args: Desc;
}

function arbFor(
  name: string,
  schema: JsonSchema,
  defs: SchemaFile['$defs'],
  world: StimulusWorld,
  depth: number,
): fc.Arbitrary<Desc> {
  if (schema.$ref) return arbFor(name, defs[schema.$ref.replace('#/$defs/', '')] ?? {}, defs, world, depth);
  if (name === 'session') return fc.nat(world.sessions - 1).map((i): Desc => ({ k: 'session', i }));
  if (name === 'scriptURL' && world.workerScripts)
    return fc.oneof(
      { weight: 2, arbitrary: fc.nat(world.workerScripts - 1).map((i): Desc => ({ k: 'url', i: world.urls + i })) },
      { weight: 1, arbitrary: fc.nat(world.urls - 1).map((i): Desc => ({ k: 'url', i })) },
    );
  if (/url$/i.test(name)) return fc.nat(world.urls - 1).map((i): Desc => ({ k: 'url', i }));
  if (/origin$/i.test(name)) return fc.nat(world.urls - 1).map((i): Desc => ({ k: 'origin', i }));
  if (schema.enum?.length)
    return fc
      .constantFrom(...schema.enum)
      .map((v): Desc => (typeof v === 'string' ? { k: 'string', v } : { k: 'prim', v: v as number }));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })).map((v): Desc => ({ k: 'string', v }));
    case 'boolean':
      return fc.boolean().map((v): Desc => ({ k: 'prim', v }));
    case 'number':
    case 'integer':
      return fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom(0, 1, 0x1234)).map((v): Desc => ({ k: 'prim', v }));
    case 'array':
      return fc
        .array(arbFor(`${name}[]`, schema.items ?? {}, defs, world, depth), { maxLength: 3 })
        .map((items): Desc => ({ k: 'array', items }));
    case 'object':
      if (schema.properties && depth < 3) return objectArb(schema, defs, world, depth + 1);
      return valueArb(world, 1);
    default:
      return valueArb(world, 1);
  }
}

function objectArb(schema: JsonSchema, defs: SchemaFile['$defs'], world: StimulusWorld, depth: number): fc.Arbitrary<Desc> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(
    ([key, property]) => [key, arbFor(key, property, defs, world, depth), required.has(key)] as const,
  );
  return fc
    .tuple(
      ...entries.map(([key, arb, needed]) =>
        needed
          ? arb.map((d) => [key, d] as const)
          : fc.option(
              arb.map((d) => [key, d] as const),
              { freq: 2 },
            ),
      ),
    )
    .map(
      (pairs): Desc => ({
        k: 'dict',
        entries: pairs.filter((p): p is readonly [string, Desc] => p !== null).map(([k, d]) => [k, d]),
      }),
    );
}

/**
 * How much likelier than another command a worker registration is when the
 * fuzzer serves worker scripts: about one in a short child's runs, a few
 * dozen in a long one's; a third of the scripts hold the worker's time
 * limit (two seconds) each, so more would stretch the budgets.
 */
const WORKER_REGISTER_WEIGHT = 3;

/** Stimuli for the commands `implemented` names, generated from their schemas. */
export function stimulusArb(implemented: readonly string[], world: StimulusWorld): fc.Arbitrary<Stimulus> | null {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as SchemaFile;
  const commands = schema.$defs.commands.properties;
  const arbs = implemented
    .filter((name) => commands[name])
    .map((name) => ({
      weight: name === 'serviceWorkers.register' && world.workerScripts ? WORKER_REGISTER_WEIGHT : 1,
      arbitrary: objectArb(commands[name]!.properties.args, schema.$defs, world, 0).map(
        (args): Stimulus => ({ command: name, args }),
      ),
    }));
  return arbs.length ? fc.oneof(...arbs) : null;
}
