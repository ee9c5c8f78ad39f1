// Helpers every area's specs share, public API only: a page's request through
// the driver (every era has it), a request body streamed in parts, a header
// whatever its case, the message of a request or call that must fail, and
// waiting for events that arrive after the call causing them settles.

import type { FetchedResponse } from '../../harness/api/driver.ts';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';

/** A page of `session` fetches `url`. */
export function pageFetch(
  t: SpecHandle,
  session: unknown,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<FetchedResponse> {
  return t.driver.page.fetch({ session, url, ...init });
}

/** A request body that hands out `parts` one pull at a time (send it with duplex 'half'). */
export function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const queue = [...parts];
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
}

/** The value of header `name` in `headers`, whatever the case its name has there. */
export function headerOf<V>(headers: Record<string, V>, name: string): V | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** The failure message of a request that must fail. */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the request succeeded');
}

/** The error a call throws, or undefined. */
export function thrown(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

/**
 * How long `until` waits before it fails naming what it waited for: just
 * under the test timeout (docs/INTERPRETING.md), so the test's time is the
 * only bound and a slow machine is never a failure.
 */
const UNTIL_LIMIT_MS = 25_000;

/**
 * Waits until `done()` holds (it may answer through a promise, e.g. a driver
 * query); events may be delivered after the call that caused them settles.
 */
export async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > UNTIL_LIMIT_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
