/**
 * `caixun facts`: the numeric claims of the archive, of one story (merged across its versions,
 * conflicts first) or about one subject; `--targets`: every target and whether it was met.
 */
import { formatChineseAmount } from '../../facts/numbers.js';
import {
  ensureFacts,
  queryClaims,
  storyFacts,
  targetReports,
  toClaimLine,
  toTargetLine,
  type ClaimLine,
} from '../../facts/query.js';
import { openStoreForReading } from '../../store/open-for-reading.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of `caixun facts`. */
export interface FactsCommandOptions {
  db: string;
  json?: boolean;
  story?: string;
  subject?: string;
  targets?: boolean;
}

const amount = (value: number, unit: string): string => `${formatChineseAmount(value)}${unit}`;

function formatClaim(c: ClaimLine): string {
  return `${(c.period ?? '-').padEnd(16)}  ${c.subject || '?'}  ${c.qualifier ?? ''}${amount(c.value, c.unit)}  [${c.kind}]  ${c.articleId}`;
}

/** `caixun facts [--story ID] [--subject TEXT] [--targets] [--json]`. */
export async function runFactsCommand(options: FactsCommandOptions): Promise<number> {
  const store = await openStoreForReading(options.db);
  try {
    const extracted = await ensureFacts(store);
    if (extracted > 0) process.stderr.write(`facts: extracted the claims of ${extracted} articles first\n`);
    if (options.targets) {
      for (const r of await targetReports(store)) {
        const t = toTargetLine(r);
        await writeLine(
          options.json
            ? JSON.stringify(t)
            : `${t.status.padEnd(7)}  ${t.subject}  ${amount(t.value, t.unit)}  by ${t.deadline ?? '-'}  (${t.evidence.join(', ')})`,
        );
      }
      return EXIT.ok;
    }
    if (options.story !== undefined && !options.json) {
      const { facts, versionIds } = await storyFacts(store, options.story);
      await writeLine(`story ${options.story}: ${versionIds.length} versions, ${facts.length} facts`);
      for (const f of facts) {
        const values = f.values.map((v) => `${v.qualifier ?? ''}${amount(v.value, f.unit)} (${v.articleIds.length}/${versionIds.length})`);
        await writeLine(`${f.status === 'conflict' ? '!' : f.status === 'partial' ? '~' : '='} ${(f.period ?? '-').padEnd(16)}  ${f.subject || '?'}  ${values.join(' vs ')}  [${f.kind}]`);
      }
      return EXIT.ok;
    }
    if (options.story !== undefined) await storyFacts(store, options.story); // a clear error for an unknown story
    const claims = await queryClaims(store, {
      ...(options.story === undefined ? {} : { storyId: options.story }),
      ...(options.subject === undefined ? {} : { subject: options.subject }),
    });
    for (const c of claims) {
      const line = toClaimLine(c);
      await writeLine(options.json ? JSON.stringify(line) : formatClaim(line));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
