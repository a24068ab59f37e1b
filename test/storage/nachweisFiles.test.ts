/**
 * The embedded store's files of the Verwendungsnachweise on disk: real files under the data directory,
 * the index as the truth. What a crash can leave – bytes the index does not name, a dead writer's
 * temporary file – is never listed or read, and the next change of that Nachweis removes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { ABSTATT } from '../fixtures';
import { tempDir } from '../harness';

const YEAR = 2025;
let dir: string;
let repo: LowdbRepository;

beforeEach(async () => {
  dir = tempDir();
  repo = await LowdbRepository.open(dir);
  await repo.updateCampaign(YEAR, () => ({ next: { campaign: { year: YEAR } as never, revision: 1, events: [] }, result: undefined }));
});
afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const fileOf = (text: string) => {
  const bytes = Buffer.from(`%PDF-1.7\n${text}\n`);
  return { bytes, meta: { sha256: createHash('sha256').update(bytes).digest('hex'), name: `${text}.pdf`, size: bytes.length, uploadedAt: '2026-02-01T10:00:00.000Z', uploadedBy: { id: 'u', name: 'U' } } };
};

test('bytes and index on disk; leftovers of a crash are never listed and go with the next change', async () => {
  const a = fileOf('a');
  await repo.addNachweisFile(YEAR, ABSTATT, a.meta, a.bytes, 20);
  const folder = path.join(dir, String(YEAR), 'nachweis-dateien', ABSTATT);
  expect(readdirSync(folder).sort()).toEqual([`${a.meta.sha256}.pdf`, 'index.json']);
  expect(readFileSync(path.join(folder, `${a.meta.sha256}.pdf`))).toEqual(a.bytes);
  expect(JSON.parse(readFileSync(path.join(folder, 'index.json'), 'utf8'))).toEqual({ files: [a.meta] });

  // A crash after the bytes, before the index; and a temporary file of a writer that died (pid 999999).
  const orphan = fileOf('orphan');
  writeFileSync(path.join(folder, `${orphan.meta.sha256}.pdf`), orphan.bytes);
  writeFileSync(path.join(folder, '.index.json.999999.1.tmp'), '{"files":[');
  expect(await repo.nachweisFiles(YEAR, ABSTATT)).toEqual([a.meta]);
  expect(await repo.readNachweisFile(YEAR, ABSTATT, orphan.meta.sha256)).toBeUndefined();
  expect((await repo.nachweisFileOwners()).length).toBe(1);

  const b = fileOf('b');
  await repo.addNachweisFile(YEAR, ABSTATT, b.meta, b.bytes, 20);
  expect(readdirSync(folder).sort()).toEqual([`${a.meta.sha256}.pdf`, `${b.meta.sha256}.pdf`, 'index.json'].sort());
  await repo.removeNachweisFile(YEAR, ABSTATT, a.meta.sha256);
  expect(existsSync(path.join(folder, `${a.meta.sha256}.pdf`))).toBe(false);

  // A damaged index is reported as such, not read as "no files".
  writeFileSync(path.join(folder, 'index.json'), '{"files":');
  await expect(repo.nachweisFiles(YEAR, ABSTATT)).rejects.toMatchObject({ code: 'storage.corrupt' });
  // Only an AGS and a hash ever become a path.
  await expect(repo.readNachweisFile(YEAR, '../..', a.meta.sha256)).rejects.toThrow('invalid AGS');
  await expect(repo.readNachweisFile(YEAR, ABSTATT, '../index')).rejects.toThrow('invalid sha256');
});
