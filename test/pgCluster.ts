/**
 * A throwaway PostgreSQL server for the tests: `initdb` in a temporary directory (as the `postgres`
 * user when the tests run as root, which PostgreSQL refuses to run as), a free port on 127.0.0.1,
 * the Unix socket in the same directory, fsync off (nothing here must survive a power cut), removed
 * again by `stop()`.
 *
 * Without PostgreSQL's binaries the PostgreSQL tests are skipped with a note – except in CI
 * (`CI` set), where that fails the run: CI installs Debian's `postgresql` (see .ci/run).
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The directory with initdb, pg_ctl and postgres: from PATH, else Debian's /usr/lib/postgresql/<major>/bin (newest). */
export function findPgBinDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/**
 * Whether the PostgreSQL tests can run here. In CI a missing PostgreSQL is an error (thrown while
 * the test file is collected, so the run fails); elsewhere the tests are skipped with a note.
 */
export function postgresAvailable(suite: string): boolean {
  if (findPgBinDir()) return true;
  if (process.env.CI) throw new Error(`${suite}: PostgreSQL binaries (initdb, pg_ctl) not found, but CI is set – .ci/run installs Debian's postgresql.`);
  console.warn(`${suite}: skipped – no PostgreSQL binaries found (initdb in PATH or /usr/lib/postgresql/*/bin). Install Debian's postgresql to run these tests.`);
  return false;
}

export interface PgCluster {
  /** URL of the cluster's `postgres` database. */
  url: string;
  /** A new, empty database in the cluster; its URL. */
  newDatabase(): Promise<string>;
  /**
   * Turns TLS on (a certificate for 127.0.0.1 from a CA made for the purpose, with openssl) and returns
   * the CA's file, for sslrootcert; the cluster keeps accepting plain connections too.
   */
  enableTls(): Promise<{ caFile: string }>;
  stop(): Promise<void>;
}

let counter = 0;

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = (file: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, file), ...args], { cwd: dir }) : run(path.join(bin, file), args, { cwd: dir });
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
    await exec('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  // A test run that ends without stop() (a crash, an interrupted Jest) must not leave a server behind.
  const onExit = () => {
    if (stopped) return;
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]);
    else spawnSync(path.join(bin, 'pg_ctl'), args);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return {
    url,
    async newDatabase() {
      const name = `intm_test_${process.pid}_${++counter}`;
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async enableTls() {
      const tls = path.join(dir, 'tls');
      await run('mkdir', ['-p', tls]);
      const ssl = (...args: string[]) => run('openssl', args, { cwd: tls });
      await ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=intm test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
      await ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
      writeFileSync(path.join(tls, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
      await ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'server.crt');
      // The server reads its key only when it belongs to it and nobody else may read it.
      copyFileSync(path.join(tls, 'server.crt'), path.join(data, 'server.crt'));
      copyFileSync(path.join(tls, 'server.key'), path.join(data, 'server.key'));
      chmodSync(path.join(data, 'server.key'), 0o600);
      if (asRoot) {
        const { stdout } = await run('id', ['-u', 'postgres']);
        chownSync(path.join(data, 'server.crt'), Number(stdout.trim()), -1);
        chownSync(path.join(data, 'server.key'), Number(stdout.trim()), -1);
      }
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('ALTER SYSTEM SET ssl = on');
        await client.query('SELECT pg_reload_conf()');
      } finally {
        await client.end();
      }
      await new Promise((r) => setTimeout(r, 300));
      return { caFile: path.join(tls, 'ca.pem') };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
