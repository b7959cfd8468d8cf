/** Worker-thread entry of {@link extractPool}: the claims of each batch it is sent. */
import { serveTasks } from '../util/task-worker.js';
import { claimInputsOfAll } from './extract-pool.js';

serveTasks(claimInputsOfAll);
