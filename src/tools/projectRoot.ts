/** The project folder, found from this file: it is src/tools/ under Jest and dist/src/tools/ once compiled. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findProjectRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'appPackage'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Projektordner (mit package.json und appPackage/) nicht gefunden ab ${start}`);
  }
}
