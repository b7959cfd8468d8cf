import { describe, expect, it } from 'vitest';
import { shanghaiFields, shanghaiWallTimeMs } from './shanghai-time.js';

describe('shanghai-time', () => {
  it('reads a day in Asia/Shanghai: midnight there is 16:00 UTC the day before', () => {
    expect(shanghaiWallTimeMs('2021-12-01', '00:00:00')).toBe(Date.parse('2021-11-30T16:00:00Z'));
    expect(shanghaiWallTimeMs('2021-12-31', '23:59:59')).toBe(Date.parse('2021-12-31T23:59:59+08:00'));
  });

  it('asks the zone data instead of assuming +08:00 (China kept summer time until 1991)', () => {
    expect(shanghaiWallTimeMs('1990-07-01', '12:00:00')).toBe(Date.parse('1990-07-01T12:00:00+09:00'));
    expect(shanghaiFields(Date.parse('1990-07-01T03:00:00Z')).hour).toBe('12');
  });

  it('gives the zero-padded wall-clock fields of an instant', () => {
    expect(shanghaiFields(Date.parse('2021-12-20T10:52:20Z'))).toEqual({ year: '2021', month: '12', day: '20', hour: '18', minute: '52', second: '20' });
  });
});
