// Result statuses of one test, as every reporter and expectation file sees them.

export const STATUSES = ['PASS', 'FAIL', 'ERROR', 'TIMEOUT', 'CRASH', 'SKIP', 'NOT_APPLICABLE'] as const;

export type Status = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Statuses that say something is wrong with the implementation or the spec. */
export const BAD_STATUSES: ReadonlySet<Status> = new Set(['FAIL', 'ERROR', 'TIMEOUT', 'CRASH']);

/** Worst-first order, used to colour aggregates. */
export const SEVERITY: Record<Status, number> = {
  CRASH: 6,
  TIMEOUT: 5,
  ERROR: 4,
  FAIL: 3,
  SKIP: 2,
  PASS: 1,
  NOT_APPLICABLE: 0,
};
