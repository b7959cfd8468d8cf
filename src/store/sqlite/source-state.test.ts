import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { toSourceHealth, type SourceState } from '../source-state.js';
import { sourceHealthMigration, sourceStateMigration } from './source-state.js';
import { SqliteStore } from './sqlite-store.js';

const state: SourceState = {
  key: 'sina',
  etag: '"v1"',
  lastModified: null,
  lastAttemptAt: '2021-12-21T00:00:00.000Z',
  lastSuccessAt: '2021-12-21T00:00:00.000Z',
  lastFailureAt: null,
  lastErrorKind: null,
  lastError: null,
  consecutiveFailures: 0,
  nextDueAt: '2021-12-21T00:05:00.000Z',
  itemsFetched: 12,
  outlet: '新浪财经',
  kind: 'feed',
};

describe('source state', () => {
  it('is the last migration step so far appended, never replacing one', () => {
    expect(migrations).toContain(sourceStateMigration);
  });

  it('round-trips and replaces a state, and survives reopening', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'caixun-state-')), 'db.sqlite');
    const store = new SqliteStore(path);
    const repo = store.sourceStates();
    expect(await repo.getSourceState('sina')).toBeUndefined();
    await repo.putSourceState(state);
    await repo.putSourceState({
      ...state,
      consecutiveFailures: 2,
      lastErrorKind: 'timeout',
      lastError: 'fetch: slow',
    });
    await store.close();
    const reopened = new SqliteStore(path);
    expect(await reopened.sourceStates().listSourceStates()).toEqual([
      { ...state, consecutiveFailures: 2, lastErrorKind: 'timeout', lastError: 'fetch: slow' },
    ]);
    await reopened.close();
  });

  it('appends the health step after the source-state step', () => {
    expect(migrations.indexOf(sourceHealthMigration)).toBeGreaterThan(migrations.indexOf(sourceStateMigration));
  });

  it('shows health with the error kind and keeps the interface field names', () => {
    const failing = { ...state, lastErrorKind: 'timeout', lastError: 'fetch: slow', consecutiveFailures: 3 };
    expect(toSourceHealth(failing)).toEqual({
      key: 'sina',
      outlet: '新浪财经',
      kind: 'feed',
      lastAttemptAt: '2021-12-21T00:00:00.000Z',
      lastSuccessAt: '2021-12-21T00:00:00.000Z',
      lastError: 'timeout: fetch: slow',
      consecutiveFailures: 3,
      itemsFetched: 12,
      nextDueAt: '2021-12-21T00:05:00.000Z',
    });
  });

  it('finds articles by fingerprint, keeping the first article of a fingerprint', async () => {
    const store = new SqliteStore(':memory:');
    const repo = store.sourceStates();
    await repo.addFingerprints([{ fingerprint: 'f1', articleId: 'a:1' }]);
    await repo.addFingerprints([{ fingerprint: 'f1', articleId: 'a:2' }]);
    expect(await repo.findArticleIdByFingerprint('f1')).toBe('a:1');
    expect(await repo.findArticleIdByFingerprint('f2')).toBeUndefined();
    expect(await repo.findArticleIdByUrl('https://x.example/none')).toBeUndefined();
    await store.close();
  });
});
