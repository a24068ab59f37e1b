/**
 * Refusals and findings of the Verwendungsnachweis round name Gemeinden, not their AGS: the service
 * puts the names in, so the bot and the command line say the same („… fehlt noch für Eppingen“).
 */
import { rmSync } from 'node:fs';
import { IntmApp } from '../../src/app';
import { namedParams, withGemeindeNames } from '../../src/app/gemeindeNames';
import { ConflictError, DomainError } from '../../src/domain/errors';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, coordinator, EPPINGEN, listWith, person, staff, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';

const nameOf = (ags: string) => verzeichnis.byKey(ags)?.name ?? ags;
const YEAR = 2025;

test('namedParams: one AGS, a list, a share field; other params and unknown keys unchanged', () => {
  expect(namedParams({ ags: ABSTATT, lead: BRACKENHEIM, members: `${EPPINGEN}, ${ABSTATT}`, field: `Anteil ${EPPINGEN}`, year: 2025 }, nameOf)).toEqual({
    ags: 'Abstatt',
    lead: 'Brackenheim',
    members: 'Eppingen, Abstatt',
    field: 'Anteil Eppingen',
    year: 2025,
  });
  expect(namedParams({ ags: '99999999', field: 'Personalausgaben' }, nameOf)).toEqual({ ags: '99999999', field: 'Personalausgaben' });
  // A conflict carries its revision and detail: left as it is.
  const conflict = new ConflictError(3);
  expect(withGemeindeNames(conflict, nameOf)).toBe(conflict);
  expect((withGemeindeNames(new DomainError('vn.noNachweis', { ags: ABSTATT }), nameOf) as DomainError).text('en')).toBe('No Verwendungsnachweis is due from Abstatt in this round.');
});

describe('through the service', () => {
  let dir: string;
  let app: IntmApp;
  const clock = fixedClock('2024-01-10T09:00:00.000Z');
  const refusalText = (p: Promise<unknown>) => p.then(() => 'no refusal', (e: unknown) => (e instanceof DomainError ? e.text('de') : String(e)));

  beforeEach(async () => {
    dir = tempDir();
    clock.set('2024-01-10T09:00:00.000Z');
    app = new IntmApp({ repo: await LowdbRepository.open(dir), clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
    await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
    const lists = verzeichnis.all.map((g) => listWith(g.ags, Array.from({ length: 5 }, (_, i) => person(`${g.ags}-${i + 1}`))));
    await app.ctx.repo.replaceLists(YEAR, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
    await app.decisions.decide(YEAR, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN] }, { actor: staff(BRACKENHEIM) });
    await app.decisions.confirm(YEAR, { ags: EPPINGEN, lead: BRACKENHEIM }, { actor: staff(EPPINGEN) });
    clock.set('2026-01-15T09:00:00.000Z');
    await app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: coordinator });
  }, 60_000);

  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('refusals: the lead, a non-member, a Gemeinde served by the Landkreis, a share field – all by name', async () => {
    expect(await refusalText(app.verwendungsnachweis.save(YEAR, BRACKENHEIM, { personnel: '1' }, { actor: staff(EPPINGEN) }))).toBe(
      'Den Verwendungsnachweis des Verbunds reicht die federführende Gemeinde Brackenheim ein; Sie können ihn ansehen.',
    );
    expect(await refusalText(app.verwendungsnachweis.save(YEAR, BRACKENHEIM, { shares: { [ABSTATT]: '1' } }, { actor: staff(BRACKENHEIM) }))).toBe(
      'Abstatt gehört nicht zu diesem Verbund.',
    );
    expect(await refusalText(app.verwendungsnachweis.save(YEAR, BRACKENHEIM, { shares: { [EPPINGEN]: 'viel' } }, { actor: staff(BRACKENHEIM) }))).toBe(
      'Anteil Eppingen: „viel“ ist keine gültige Zahl.',
    );
    expect(await refusalText(app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '1' }, { actor: coordinator }))).toBe(
      'Abstatt wird vom Landkreis betreut: Die Zahlen des Landkreises trägt die Koordinierungsstelle ein („verwendungsnachweis Abstatt“).',
    );
    expect(await refusalText(app.verwendungsnachweis.accept(YEAR, BRACKENHEIM, { actor: coordinator }))).toBe('Der Verwendungsnachweis von Brackenheim ist nicht eingereicht.');
  });

  test('findings: the Verbund partners whose share is missing', async () => {
    const { view } = await app.verwendungsnachweis.save(YEAR, BRACKENHEIM, { personnel: '50000' }, { actor: staff(BRACKENHEIM) });
    const shares = view.findings.find((f) => f.code === 'vn.sharesMissing');
    expect(shares?.params.members).toBe('Brackenheim, Eppingen');
  });
});
