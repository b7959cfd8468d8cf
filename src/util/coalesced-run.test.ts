import { describe, expect, it } from 'vitest';
import { coalescedRun } from './coalesced-run.js';

/** A task whose runs end when the test says so. */
function controlledTask(): { task: () => Promise<void>; runs: number; finish(): void } {
  const pending: (() => void)[] = [];
  const t = {
    runs: 0,
    task: (): Promise<void> => {
      t.runs++;
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    finish: (): void => pending.shift()?.(),
  };
  return t;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('coalescedRun', () => {
  it('runs once more for any number of requests made while it runs, never twice at once', async () => {
    const t = controlledTask();
    const run = coalescedRun(t.task, () => {});
    run.request();
    run.request();
    run.request();
    expect(t.runs).toBe(1);
    t.finish();
    await turn();
    expect(t.runs).toBe(2);
    t.finish();
    await run.idle();
    expect(t.runs).toBe(2);
  });

  it('reports a failure and runs again on the next request', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const run = coalescedRun(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    }, (err) => errors.push(err));
    run.request();
    await run.idle();
    run.request();
    await run.idle();
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
  });

  it('ignores requests once stopped and does not start the coalesced extra run', async () => {
    const t = controlledTask();
    let stopped = false;
    const run = coalescedRun(t.task, () => {}, () => stopped);
    run.request();
    run.request();
    stopped = true;
    run.request();
    t.finish();
    await run.idle();
    expect(t.runs).toBe(1);
  });
});
