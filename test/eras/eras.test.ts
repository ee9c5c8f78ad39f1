import { describe, it, expect } from 'vitest';
import {
  ERA_IDS,
  ERAS,
  ERA_BY_ID,
  compareEras,
  eraInRange,
  erasInRange,
  isEraId,
  parseEraRange,
  type EraId,
} from '../../contract/eras/eras.ts';

describe('era registry', () => {
  it('lists the five eras oldest first', () => {
    expect([...ERA_IDS]).toEqual(['legacy', 'e9', 'e12', 'e17', 'current']);
    expect(ERAS.map((e) => e.id)).toEqual([...ERA_IDS]);
  });

  it('pins each era to its seed, Electron line and async style', () => {
    expect(ERA_BY_ID.legacy).toMatchObject({ seed: '002_8089b65048f81995.txt', electron: '1.x', asyncStyle: 'callback' });
    expect(ERA_BY_ID.e9).toMatchObject({ seed: '003_d49da3d5a25418b3.txt', electron: '9-10', asyncStyle: 'promise' });
    expect(ERA_BY_ID.e12).toMatchObject({ seed: '004_b852cc18696cb171.txt', electron: '12-13', asyncStyle: 'promise' });
    expect(ERA_BY_ID.e17).toMatchObject({
      seed: '001_a3cd2aeefd655f8c.txt',
      electron: '17-19',
      asyncStyle: 'promise',
      format: 'plain',
    });
    expect(ERA_BY_ID.current).toMatchObject({ seed: '000_022c7d0d3be72530.txt', electron: '30+', asyncStyle: 'promise' });
    expect(new Set(ERAS.map((e) => e.seed)).size).toBe(5);
  });

  it('compares eras by age', () => {
    expect(compareEras('legacy', 'current')).toBeLessThan(0);
    expect(compareEras('e17', 'e12')).toBeGreaterThan(0);
    expect(compareEras('e9', 'e9')).toBe(0);
    const shuffled: EraId[] = ['current', 'e9', 'legacy', 'e17', 'e12'];
    expect(shuffled.sort(compareEras)).toEqual([...ERA_IDS]);
  });

  it('recognises era ids only', () => {
    for (const id of ERA_IDS) expect(isEraId(id)).toBe(true);
    for (const x of ['E9', 'e10', '', ' e9', 'all', '*', 9, null, undefined]) expect(isEraId(x)).toBe(false);
  });
});

describe('era ranges', () => {
  const cases: Array<[string, EraId[]]> = [
    ['*', ['legacy', 'e9', 'e12', 'e17', 'current']],
    ['e12', ['e12']],
    ['legacy', ['legacy']],
    ['>=e12', ['e12', 'e17', 'current']],
    ['>e9', ['e12', 'e17', 'current']],
    ['<=e17', ['legacy', 'e9', 'e12', 'e17']],
    ['<e17', ['legacy', 'e9', 'e12']],
    ['e9..e17', ['e9', 'e12', 'e17']],
    ['e12..e12', ['e12']],
    ['legacy..current', ['legacy', 'e9', 'e12', 'e17', 'current']],
    ['legacy,>=e17', ['legacy', 'e17', 'current']],
    ['current, legacy', ['legacy', 'current']],
    [' >= e12 ', ['e12', 'e17', 'current']],
    ['e9..e12,e12..e17', ['e9', 'e12', 'e17']],
    ['*,e9', ['legacy', 'e9', 'e12', 'e17', 'current']],
  ];

  for (const [text, eras] of cases) {
    it(`${JSON.stringify(text)} selects ${eras.join(',')}`, () => {
      expect(erasInRange(text)).toEqual(eras);
      const range = parseEraRange(text);
      expect(range.source).toBe(text);
      for (const era of ERA_IDS) {
        expect(range.test(era)).toBe(eras.includes(era));
        expect(eraInRange(era, range)).toBe(eras.includes(era));
        expect(eraInRange(era, text)).toBe(eras.includes(era));
      }
    });
  }

  it('exposes the parsed terms', () => {
    expect(parseEraRange('legacy,>=e17,e9..e12,*').terms).toEqual([
      { kind: 'eq', era: 'legacy' },
      { kind: 'ge', era: 'e17' },
      { kind: 'span', from: 'e9', to: 'e12' },
      { kind: 'all' },
    ]);
  });

  const errors: Array<[string, RegExp]> = [
    ['', /invalid era range ""/],
    ['   ', /is empty/],
    ['e10', /"e10" is not an era id/],
    ['E12', /"E12" is not an era id/],
    ['>=e11', /"e11" is not an era id/],
    ['e9..e99', /"e99" is not an era id/],
    ['legacy,,e9', /empty term/],
    ['legacy,', /empty term/],
    ['>=', /missing an era id/],
    ['e9..', /missing an era id/],
    ['..e17', /missing an era id/],
    ['e9..e12..e17', /"e9\.\.e12\.\.e17" has more than one "\.\."/],
    ['=e9', /"=e9" is not valid range syntax/],
    ['!e9', /"!e9" is not valid range syntax/],
    ['e9 e12', /"e9 e12" is not valid range syntax/],
    ['>=*', /"\*" is not an era id/],
    ['e17..e9', /"e17\.\.e9" matches no era/],
    ['<legacy', /"<legacy" matches no era/],
    ['>current', /">current" matches no era/],
  ];

  for (const [text, message] of errors) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(() => parseEraRange(text)).toThrow(message);
      expect(() => erasInRange(text)).toThrow(Error);
      expect(() => eraInRange('e9', text)).toThrow(Error);
    });
  }

  it('names the whole range and the bad part in the message', () => {
    expect(() => parseEraRange('legacy,>=e42')).toThrow('invalid era range "legacy,>=e42": "e42" is not an era id');
  });

  it('rejects an unknown era passed to eraInRange', () => {
    expect(() => eraInRange('e10' as EraId, '*')).toThrow(/unknown era id "e10"/);
  });
});
