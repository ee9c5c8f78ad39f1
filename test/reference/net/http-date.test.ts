// HTTP dates as Chromium's base::Time::FromUTCString reads them: the three
// forms of RFC 9110 and looser ones parse (GMT when no zone is named), and a
// value that names no month, day of the month and year is no date, however
// readily JavaScript's Date.parse would make one of it.

import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../../reference/net/http/http-date.ts';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it.each(['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994', '11/06/1994 08:49:37'])(
    'reads %s',
    (value) => {
      expect(parseHttpDate(value)).toBe(NOV_6_1994);
    },
  );

  it('takes GMT when no zone is named, and honours an offset that is', () => {
    expect(parseHttpDate('Fri, 01 Jan 2100 00:00:00')).toBe(Date.UTC(2100, 0, 1));
    expect(parseHttpDate('Mon, 01 Jan 2024 00:00:00 +0100')).toBe(Date.UTC(2023, 11, 31, 23));
  });

  it.each(['-1', '0', '1', '2024', 'x 5', 'soon', 'Nov 2024', '', '   '])('finds no date in %j', (value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });
});
