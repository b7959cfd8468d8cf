/**
 * bench web: requests/s and latency (p50/p95/p99, exact, from every response) of the real
 * `caixun serve` (a child process) under autocannon at 200 concurrent connections, on the corpus
 * replicated bigger: each copy maps every Han character through its own permutation, so a copy's
 * texts share no wording with the others (its own stories, with the corpus's reprints and diffs
 * intact) and is dated 400 days after the previous one. Targets: GET /healthz (the baseline, same
 * run), the home page, one story page with versions and diffs (the target), and a mix of every
 * story page in turn (mostly first renders: informational).
 *   npm run bench -- web [copies=25] [seconds=10] [connections=200]
 * Targets: story page p95 ≤ 50 ms, 0 errors.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivePending } from '../src/derive/derive-pending.js';
import { importPaths } from '../src/ingest/import-job.js';
import type { Article } from '../src/model/article.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { corpusDir, projectRoot } from '../test/corpus.js';
import { copyArticle, hanCharacters, permutation } from '../test/support/permuted-corpus.js';

/** Builds the archive: the corpus through the real importer, then `copies - 1` permuted copies. */
async function buildArchive(dbPath: string, copies: number): Promise<{ articles: number; stories: number; storyId: string; storyVersions: number; storyIds: string[] }> {
  const store = new SqliteStore(dbPath);
  try {
    await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], store, { workers: 0 });
    const originals: Article[] = [];
    for await (const a of store.iterateArticles()) originals.push(a);
    const chars = hanCharacters(originals);
    for (let k = 1; k < copies; k++) await store.upsertArticles(originals.map((a) => copyArticle(a, k, permutation(chars, k))));
    await derivePending(store);
    const tables = store.stories();
    const all = await tables.listStories(1_000_000);
    // The newest copy's story with the most versions: the heaviest story page a reader opens.
    const newestCopy = all.filter((s) => s.members.every((m) => m.id.endsWith(`~${copies - 1}`) || copies === 1));
    const heavy = [...(newestCopy.length > 0 ? newestCopy : all)].sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1))[0];
    if (heavy === undefined) throw new Error('bench web: no stories');
    return { articles: await store.countArticles(), stories: all.length, storyId: heavy.id, storyVersions: heavy.members.length, storyIds: all.map((s) => s.id) };
  } finally {
    await store.close();
  }
}

/** Starts `caixun serve` on a free port; resolves with its URL. */
function startServe(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts'), 'serve', '--db', dbPath, '--port', '0'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`bench web: serve exited with ${code}: ${out}`)));
  });
}

interface Figures {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;

/** Runs autocannon against `paths` (round robin per connection) and measures every response. */
async function load(url: string, paths: readonly string[], seconds: number, connections: number): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
  let resolveDone: (r: autocannon.Result) => void = () => {};
  let rejectDone: (e: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
    },
    (err, result) => (err ? rejectDone(err) : resolveDone(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await done;
  const sorted = Float64Array.from(times).sort();
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.total / seconds),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** `npm run bench -- web [copies] [seconds] [connections]`. */
export async function benchWeb(args: string[]): Promise<Record<string, unknown>> {
  const copies = Math.max(1, Number(args[0] ?? 25));
  const seconds = Math.max(1, Number(args[1] ?? 10));
  const connections = Math.max(1, Number(args[2] ?? 200));
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-web-'));
  let child: ChildProcess | undefined;
  try {
    const dbPath = join(work, 'web.db');
    const t0 = performance.now();
    const archive = await buildArchive(dbPath, copies);
    process.stderr.write(`bench web: ${archive.articles} articles, ${archive.stories} stories in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const server = await startServe(dbPath);
    child = server.child;
    // Warm up every route once (module loading, statement preparation), not measured.
    for (const p of ['/healthz', '/', `/story/${archive.storyId}`]) await (await fetch(`${server.url}${p}`)).text();
    const run = async (name: string, paths: string[]): Promise<Figures> => {
      const figures = await load(server.url, paths, seconds, connections);
      process.stderr.write(`bench web: ${name} ${JSON.stringify(figures)}\n`);
      return figures;
    };
    const healthz = await run('healthz', ['/healthz']);
    const home = await run('home', ['/']);
    const story = await run('story', [`/story/${archive.storyId}`]);
    const storyMix = await run('storyMix', archive.storyIds.map((id) => `/story/${id}`));
    const errors = [healthz, home, story, storyMix].reduce((n, f) => n + f.errors + f.non2xx, 0);
    return {
      bench: 'web',
      articles: archive.articles,
      stories: archive.stories,
      connections,
      seconds,
      storyPage: `/story/${archive.storyId}`,
      storyVersions: archive.storyVersions,
      baseline: healthz,
      home,
      story,
      storyMix,
      // On a shared machine the baseline's own p95 says how much of the story p95 is the machine.
      storyP95VsBaseline: Math.round((story.p95Ms / Math.max(0.1, healthz.p95Ms)) * 100) / 100,
      targets: { storyP95Ms: 50, errors: 0 },
      pass: story.p95Ms <= 50 && errors === 0,
    };
  } finally {
    child?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
