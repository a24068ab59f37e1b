/** Where the data directory is: an empty setting must not turn into the working directory. */
import path from 'node:path';
import { projectRoot, resolveDataDir } from '../../src/storage/paths';

const fallback = path.join(projectRoot(), 'data', 'runtime');

test('--data-dir wins, then INTM_DATA_DIR, then data/runtime in the project', () => {
  expect(resolveDataDir('/srv/a', { INTM_DATA_DIR: '/srv/b' })).toBe('/srv/a');
  expect(resolveDataDir(undefined, { INTM_DATA_DIR: '/srv/b' })).toBe('/srv/b');
  expect(resolveDataDir(undefined, {})).toBe(fallback);
});

test('an empty or blank value counts as not set (INTM_DATA_DIR= in an env file)', () => {
  expect(resolveDataDir(undefined, { INTM_DATA_DIR: '' })).toBe(fallback);
  expect(resolveDataDir(undefined, { INTM_DATA_DIR: '  ' })).toBe(fallback);
  expect(resolveDataDir('', { INTM_DATA_DIR: '/srv/b' })).toBe('/srv/b');
  expect(resolveDataDir(undefined, { INTM_DATA_DIR: '' })).not.toBe(process.cwd());
});
