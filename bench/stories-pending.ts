/**
 * bench stories-pending: what a stories step costs when little or nothing is pending (issue 16),
 * on archives of N clustered articles (the corpus's articles and their permuted copies, as
 * bench/ingest.ts makes them), on SQLite and PostgreSQL. Per round and archive: an empty
 * `clusterPending` (nothing pending; median of 5) and a run of 50 new articles (the newest,
 * stored just before), after a warm-up run of 50 (a process's first run loads the index). With `--base DIR` (a checkout of another commit, e.g. main, with
 * node_modules) the archive is built by that code, copied, the copy opened by this code (its
 * migrations run, timed), and the rounds alternate between the two, each on its own copy; the
 * stories of both must come out the same.
 *   npm run bench -- stories-pending [--articles 20000,100000] [--rounds 3] [--base /tmp/main]
 *     [--backends sqlite,postgres] [--db postgres://ADMIN-URL]
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Article } from '../src/model/article.js';
import { projectRoot } from '../test/corpus.js';
import { importedCorpus, permutedArticles } from '../test/support/permuted-corpus.js';
import startPostgres from '../test/support/postgres-server.js';

/** Articles of one 'small run'. */
const RUN = 50;
/** Empty runs timed per round (the median is reported). */
const EMPTY_REPS = 5;

interface Store {
  upsertArticles(articles: readonly Article[]): Promise<unknown>;
  stories(): { countPending(): Promise<number>; countStories(): Promise<number>; listStories(limit: number): Promise<{ members: { id: string }[] }[]> };
  close(): Promise<void>;
}
interface Code {
  name: string;
  openStore(spec: string): Promise<Store>;
  clusterPending(store: Store): Promise<{ clustered: number; stories: number }>;
}

async function loadCode(name: string, root: string): Promise<Code> {
  const open = (await import(join(root, 'src/store/open-store.ts'))) as { openStore(spec: string): Promise<Store> };
  const cluster = (await import(join(root, 'src/stories/cluster-store.ts'))) as Pick<Code, 'clusterPending'>;
  return { name, openStore: (spec) => open.openStore(spec), clusterPending: (store) => cluster.clusterPending(store) };
}

function parseOptions(args: readonly string[]) {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    articles: (value('--articles') ?? '20000,100000').split(',').map(Number),
    rounds: Number(value('--rounds') ?? 3),
    base: value('--base'),
    backends: (value('--backends') ?? 'sqlite,postgres').split(','),
    db: value('--db'),
  };
}

