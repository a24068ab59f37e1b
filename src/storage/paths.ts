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

/** `--data-dir`, else `INTM_DATA_DIR`, else `data/runtime` in the project (git-ignored). */
export function resolveDataDir(explicit?: string): string {
  return path.resolve(explicit ?? process.env.INTM_DATA_DIR ?? path.join(projectRoot(), 'data', 'runtime'));
}
