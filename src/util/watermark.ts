/**
 * Watermarks of the derive steps (search, facts): the `updated_at` stamp (an ISO time to the
 * millisecond) a step's last run reached, and the two times derived from it.
 */

/**
 * Articles whose `updated_at` is up to this much older than the watermark are looked at again:
 * a batch is stamped just before its transaction, so a concurrent writer (a `caixun fetch` during
 * an import) can commit a stamp slightly older than one already seen. Their content hash makes
 * the second look cheap.
 */
const WATERMARK_SLACK_MS = 60_000;

const shifted = (watermark: string, ms: number): string => {
  const t = Date.parse(watermark);
  return Number.isNaN(t) ? '' : new Date(t + ms).toISOString();
};

/** Where a run starts looking: the slack before `watermark` ('' without one: every article). */
export const lookBackFrom = (watermark: string): string => shifted(watermark, -WATERMARK_SLACK_MS);

/** The first stamp strictly after `watermark` ('' without one: every article). */
export const justAfter = (watermark: string): string => shifted(watermark, 1);