/** `n` archive articles in publication order, then `extra` newer ones (the small runs). */
async function makeArticles(n: number, extra: number): Promise<{ archive: Article[]; later: Article[] }> {
  const all = permutedArticles(await importedCorpus(), n + extra);
  const time = (a: Article): number => Date.parse(a.publishedAt ?? a.fetchedAt);
  all.sort((x, y) => time(x) - time(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { archive: all.slice(0, n), later: all.slice(n) };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function dbUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const ms = (t0: number): number => Number((performance.now() - t0).toFixed(1));
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Member sets of every story, sorted (for comparing two archives). */
async function partition(store: Store): Promise<string[]> {
  const tables = store.stories();
  const stories = await tables.listStories(Math.max(1, await tables.countStories()));
  return stories.map((s) => s.members.map((m) => m.id).sort().join('|')).sort();
}

export async function benchStoriesPending(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const head = await loadCode('branch', projectRoot);
  const base = options.base === undefined ? undefined : await loadCode('base', resolve(options.base));
  if (base !== undefined && !existsSync(join(resolve(options.base!), 'node_modules'))) throw new Error('bench stories-pending: --base needs node_modules');
  const builder = base ?? head;
  const dir = mkdtempSync(join(tmpdir(), 'caixun-bench-pending-'));
  const wantPg = options.backends.includes('postgres');
  const stopServer = wantPg && options.db === undefined ? await startPostgres() : undefined;
  const adminUrl = options.db ?? process.env.CAIXUN_TEST_PG;
  const results: Record<string, unknown>[] = [];
  const databases: string[] = [];
  try {
    for (const n of options.articles) {
      // One more run than rounds: the warm-up's (it loads the candidate index and the stories).
      const { archive, later } = await makeArticles(n, RUN * (options.rounds + 1));
      for (const backend of options.backends) {
        // The archive, built and clustered by the base code (or this code without --base).
        let baseSpec: string;
        let headSpec: string;
        if (backend === 'sqlite') {
          baseSpec = join(dir, `base-${n}.db`);
          headSpec = join(dir, `head-${n}.db`);
        } else {
          if (adminUrl === undefined) throw new Error(`bench stories-pending: no PostgreSQL (${process.env.CAIXUN_TEST_PG_MISSING ?? 'pass --db'})`);
          const name = `pend_${n}_${process.pid}`;
          await adminQuery(adminUrl, `CREATE DATABASE ${name}_base`);
          databases.push(`${name}_base`);
          baseSpec = dbUrl(adminUrl, `${name}_base`);
          headSpec = dbUrl(adminUrl, `${name}_head`);
        }
        const t0 = performance.now();
        const building = await builder.openStore(baseSpec);
        for (let i = 0; i < archive.length; i += 1_000) await building.upsertArticles(archive.slice(i, i + 1_000));
        const built = await builder.clusterPending(building);
        await building.close();
        const buildMs = ms(t0);
        process.stderr.write(`${backend} ${n}: built in ${(buildMs / 1000).toFixed(0)} s, ${built.stories} stories\n`);
        const codes: Code[] = base === undefined ? [head] : [base, head];
        const specs = new Map<Code, string>([[builder, baseSpec]]);
        let migrateMs: number | undefined;
        if (base !== undefined) {
          if (backend === 'sqlite') copyFileSync(baseSpec, headSpec);
          else {
            const name = new URL(headSpec).pathname.slice(1);
            await adminQuery(adminUrl!, `CREATE DATABASE ${name} TEMPLATE ${new URL(baseSpec).pathname.slice(1)}`);
            databases.push(name);
          }
          specs.set(head, headSpec);
        }
        // Open each once (a worker keeps its store) and warm it: the first run of a process
        // loads the candidate index, whatever is pending.
        const stores = new Map<Code, Store>();
        const warmUp = later.slice(0, RUN);
        for (const code of codes) {
          const t1 = performance.now();
          const store = await code.openStore(specs.get(code)!);
          if (code === head && base !== undefined) migrateMs = ms(t1);
          stores.set(code, store);
          await store.upsertArticles(warmUp);
          await code.clusterPending(store);
        }
        const figures = new Map<Code, { emptyMs: number[]; run50Ms: number[] }>(codes.map((c) => [c, { emptyMs: [], run50Ms: [] }]));
        for (let r = 0; r < options.rounds; r++) {
          const batch = later.slice((r + 1) * RUN, (r + 2) * RUN);
          const order = r % 2 === 0 ? codes : [...codes].reverse();
          for (const code of order) {
            const store = stores.get(code)!;
            const f = figures.get(code)!;
            const empties: number[] = [];
            for (let i = 0; i < EMPTY_REPS; i++) {
              const t2 = performance.now();
              const { clustered } = await code.clusterPending(store);
              empties.push(ms(t2));
              if (clustered !== 0) throw new Error(`bench stories-pending: ${code.name} clustered ${clustered} with nothing pending`);
            }
            f.emptyMs.push(median(empties));
            await store.upsertArticles(batch);
            const t3 = performance.now();
            const { clustered } = await code.clusterPending(store);
            f.run50Ms.push(ms(t3));
            if (clustered !== batch.length) throw new Error(`bench stories-pending: ${code.name} clustered ${clustered} of ${batch.length}`);
          }
        }
        let sameStories: boolean | undefined;
        if (base !== undefined) {
          const [a, b] = await Promise.all([partition(stores.get(base)!), partition(stores.get(head)!)]);
          sameStories = a.length === b.length && a.every((x, i) => x === b[i]);
        }
        for (const store of stores.values()) await store.close();
        const row = {
          backend,
          articles: n,
          stories: built.stories,
          buildSeconds: Number((buildMs / 1000).toFixed(1)),
          ...(migrateMs === undefined ? {} : { migrateMs }),
          ...(sameStories === undefined ? {} : { sameStories }),
          ...Object.fromEntries(codes.map((c) => [c.name, figures.get(c)])),
        };
        process.stderr.write(`${JSON.stringify(row)}\n`);
        results.push(row);
        if (backend === 'sqlite') for (const spec of [baseSpec, headSpec]) for (const s of ['', '-wal', '-shm']) rmSync(spec + s, { force: true });
        else for (const name of databases.splice(0)) await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }
    return { bench: 'stories-pending', rounds: options.rounds, run: RUN, cores: 2, loadavg: loadavg()[0], results };
  } finally {
    if (adminUrl !== undefined) for (const name of databases) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    stopServer?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
