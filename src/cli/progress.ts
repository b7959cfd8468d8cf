/** Progress for long jobs: a bar on a terminal, a plain line every few seconds otherwise. */
import { SingleBar } from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

/** Seconds between plain progress lines when stderr is not a terminal. */
const PLAIN_INTERVAL_MS = 5000;

export function createProgress(label: string, enabled: boolean, unit = 'files'): ProgressReporter {
  if (!enabled) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} ${unit}, {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        } else if (total !== bar.getTotal()) {
          bar.setTotal(total);
        }
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last >= PLAIN_INTERVAL_MS && done < total) {
        last = now;
        process.stderr.write(`${label}: ${done}/${total} ${unit}\n`);
      }
    },
    stop: () => {},
  };
}
