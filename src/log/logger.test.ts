import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SourceResult } from '../fetch-round/types.js';
import { createLogger, logSourceResult, resolveLogLevel } from './logger.js';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, stream };
}

const result: SourceResult = {
  key: 'sina',
  kind: 'feed',
  url: 'http://127.0.0.1/rss',
  status: 'ok',
  items: 3,
  new: 2,
  updated: 1,
  unchanged: 0,
  itemFailures: 0,
  durationMs: 12,
};

describe('logSourceResult', () => {
  it('writes one line with the fixed keys', () => {
    const out = capture();
    logSourceResult(createLogger({ destination: out.stream }), result);
    expect(out.lines()).toHaveLength(1);
    expect(out.lines()[0]).toMatchObject({
      level: 30,
      msg: 'fetch',
      source: 'sina',
      url: 'http://127.0.0.1/rss',
      status: 'ok',
      durationMs: 12,
      new: 2,
      updated: 1,
    });
  });

  it('warns on failure with the error kind, and hides skips below debug', () => {
    const out = capture();
    const log = createLogger({ destination: out.stream });
    logSourceResult(log, { ...result, status: 'failed', errorKind: 'http-5xx', reason: 'fetch: HTTP 503' });
    logSourceResult(log, { ...result, status: 'skipped', reason: 'disabled' });
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 40, errorKind: 'http-5xx', error: 'fetch: HTTP 503' }),
    ]);
  });
});

describe('resolveLogLevel', () => {
  it('prefers the flag, then the environment, then info', () => {
    expect(resolveLogLevel('DEBUG', { CAIXUN_LOG_LEVEL: 'warn' })).toBe('debug');
    expect(resolveLogLevel(undefined, { CAIXUN_LOG_LEVEL: 'warn' })).toBe('warn');
    expect(resolveLogLevel(undefined, {})).toBe('info');
    expect(() => resolveLogLevel('loud', {})).toThrow(/unknown level "loud"/);
  });
});
