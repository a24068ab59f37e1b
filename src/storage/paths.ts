/** Where the project and its runtime data live, independent of the working directory. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder with the project's package.json (works from src/ under Jest and from dist/ when built). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/**
 * `--data-dir`, else `INTM_DATA_DIR`, else `data/runtime` in the project (git-ignored). An empty value
 * counts as not set: `INTM_DATA_DIR=` in an env file must not put the data into the working directory.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = [explicit, env.INTM_DATA_DIR].find((d) => d !== undefined && d.trim() !== '');
  return path.resolve(given ?? path.join(projectRoot(), 'data', 'runtime'));
}
