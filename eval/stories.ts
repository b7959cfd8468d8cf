/**
 * `npm run eval -- stories`: the labelled story evaluation through the real importer and the
 * SQLite story tables (see test/stories/run-eval.ts). Details go to stderr; the figures are
 * returned for the one JSON line on stdout.
 */
import { runStoryEval } from '../test/stories/run-eval.js';

const round = (x: number): number => Number(x.toFixed(4));

/** Run the stories evaluation and return its figures. */
export async function evalStories(): Promise<Record<string, unknown>> {
  const r = await runStoryEval();
  const { report } = r;
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  say(`eval stories: imported ${r.imported.files} files → ${r.imported.articles} articles (${r.imported.failed} failed)`);
  say(`eval stories: labelled paths mapped by raw.origin ${r.mapped.byOrigin}, as another stored version of one document ${r.mapped.bySameDocument}`);
  say(`eval stories: clustered ${r.counts.clustered} articles into ${r.counts.stories} stories (${r.counts.joined} joined an existing story)`);
  say(`eval stories: pairwise P ${round(report.precision)} R ${round(report.recall)} F1 ${round(report.f1)}; B-cubed F1 ${round(report.bcubed.f1)}`);
  say(`eval stories: ${report.errors.length} errors`);
  for (const e of report.errors) {
    say(`  ${e.kind}${e.label === undefined ? '' : ` [${e.label}]`}: ${e.a} (${r.titles.get(e.a) ?? ''})`);
    say(`    vs ${e.b} (${r.titles.get(e.b) ?? ''})`);
  }
  const kinds = (k: string): number => report.errors.filter((e) => e.kind === k).length;
  return {
    eval: 'stories',
    importer: 'importPaths + clusterPending (SQLite)',
    articles: r.imported.articles,
    labelledFiles: r.predicted.size,
    stories: r.counts.stories,
    goldPairs: report.goldPairs,
    predictedPairs: report.predictedPairs,
    precision: round(report.precision),
    recall: round(report.recall),
    f1: round(report.f1),
    bcubed: { precision: round(report.bcubed.precision), recall: round(report.bcubed.recall), f1: round(report.bcubed.f1) },
    errors: report.errors.length,
    missed: kinds('missed'),
    falseMerges: kinds('false-merge'),
    hardNegativesMerged: kinds('hard-negative'),
    importMs: r.timings.importMs,
    clusterMs: r.timings.clusterMs,
  };
}
