/** Runs the real `caixun` CLI (from source, through tsx) in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../corpus.js';

const entry = join(projectRoot, 'src', 'cli', 'main.ts');
const nodeArgs = ['--import', 'tsx', entry];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, CAIXUN_DB: undefined },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting; the caller kills or awaits it. */
export function startCli(args: readonly string[]) {
  return spawn(process.execPath, [...nodeArgs, ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}
