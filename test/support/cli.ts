/** Runs the real `caixun` CLI in a child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../corpus.js';

/**
 * Which CLI the tests run: the built one in dist/ (what users run) when `npm test` has just built
 * it and says so with CAIXUN_TEST_BUILT_CLI=1, else the sources through tsx (a bare `vitest run`
 * while editing). The built CLI starts in half the CPU time, and the suite starts it hundreds of times.
 */
const nodeArgs =
  process.env.CAIXUN_TEST_BUILT_CLI === '1'
    ? [join(projectRoot, 'dist', 'cli', 'main.js')]
    : ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts')];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program to its end without blocking this process. A `spawnSync` would stall the test
 * fork's event loop for the whole run, and on a loaded machine vitest's own RPC calls (a 60 s
 * timeout, timed in this process) then fail with `Timeout calling "onTaskUpdate"`.
 */
export function runProgram(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<CliResult> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}

/** Runs the real CLI to its end (see {@link runProgram}); `uid`/`gid`: as another user. */
export function runCli(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number } = {}): Promise<CliResult> {
  return runProgram(process.execPath, [...nodeArgs, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, CAIXUN_DB: undefined },
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
}

/** Starts the CLI without waiting; the caller kills or awaits it. */
export function startCli(args: readonly string[]) {
  return spawn(process.execPath, [...nodeArgs, ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}
