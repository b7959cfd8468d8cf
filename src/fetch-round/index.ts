/** One fetch round over the configured sources. */
export {
  clientFromConfig,
  runFetchRound,
  type FetchRoundOptions,
  type FetchRoundStore,
} from './run-fetch-round.js';
export { createHostLimiter, type HostLimiter } from './host-limiter.js';
export { nextDueAt } from './backoff.js';
export type {
  FetchRoundEvent,
  FetchRoundSummary,
  SourceFailureKind,
  SourceResult,
} from './types.js';
