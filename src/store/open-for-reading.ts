/**
 * Opens the store for a command that only reads (articles, search, stories, facts, export, serve):
 * a SQLite file in a folder this user cannot write (a mounted backup, another user's archive)
 * opens read-only instead of failing on the journal it cannot create there.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isPostgresUrl } from './db-spec.js';
import { openStore } from './open-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when SQLite could not write `file` or its journal beside it. */
export function needsReadOnlyOpen(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  return !canWrite(file) || !canWrite(dirname(resolve(file)));
}

/**
 * A WAL database opens read-only only where its -shm file exists or can be made; where neither
 * holds, its bytes are read into memory and opened there (marked as a rollback-journal database,
 * which it is once checkpointed, as caixun leaves it on close).
 */
function openInMemory(file: string): Store {
  const image = readFileSync(file);
  if (image.length > 19 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
  process.stderr.write(`caixun: ${file} is in a folder this user cannot write; reading a copy in memory\n`);
  return new SqliteStore(file, { mustExist: true, readonly: true, image });
}

export async function openStoreForReading(spec: string): Promise<Store> {
  if (isPostgresUrl(spec) || !needsReadOnlyOpen(spec)) return openStore(spec, { mustExist: true });
  let store: Store | undefined;
  try {
    store = await openStore(spec, { mustExist: true, readonly: true });
    await store.countArticles(); // the first read is where a missing -shm shows
    return store;
  } catch {
    await store?.close().catch(() => undefined);
    return openInMemory(spec);
  }
}
