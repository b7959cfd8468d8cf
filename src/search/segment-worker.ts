/** Worker-thread entry of {@link segmentPool}: the search documents of each batch it is sent. */
import { serveTasks } from '../util/task-worker.js';
import { searchDocumentsOf } from './segment-pool.js';

serveTasks(searchDocumentsOf);
