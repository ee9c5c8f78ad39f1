// `--validate-protocol`: checks every message in both directions against the
// JSON Schemas in ./schemas (one per message, plus the tagged value).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

export type Direction = 'runner-to-agent' | 'agent-to-runner';

export const SCHEMA_DIR = fileURLToPath(new URL('./schemas', import.meta.url));
const BASE = 'https://session-conformance.invalid/protocol/v1/';

export interface MessageValidator {
  /** null when the message is valid, otherwise what is wrong with it. */
  check(direction: Direction, message: unknown): string | null;
}

let shared: MessageValidator | undefined;

/** Compiled once per process: compiling the schemas costs more than checking thousands of messages. */
export function messageValidator(): MessageValidator {
  if (shared) return shared;
  const ajv = new Ajv({ allErrors: false, strict: false });
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as object);
  }
  const validators: Record<Direction, ValidateFunction> = {
    'runner-to-agent': ajv.getSchema(`${BASE}runner-to-agent.schema.json`)!,
    'agent-to-runner': ajv.getSchema(`${BASE}agent-to-runner.schema.json`)!,
  };
  shared = {
    check(direction, message) {
      const validate = validators[direction];
      if (validate(message)) return null;
      // oneOf reports every branch; the message's own schema says the most.
      const type = (message as { type?: unknown })?.type;
      const own = typeof type === 'string' ? ajv.getSchema(`${BASE}${type}.schema.json`) : undefined;
      const errors = own && !own(message) ? own.errors : validate.errors;
      const first = errors?.[0];
      const where = first?.instancePath || '(message)';
      return `${direction} ${JSON.stringify(type ?? null)} message is invalid at ${where}: ${first?.message ?? 'no schema matches'}`;
    },
  };
  return shared;
}
