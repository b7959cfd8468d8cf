/**
 * Search documents segmented on a worker thread (see util/task-worker.ts), so that on two cores
 * jieba runs beside clustering and the SQLite writes instead of between them.
 */
import type { SearchDocument, SearchSourceRow } from '../store/tables.js';
import { TaskWorker } from '../util/task-worker.js';
import { searchDocumentOf } from './search-document.js';

/** What segmenting needs of an article. */
export type SegmentInput = Pick<SearchSourceRow, 'title' | 'text' | 'body_br' | 'outlet_key' | 'categories'>;

/** The search documents of a batch, in order. */
export const searchDocumentsOf = (inputs: SegmentInput[]): SearchDocument[] => inputs.map(searchDocumentOf);

/** Segmenting on a worker thread (`threaded`) or in this one. */
export function segmentPool(threaded: boolean): TaskWorker<SegmentInput, SearchDocument> {
  return new TaskWorker(import.meta.url, 'segment-worker', searchDocumentsOf, threaded, 'search');
}
