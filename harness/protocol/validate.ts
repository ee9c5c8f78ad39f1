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

export interface DriverValidator {
  /** null when the command's arguments or result fit driver-commands.schema.json, otherwise what is wrong. */
  check(command: string, part: 'args' | 'result', value: unknown): string | null;
}

let sharedDriver: DriverValidator | undefined;

/** Driver traffic, checked as decoded values (handles such as `session` match any schema). */
export function driverValidator(): DriverValidator {
  if (sharedDriver) return sharedDriver;
  const ajv = new Ajv({ allErrors: false, strict: false });
  ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'driver-commands.schema.json'), 'utf8')) as object);
  const compiled = new Map<string, ValidateFunction>();
  sharedDriver = {
    check(command, part, value) {
      const key = `${command} ${part}`;
      let validate = compiled.get(key);
      if (!validate) {
        const pointer = `${BASE}driver-commands.schema.json#/$defs/commands/properties/${command.replace('/', '~1')}/properties/${part}`;
        validate = ajv.compile({ $ref: pointer });
        compiled.set(key, validate);
      }
      // A command with no result answers undefined, which JSON (and the schema) spell null.
      if (validate(value === undefined ? null : value)) return null;
      const first = validate.errors?.[0];
      return `driver ${command} ${part} is invalid at ${first?.instancePath || '(value)'}: ${first?.message ?? 'no schema matches'}`;
    },
  };
  return sharedDriver;
}
