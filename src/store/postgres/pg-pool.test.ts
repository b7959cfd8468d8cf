import { describe, expect, it } from 'vitest';
import { StoreError } from '../../util/errors.js';
import { DEFAULT_POOL_SIZE, parsePgUrl, pgErrorReason, redactPgUrl } from './pg-pool.js';

describe('redactPgUrl', () => {
  it.each([
    ['postgres://caixun:s3cret@db.example:5432/archive', 'postgres://caixun@db.example:5432/archive'],
    ['postgres://caixun@db.example/archive', 'postgres://caixun@db.example/archive'],
    ['postgresql://u:p%40ss@h/d?sslmode=require&password=x', 'postgresql://u@h/d?sslmode=require'],
    ['postgres://u:s3cret@[bad/d', 'postgres://u@[bad/d'],
  ])('%s → %s', (url, redacted) => {
    expect(redactPgUrl(url)).toBe(redacted);
  });
});

describe('parsePgUrl', () => {
  it('takes the pool size from pool= and removes it from the connection string', () => {
    expect(parsePgUrl('postgres://u:pw@h:5433/d?pool=4&sslmode=disable')).toEqual({
      connectionString: 'postgres://u:pw@h:5433/d?sslmode=disable',
      poolSize: 4,
      redacted: 'postgres://u@h:5433/d?sslmode=disable',
    });
    expect(parsePgUrl('postgres://h/d').poolSize).toBe(DEFAULT_POOL_SIZE);
  });

  it.each(['postgres://u:pw@h/d?pool=0', 'postgres://u:pw@h/d?pool=many', 'postgres://u:pw@h/d?pool=-1'])(
    'refuses %s without showing the password',
    (url) => {
      expect(() => parsePgUrl(url)).toThrow(StoreError);
      expect(() => parsePgUrl(url)).toThrow(/pool= must be a positive integer in postgres:\/\/u@h\/d/);
    },
  );

  it('refuses a malformed URL without showing the password', () => {
    expect(() => parsePgUrl('postgres://u:s3cret@[bad/d')).toThrow('store: invalid PostgreSQL URL postgres://u@[bad/d');
  });
});

describe('pgErrorReason', () => {
  it('removes the password of the URL from a message', () => {
    expect(pgErrorReason(new Error('auth for p%40ss failed: p@ss'), 'postgres://u:p%40ss@h/d')).toBe(
      'auth for *** failed: ***',
    );
  });

  it('joins the messages of an AggregateError', () => {
    expect(pgErrorReason(new AggregateError([new Error('a'), new Error('b')], ''))).toBe('a; b');
  });
});
