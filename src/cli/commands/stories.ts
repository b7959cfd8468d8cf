/**
 * `caixun stories`, `caixun story <id>` and `caixun recluster`: list the stories, show one
 * story's versions and what each changed against the representative, rebuild all stories.
 */
import type { Article } from '../../model/article.js';
import { openStore } from '../../store/open-store.js';
import { openStoreForReading } from '../../store/open-for-reading.js';
import type { Store } from '../../store/store.js';
import { derivePending, deriveSteps } from '../../derive/derive-pending.js';
import { reclusterAll, type ClusterProgress } from '../../stories/cluster-store.js';
import { buildStoryDetail, paragraphSpan, toStoryListEntry, type StoryDetail } from '../../stories/story-view.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

export type { ParagraphRef, StoryDetail, StoryListEntry, StoryVersion } from '../../stories/story-view.js';

/** Options shared by the story commands. */
export interface StoriesCommandOptions {
  db: string;
  json?: boolean;
  limit?: number;
  progress?: boolean;
}

/** `caixun stories`: newest stories first, one line (or JSON object) each. */
export async function runStoriesCommand(options: StoriesCommandOptions): Promise<number> {
  const store = await openStoreForReading(options.db);
  try {
    const tables = store.stories();
    for (const story of await tables.listStories(options.limit ?? 50)) {
      const e = toStoryListEntry(story);
      await writeLine(
        options.json
          ? JSON.stringify(e)
          : `${(e.firstSeen ?? '-').padEnd(25)}  ${String(e.articleIds.length).padStart(3)} art.  ${e.outlets.join(',')}  ${e.title}  [${e.id}]`,
      );
    }
    const pending = await tables.countPending();
    if (pending > 0) process.stderr.write(`stories: ${pending} articles are not clustered yet; run \`caixun recluster\`\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function loadStory(store: Store, id: string): Promise<StoryDetail> {
  const story = await store.stories().getStory(id);
  if (story === undefined) throw new UsageError(`story: no story ${JSON.stringify(id)} (list them with \`caixun stories\`)`);
  const articles = new Map<string, Article>();
  for (const m of story.members) {
    const a = await store.getArticle(m.id);
    if (a !== undefined) articles.set(m.id, a);
  }
  return buildStoryDetail(story, articles);
}

const clip = (s: string, n = 60): string => (Array.from(s).length > n ? `${Array.from(s).slice(0, n).join('')}…` : s);

function formatStory(d: StoryDetail): string[] {
  const lines = [
    `${d.title}  [${d.id}]`,
    `first seen ${d.firstSeen ?? '-'}, last seen ${d.lastSeen ?? '-'}; ${d.versions.length} versions`,
    `attribution: ${d.chain.map((l) => (l.publishedAt === null ? l.name : `${l.name} (${l.publishedAt})`)).join(' → ')}`,
  ];
  if (d.related.length > 0) lines.push(`related: ${d.related.join(', ')}`);
  for (const v of d.versions) {
    lines.push('', `${v.representative ? '*' : '-'} ${v.publishedAt ?? '-'}  ${v.outlet}  ${v.title}  [${v.articleId}]`);
    if (v.representative) {
      lines.push('  representative (most complete version)');
      continue;
    }
    for (const p of v.lacks) lines.push(`  lacks ¶${p.index + 1}: ${clip(p.text)}`);
    for (const p of v.adds) lines.push(`  adds  ¶${p.index + 1}: ${clip(p.text)}`);
    for (const c of v.changed) {
      const edits = c.changes.map((x) => `${x.from === '' ? '∅' : clip(x.from, 20)} → ${x.to === '' ? '∅' : clip(x.to, 20)}`);
      lines.push(`  ¶${c.repIndex + 1}: ${clip(edits.join('; '), 120)}`);
    }
    for (const r of v.relaid) lines.push(`  (layout: ¶${paragraphSpan(r.repIndices)} laid out as ¶${paragraphSpan(r.versionIndices)})`);
    if (v.lacks.length + v.adds.length + v.changed.length === 0) lines.push(`  same text as the representative${v.relaid.length > 0 ? ' (other paragraph breaks)' : ''}`);
  }
  return lines;
}

/** `caixun story <id>`: the versions of one story and how each differs from the representative. */
export async function runStoryCommand(id: string, options: StoriesCommandOptions): Promise<number> {
  const store = await openStoreForReading(options.db);
  try {
    const detail = await loadStory(store, id);
    if (options.json) await writeLine(JSON.stringify(detail));
    else for (const line of formatStory(detail)) await writeLine(line);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** Progress on stderr: an updating line on a terminal, a plain line every few seconds otherwise. */
function progressPrinter(enabled: boolean): { update: (p: ClusterProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000) && p.done < p.total) return;
      last = now;
      shown = true;
      process.stderr.write(`${tty ? '\r' : ''}clustering: ${p.done}/${p.total} articles${tty ? '' : '\n'}`);
    },
    stop: () => {
      if (tty && shown) process.stderr.write('\n');
      shown = false;
    },
  };
}

/** `caixun recluster`: wipe the stories and cluster every article again, in publication order. */
export async function runReclusterCommand(options: StoriesCommandOptions): Promise<number> {
  const store = await openStore(options.db, { mustExist: true });
  const progress = progressPrinter(options.progress !== false);
  try {
    const started = performance.now();
    const counts = await reclusterAll(store, { onProgress: progress.update });
    progress.stop();
    // After `import --no-stories` nothing downstream ran either: bring search and facts up to date.
    const derived = await derivePending(store, { steps: deriveSteps.filter((s) => s.name !== 'stories') });
    const durationMs = Math.round(performance.now() - started);
    const also = Object.entries(derived).map(([step, n]) => `${step} ${n}`).join(', ');
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ...counts, derived, durationMs })}\n`
        : `clustered ${counts.clustered} articles into ${counts.stories} stories in ${(durationMs / 1000).toFixed(1)} s` +
            `${also === '' ? '' : `; also brought up to date: ${also}`}\n`,
    );
    return EXIT.ok;
  } finally {
    progress.stop();
    await store.close();
  }
}

