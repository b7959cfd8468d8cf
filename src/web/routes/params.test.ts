import { describe, expect, it } from 'vitest';
import { WebError } from '../web-error.js';
import { dateParam, intParam, searchParams, textParam } from './params.js';

const reader = (q: Record<string, string>) => (name: string) => q[name];
const status = (fn: () => unknown): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof WebError ? err.status : -1;
  }
};

describe('query parameters', () => {
  it('reads whole numbers in range, else 400', () => {
    expect(intParam(reader({}), 'page', 1, 1, 10)).toBe(1);
    expect(intParam(reader({ page: '3' }), 'page', 1, 1, 10)).toBe(3);
    for (const bad of ['0', '11', '1.5', 'x', '-1']) expect(status(() => intParam(reader({ page: bad }), 'page', 1, 1, 10))).toBe(400);
  });

  it('reads days and ISO times, else 400', () => {
    expect(dateParam(reader({ from: '2021-12-01' }), 'from')).toBe('2021-12-01');
    expect(dateParam(reader({ from: '2021-12-01T08:00:00+08:00' }), 'from')).toBe('2021-12-01T08:00:00+08:00');
    expect(dateParam(reader({ from: ' ' }), 'from')).toBeUndefined();
    for (const bad of ['yesterday', '2021-13-45', '12/01/2021']) expect(status(() => dateParam(reader({ from: bad }), 'from'))).toBe(400);
  });

  it('builds search options, leaving out what is absent', () => {
    expect(searchParams(reader({ q: ' 碳达峰 ', outlet: 'cls', to: '2022-01-01' }))).toEqual({ q: '碳达峰', outlet: 'cls', to: '2022-01-01', page: 1, pageSize: 20 });
    expect(status(() => textParam(reader({ q: 'x'.repeat(501) }), 'q'))).toBe(400);
  });
});
