/**
 * `npm run eval -- facts`: precision, recall and F1 per field (value+unit, subject, kind,
 * period) of the claim extractor on the hand-labelled corpus articles (test/facts/labels.json),
 * through the real importer. Every miss goes to stderr; the figures are returned for the one
 * JSON line on stdout.
 */
import { runFactsEval } from '../test/facts/run-eval.js';

const round = (x: number): number => Number(x.toFixed(4));

/** Run the facts evaluation and return its figures. */
export async function evalFacts(): Promise<Record<string, unknown>> {
  const r = await runFactsEval();
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  const show = (c: { value: number; unit: string; subject: string; kind: string; period: string | null } | undefined): string =>
    c === undefined ? '—' : `${c.value}${c.unit} [${c.subject}] ${c.kind} ${c.period ?? 'null'}`;
  say(`eval facts: ${r.articles} labelled articles (of ${r.imported} imported)`);
  for (const m of r.scores.misses) {
    say(`  ${m.field.padEnd(10)} ${m.path}`);
    say(`    label:     ${show(m.gold)}`);
    say(`    extracted: ${show(m.predicted)}${m.predicted === undefined ? '' : `  «${m.predicted.text}»`}`);
  }
  const fields = Object.fromEntries(
    Object.entries(r.scores.fields).map(([k, s]) => [k, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) }]),
  );
  for (const [k, s] of Object.entries(r.scores.fields)) {
    say(`eval facts: ${k.padEnd(10)} P ${round(s.precision)} R ${round(s.recall)} F1 ${round(s.f1)} (${s.correct}/${s.predicted} predicted, ${s.gold} labelled)`);
  }
  const f = r.scores.fields;
  return {
    eval: 'facts',
    articles: r.articles,
    labelled: f['value+unit'].gold,
    extracted: f['value+unit'].predicted,
    fields,
    targets: { 'value+unit': 0.95, subject: 0.85, period: 0.85 },
    met: f['value+unit'].f1 >= 0.95 && f.subject.f1 >= 0.85 && f.period.f1 >= 0.85,
    misses: r.scores.misses.length,
  };
}
