// What the manifest JSON readers' unit tests share: the message a reader's
// JsonParseError gives for an input, read through either reader.

import { JsonParseError } from '../../../reference/extensions/manifest-json.ts';

/** A function giving the JsonParseError message `parse` throws for a text (as UTF-8) or bytes; fails if it parses. */
export function failureOf(parse: (bytes: Buffer) => unknown): (text: string | Buffer) => string {
  return (text) => {
    try {
      parse(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    } catch (error) {
      if (error instanceof JsonParseError) return error.message;
      throw error;
    }
    throw new Error('parsed');
  };
}
