/**
 * A private PostgreSQL server for the tests (vitest globalSetup): `initdb` into a temporary
 * directory, `pg_ctl start` on a free loopback port, stopped and deleted when the run ends. The
 * admin URL goes to the test processes as CAIXUN_TEST_PG; {@link freshPgDatabase} makes one
 * database per test from it. A server given in CAIXUN_TEST_PG beforehand is used as it is.
 *
 * Needs Debian's `postgresql` package (any version; the newest under /usr/lib/postgresql is
 * used). initdb refuses to run as root, so as root the server runs as the `postgres` user.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Run a PostgreSQL program, as the `postgres` user when we are root. */
function run(bin: string, program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A run killed before its teardown (Ctrl-C twice, a CI timeout) would leave the server running
 * and its directory behind: a detached shell stops and deletes them once `pid` is gone.
 */
function stopWhenGone(pid: number, bin: string, data: string, dir: string): { kill(): void } {
  const asRoot = process.getuid?.() === 0;
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}"$1/pg_ctl" -D "$2" -m immediate stop`;
  // Gone: no /proc entry, or a zombie its parent has not reaped yet.
  const alive = `[ -e /proc/$0 ] && ! grep -q '^State:[[:space:]]*Z' /proc/$0/status 2>/dev/null`;
  const script = `while ${alive}; do sleep 2; done; ${pgCtl} >/dev/null 2>&1; rm -rf "$3"`;
  const child = spawn('sh', ['-c', script, String(pid), bin, data, dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return { kill: () => void child.kill() };
}

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.CAIXUN_TEST_PG) return undefined;
  const bin = postgresBin();
  if (bin === undefined) {
    // Tests that need PostgreSQL fail with this message (see freshPgDatabase).
    process.env.CAIXUN_TEST_PG_MISSING = 'PostgreSQL is not installed: apt-get install postgresql (or set CAIXUN_TEST_PG to an admin URL)';
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'caixun-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  run(bin, 'initdb', ['-D', data, '-U', 'caixun', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run(bin, 'pg_ctl', [
    '-D', data, '-l', join(dir, 'server.log'), '-w', 'start',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
  ]);
  process.env.CAIXUN_TEST_PG = `postgres://caixun@127.0.0.1:${port}/postgres`;
  const watchdog = stopWhenGone(process.pid, bin, data, dir);
  return () => {
    watchdog.kill();
    try {
      run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
