import { describe, expect, it } from 'vitest';
import { findExpectation, judge, parseExpectations } from '../../harness/expectations/expectations.ts';

const SOURCE = `
spec/a.spec.ts:
  "group > fails":
    expected: FAIL
    reason: known bug
  "group > flaky":
    expected: [FAIL, PASS]
    reason: races
  "group > hangs":
    disabled: hangs forever
`;

describe('expectation files', () => {
  const set = parseExpectations(SOURCE, 'inline.yaml');

  it('parses entries per file and title', () => {
    expect(set.entries).toHaveLength(3);
    expect(findExpectation(set, 'spec/a.spec.ts', 'group > fails')?.expected).toEqual(['FAIL']);
    expect(findExpectation(set, 'spec/a.spec.ts', 'group > hangs')?.disabled).toBe('hangs forever');
    expect(findExpectation(set, 'spec/b.spec.ts', 'group > fails')).toBeUndefined();
  });

  it('judges results: usual, intermittent, stale, different failure, no entry', () => {
    const fails = findExpectation(set, 'spec/a.spec.ts', 'group > fails');
    const flaky = findExpectation(set, 'spec/a.spec.ts', 'group > flaky');
    expect(judge('FAIL', fails)).toMatchObject({ expected: true, reason: 'known bug' });
    expect(judge('PASS', fails)).toMatchObject({ expected: false, stale: true });
    expect(judge('CRASH', fails)).toMatchObject({ expected: false });
    expect(judge('PASS', flaky)).toMatchObject({ expected: true, intermittent: true });
    expect(judge('PASS', undefined)).toEqual({ expected: true });
    expect(judge('NOT_APPLICABLE', undefined)).toEqual({ expected: true });
    expect(judge('TIMEOUT', undefined)).toEqual({ expected: false });
  });

  it('rejects malformed files with the place and the problem', () => {
    expect(() => parseExpectations('spec/a.spec.ts:\n  t:\n    expected: MAYBE\n    reason: x\n', 'f.yaml')).toThrow(
      /f\.yaml: spec\/a\.spec\.ts > t: bad status/,
    );
    expect(() => parseExpectations('spec/a.spec.ts:\n  t:\n    expected: FAIL\n', 'f.yaml')).toThrow(/needs a `reason`/);
    expect(() => parseExpectations('spec/a.spec.ts:\n  t:\n    expcted: FAIL\n', 'f.yaml')).toThrow(/unknown key expcted/);
    expect(() => parseExpectations('- a\n', 'f.yaml')).toThrow(/mapping of spec files/);
    expect(parseExpectations('', 'empty.yaml').entries).toEqual([]);
  });
});
