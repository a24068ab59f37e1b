/**
 * `npm run demo` stops completely when only npm gets the signal – `kill -INT <pid of npm>`, as a process
 * manager or an IDE's stop button sends it, not Ctrl-C to the whole process group: bot and Playground
 * end with it, nothing is left running, both ports are free again. Real processes: npm, the demo,
 * the Playground (its own process group).
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, portFree } from '../../src/demo/teamsPlayground';
import { tempDir } from '../harness';
import { waitUntil } from './playgroundDriver';

const ROOT = path.resolve(__dirname, '../..');

/** All processes below `pid` (children, grandchildren, …), from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** Running (not a zombie waiting to be reaped). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} to the npm process alone stops bot and Playground`, async () => {
    const dir = tempDir('intm-demo-stop-');
    const botPort = await freePort();
    const playgroundPort = await freePort();
    const npm = spawn('npm', ['run', 'demo'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(botPort), INTM_DEMO_PLAYGROUND_PORT: String(playgroundPort), INTM_DEMO_DIR: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    npm.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    let tree: number[] = [];
    try {
      await waitUntil(async () => output.includes('Beenden: Strg+C') || npm.exitCode !== null, 150_000, `Demo gestartet:\n${output}`);
      expect(output).toContain(`http://localhost:${playgroundPort}`);
      tree = descendants(npm.pid!);
      // The demo itself and the Playground's node process (at least).
      expect(tree.length).toBeGreaterThanOrEqual(2);
      expect(await portFree(botPort)).toBe(false);
      expect(await portFree(playgroundPort, '0.0.0.0')).toBe(false);

      process.kill(npm.pid!, signal);
      // npm, the demo and the Playground: all gone within a few seconds (the bot's clean stop included).
      const all = [npm.pid!, ...tree];
      await waitUntil(async () => all.every((pid) => !alive(pid)), 20_000).catch(() => {
        throw new Error(`Nach ${signal} an npm laufen noch: ${all.filter(alive).map((pid) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)]).toString().trim()).join('; ')}`);
      });
      await exited;
      expect(await portFree(botPort)).toBe(true);
      expect(await portFree(playgroundPort, '0.0.0.0')).toBe(true);
      expect(output).toContain('Beendet. (Bot und Playground sind gestoppt.)');
    } finally {
      for (const pid of [npm.pid!, ...tree]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone, as it should be
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
}
