/**
 * Runs the slowest test files first, by the durations in test-durations.json (a recent run's,
 * committed), so the forks finish together instead of one fork running a 40 s browser file
 * alone at the end. vitest's own ordering does this only from its local cache, which a fresh
 * clone (CI) does not have: there it runs the largest files first, and file size says little
 * about time. Files the table does not know run first, in vitest's order.
 * Refresh the table after a full run with `node scripts/update-test-durations.mjs`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const TABLE = new URL('./test-durations.json', import.meta.url);

export default class DurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const durations = JSON.parse(readFileSync(TABLE, 'utf8')) as Record<string, number>;
    const root = this.ctx.config.root;
    const duration = (spec: TestSpecification): number =>
      durations[`${spec.project.name}:${relative(root, spec.moduleId)}`] ?? Number.POSITIVE_INFINITY;
    // Array.prototype.sort is stable: unknown files (Infinity, equal to each other) keep
    // vitest's order among themselves.
    return (await super.sort(files)).sort((a, b) => {
      const [da, db] = [duration(a), duration(b)];
      return da === db ? 0 : da > db ? -1 : 1;
    });
  }
}
