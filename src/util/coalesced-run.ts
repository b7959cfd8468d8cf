/**
 * One background task run on request, with requests coalesced: a request while it runs makes it
 * run once more afterwards, never twice at once. The scheduler and the worker derive (stories,
 * search, facts) this way after sources bring new articles.
 */
export interface CoalescedRun {
  /** Start the task, or have it run again once the current run ends. */
  request(): void;
  /** Resolves when no run is in progress (nor one requested meanwhile). */
  idle(): Promise<void>;
}

/**
 * @param task - the work; a failure goes to `onError` and does not stop later runs.
 * @param stopped - once true, requests are ignored and no further run starts.
 */
export function coalescedRun(task: () => Promise<unknown>, onError: (err: unknown) => void, stopped: () => boolean = () => false): CoalescedRun {
  let running: Promise<void> | undefined;
  let again = false;
  return {
    request(): void {
      if (stopped()) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await task();
          } catch (err) {
            onError(err);
          }
        } while (again && !stopped());
      })().finally(() => (running = undefined));
    },
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
