/**
 * Several connections (processes) writing one SQLite file (issue 13): a writer waits for the
 * write lock without blocking its event loop, clustering runs take turns through
 * `<db>-cluster.lock`, a lock left by a killed process is free, and indexing an article another
 * process indexed meanwhile replaces its document.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { acquireClusterLock, clusterLockPath } from './cluster-lock.js';
import { SqliteStore } from './sqlite-store.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-writers-'));
  dbPath = join(dir, 'test.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Lets the event loop run a few turns (timers included); resolves only if it is not blocked. */
async function letLoopRun(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Whether a promise has settled, tracked as it happens. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => {
    done = true;
  });
  return { promise, settled: () => done };
}

it('a write waits for another connection to commit, and the event loop runs meanwhile', async () => {
  const store = new SqliteStore(dbPath);
  const other = new Database(dbPath);
  try {
    other.exec('BEGIN IMMEDIATE');
    const upsert = track(store.upsertArticles([makeArticle()]));
    await letLoopRun();
    expect(upsert.settled()).toBe(false);
    other.exec('COMMIT');
    expect(await upsert.promise).toEqual(['new']);
    expect(await store.countArticles()).toBe(1);
  } finally {
    other.close();
    await store.close();
  }
});

it('two stores on one file cluster one after the other', async () => {
  const first = new SqliteStore(dbPath);
  const second = new SqliteStore(dbPath);
  try {
    const releaseFirst = await first.stories().lockClustering();
    const secondLock = track(second.stories().lockClustering());
    await letLoopRun();
    expect(secondLock.settled()).toBe(false);
    await releaseFirst();
    const releaseSecond = await secondLock.promise;
    await releaseSecond();
    // Released for good: the first takes it again at once.
    await (await first.stories().lockClustering())();
  } finally {
    await first.close();
    await second.close();
  }
});

it('a clustering lock held by a process killed with -9 is free', async () => {
  const script = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(clusterLockPath(dbPath))});
    db.exec('BEGIN EXCLUSIVE'); process.stdout.write('locked\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await once(child.stdout, 'data');
    const lock = track(acquireClusterLock(dbPath));
    await letLoopRun();
    expect(lock.settled()).toBe(false);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    (await lock.promise)();
  } finally {
    child.kill('SIGKILL');
  }
});

it('indexing an article that another process indexed since it was read replaces its document', async () => {
  const store = new SqliteStore(dbPath);
  try {
    const a = makeArticle();
    await store.upsertArticles([a]);
    const search = store.search();
    const [row] = await search.changedAfter({ updatedAt: '', id: '' }, 10);
    expect(row?.doc_rowid).toBeNull();
    const doc = { title: 't', body: 'b', titleWords: 't', bodyWords: 'b', meta: 'm' };
    // Both writers read the article before either indexed it: the second sees a stale doc_rowid.
    await search.transaction(() => search.put(row!, doc));
    await search.transaction(() => search.put(row!, doc));
    expect(await search.countDocuments()).toBe(1);
  } finally {
    await store.close();
  }
});
