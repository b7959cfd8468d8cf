/**
 * Claims extracted on a worker thread (see util/task-worker.ts), so that on two cores the facts
 * step runs beside the stories and search steps instead of after them.
 */
import { textOf, type TextSource } from '../store/packed-text.js';
import type { ClaimInput } from '../store/tables.js';
import { TaskWorker } from '../util/task-worker.js';
import { extractClaims } from './extract.js';
import { normalizeSubject } from './subject.js';

/** What extraction needs of an article. */
export interface ExtractInput extends TextSource {
  publishedAt: string | null;
}

/** The stored claims of one article: each claim with its normalised subject. */
export function claimInputsOf(input: ExtractInput): ClaimInput[] {
  return extractClaims(textOf(input), input.publishedAt).map((c) => ({ ...c, subjectKey: normalizeSubject(c.subject) }));
}

/** The stored claims of a batch, in order. */
export const claimInputsOfAll = (inputs: ExtractInput[]): ClaimInput[][] => inputs.map(claimInputsOf);

/** Extraction on a worker thread (`threaded`) or in this one. */
export function extractPool(threaded: boolean): TaskWorker<ExtractInput, ClaimInput[]> {
  return new TaskWorker(import.meta.url, 'extract-worker', claimInputsOfAll, threaded, 'facts');
}
