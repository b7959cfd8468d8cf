/**
 * sqliteTransaction with flows running side by side in one process on one connection (the derive
 * steps): each flow's transaction is its own (a later one waits, it does not join), while a call
 * nested inside a transaction's function still joins it.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sqliteTransaction } from './async-transaction.js';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-tx-'));
  db = new Database(join(dir, 't.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (n INTEGER)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (n: number): void => void db.prepare('INSERT INTO t (n) VALUES (?)').run(n);
const rows = (): number[] => db.prepare('SELECT n FROM t ORDER BY n').pluck().all() as number[];
const tick = (): Promise<void> => Promise.resolve();

it('a flow that starts a transaction while another is open waits for it, and rolls back alone', async () => {
  const a = sqliteTransaction(db, async () => insert(1));
  // Called while a's transaction is open: joining it would let a commit half of b, and b's
  // later writes land outside any transaction, surviving b's failure.
  const b = sqliteTransaction(db, async () => {
    insert(2);
    await tick();
    await tick();
    insert(3);
    throw new Error('b fails');
  });
  await a;
  await expect(b).rejects.toThrow('b fails');
  expect(rows()).toEqual([1]);
  expect(db.inTransaction).toBe(false);
});

it('flows take turns in call order, and a call nested in a transaction joins it', async () => {
  const order: string[] = [];
  const flow = (name: string, n: number) =>
    sqliteTransaction(db, async () => {
      order.push(`${name} begins`);
      insert(n);
      await tick();
      // nested: part of this flow's transaction, not queued behind the other flows
      await sqliteTransaction(db, async () => insert(n + 100));
      order.push(`${name} ends`);
    });
  await Promise.all([flow('a', 1), flow('b', 2), flow('c', 3)]);
  expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
  expect(rows()).toEqual([1, 2, 3, 101, 102, 103]);
});

it('a failed flow releases the connection to the next one', async () => {
  const failing = sqliteTransaction(db, async () => {
    insert(1);
    throw new Error('first fails');
  });
  const next = sqliteTransaction(db, async () => insert(2));
  await expect(failing).rejects.toThrow('first fails');
  await next;
  expect(rows()).toEqual([2]);
});
