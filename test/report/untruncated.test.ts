// Failure messages and expected/actual values reach report.json whole, however long.

import { describe, expect, it } from 'vitest';
import { runSuite } from '../../harness/runner/run-suite.ts';
import { LONG_ACTUAL, LONG_EXPECTED } from '../fixtures/report-specs/long-values.ts';

describe('report records of failed assertions', () => {
  it('keep the message and the expected and actual values whole', async () => {
    const report = await runSuite({
      adapter: { kind: 'reference' },
      eras: ['current'],
      include: ['test/fixtures/report-specs/*.spec.ts'],
    });
    const byTitle = new Map(report.runs[0]!.results.map((r) => [r.title, r]));
    const strings = byTitle.get('compares long strings')!;
    expect(strings.status).toBe('FAIL');
    expect(strings.message).toContain(LONG_EXPECTED);
    expect(strings.message).toContain(LONG_ACTUAL);
    expect(strings.assertion).toEqual({ expected: LONG_EXPECTED, actual: LONG_ACTUAL });
    const objects = byTitle.get('compares long objects')!;
    expect(objects.assertion?.actual).toContain('"item-59"');
    expect(objects.message).not.toMatch(/…|\.\.\.\s*\]/);
  });
});
