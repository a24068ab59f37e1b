/** Import report, digest, help, campaign form, export links and reminders. */
import { campaignFormCard, digestCard, exportLinksCard, helpCard, importIssueLines, importReportCard, reminderCard, type DigestView, type ImportReportView } from '../../src/cards';
import type { ImportIssue } from '../../src/domain/importRows';
import { VERBS } from '../../src/cards/actions';
import { defaultDeadlines, defaultPeriod } from '../../src/domain/campaign';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { ABSTATT, verzeichnis } from '../fixtures';
import { assertWellFormed, assertWellFormedWithLinks, bytes, executes, objects, strings, textRuns, typed } from './cardKit';
import { allPersonMarkers, submittedLists, world } from './stepBKit';

const KB = 1024;
const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const byId = (card: unknown, id: string) => objects(card).find((o) => o.node.id === id)?.node;

describe('import report', () => {
  // 108 rows outside the period (the LRA's export always has some) and one column not taken over.
  const outside: ImportIssue[] = Array.from({ length: 108 }, (_, i) => ({
    row: i + 2,
    code: 'import.outsidePeriod',
    params: { date: '15.11.2019', start: '01.01.2020', end: '31.12.2022' },
    subject: { id: `LRA-${i}`, surname: `Geheim${i}`, givenName: 'Nora', gemeinde: 'Abstatt' },
  }));
  const column: ImportIssue = { code: 'import.forbiddenColumn', params: { column: 'Staatsangehörigkeit', letter: 'J' } };
  const warnings = [column, ...outside];
  const warningKinds = { 'import.forbiddenColumn': 1, 'import.outsidePeriod': 108 } as const;
  const stored: ImportReportView = {
    locale: 'de',
    year: 2025,
    fileName: 'AU-Export_2025_Stand_2023-11-30.xlsx',
    stored: true,
    rowsRead: 5123,
    persons: 5015,
    leftOut: 108,
    errors: [],
    errorCount: 0,
    warnings: importIssueLines(warnings, warningKinds, 'de'),
    warningCount: 109,
    perGemeinde: verzeichnis.all.map((g, i) => ({ ags: g.ags, name: g.name, persons: 40 + i * 3 })),
    rowsLink: { url: 'https://intm.example.invalid/downloads/abc~sig', expiresAt: '2024-01-11T09:00:00.000Z' },
  };

  test('stored: leads with the persons per Gemeinde; warnings grouped by kind with a count, not 108 lines; the rows behind a link', () => {
    const card = importReportCard(stored);
    assertWellFormedWithLinks(card);
    const text = allText(card);
    expect(text).toContain('Import gespeichert');
    expect(textRuns(card)).toContain('AU-Export_2025_Stand_2023-11-30.xlsx');
    // The table per Gemeinde comes first, before the counts and the warnings.
    const order = ['Personen je Gemeinde (46 Gemeinden)', 'Zeilen gelesen', 'Hinweise (109)'].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // One line per kind: the column by itself, and the 108 rows as one count.
    expect(textRuns(card)).toEqual(expect.arrayContaining([
      'Die Spalte „Staatsangehörigkeit“ (Spalte J) wird nicht übernommen: Diese Angaben braucht das Verfahren nicht und darf sie nicht speichern (Datenminimierung). Bitte lassen Sie sie beim nächsten Export weg.',
      '108\u00a0Zeilen außerhalb des Betrachtungszeitraums 01.01.2020–31.12.2022 (nicht übernommen)',
    ]));
    expect(textRuns(card).filter((t) => t.includes('Betrachtungszeitraums'))).toHaveLength(1);
    // No person on the card: the names are only in the workbook.
    expect(JSON.stringify(card)).not.toMatch(/Geheim|LRA-\d/);
    expect(typed(card, 'FactSet')[0].facts).toEqual([
      { title: 'Zeilen gelesen', value: '5.123' },
      { title: 'Übernommen', value: '5.015 Personen' },
      { title: 'Ausgelassen', value: '108 (außerhalb des Zeitraums)' },
    ]);
    // The heading of the warnings is bold in the default colour (Teams' Warning yellow is unreadable on white).
    expect(typed(card, 'TextBlock').find((t) => t.text === 'Hinweise (109)')).toMatchObject({ weight: 'Bolder' });
    expect(strings(card).filter((s) => s.path.endsWith('.color') && ['Good', 'Warning'].includes(s.value))).toEqual([]);
    for (const g of verzeichnis.all) expect(textRuns(card)).toContain(g.name);
    // By name in German order, top to bottom then left to right (the import comes in AGS order).
    const listed = textRuns(card).filter((t) => verzeichnis.all.some((g) => g.name === t));
    expect(listed).toEqual(verzeichnis.all.map((g) => g.name).sort((a, b) => a.localeCompare(b, 'de')));
    const columns = typed(card, 'Column').map((c) => textRuns(c).filter((t) => verzeichnis.all.some((g) => g.name === t)));
    expect(columns.map((c) => c.length)).toEqual([23, 23]);
    expect(columns[0][0]).toBe('Abstatt');
    expect(columns[1].at(-1)).toBe('Zaberfeld');
    expect(text).toContain('Nächster Schritt: Prüfen Sie die Zahlen und versenden Sie die Listen mit „listen versenden“.');
    // The rows behind the groups: a personal link, and what it holds.
    expect(typed(card, 'Action.OpenUrl')).toEqual([{ type: 'Action.OpenUrl', title: 'Alle Zeilen als Excel-Datei', url: stored.rowsLink!.url }]);
    expect(text).toContain('Die Excel-Datei nennt jede betroffene Zeile mit Personen-ID und Namen – nur für die Koordinierungsstelle. Der Link ist persönlich und gilt bis 11.01.2024 10:00 Uhr.');
    expect(executes(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(40 * KB);
    // Without a public address: the same counts, no link.
    const noLink = importReportCard({ ...stored, rowsLink: undefined });
    expect(typed(noLink, 'Action.OpenUrl')).toEqual([]);
    expect(allText(noLink)).not.toContain('Excel-Datei');
  });

  test('refused because of errors: the reason, each kind with its count and first rows, no per-Gemeinde counts, no next step', () => {
    const dates: ImportIssue[] = Array.from({ length: 240 }, (_, i) => ({ row: 2 * i + 3, code: 'import.dateUnreadable', params: { field: 'Geburtsdatum', value: '31.02.1990' } }));
    const ids: ImportIssue[] = [7, 9].map((row) => ({ row, code: 'import.idMissing', params: {} }));
    const errors = [...ids, ...dates].sort((a, b) => a.row! - b.row!);
    // Past the report's cap the kinds still count every row.
    const kinds = { 'import.dateUnreadable': 248, 'import.idMissing': 2 } as const;
    const card = importReportCard({ ...stored, stored: false, persons: 0, errors: importIssueLines(errors, kinds, 'de', { rowNumbers: true }), errorCount: 250, warnings: [], warningCount: 0 });
    assertWellFormedWithLinks(card);
    const text = allText(card);
    expect(text).toContain('Import abgelehnt');
    expect(text).toContain('Die Datei wurde nicht übernommen.');
    expect(text).toContain('Fehler (250)');
    expect(textRuns(card)).toEqual(expect.arrayContaining([
      '248\u00a0Zeilen mit einem Datum, das nicht lesbar ist',
      'Zeilen 3, 5, 7, 9, 11, 13, 15, 17 …',
      '2\u00a0Zeilen ohne Personen-ID',
      'Zeilen 7, 9',
    ]));
    expect(text).not.toContain('Personen je Gemeinde');
    expect(text).not.toContain('Nächster Schritt');
    const one = importIssueLines([{ row: 4, code: 'import.idMissing', params: {} }], { 'import.idMissing': 1 }, 'en', { rowNumbers: true });
    expect(one).toEqual([{ text: '1\u00a0row without a person ID', rows: 'Row 4' }]);
  });

  test('the file itself refused: the refusal sentence, no counts; English', () => {
    const view: ImportReportView = { ...stored, locale: 'en', fileName: 'Foto.jpg', stored: false, rowsRead: 0, persons: 0, leftOut: 0, warnings: [], warningCount: 0, refusal: 'The file is not a spreadsheet (xlsx or csv).' };
    const card = importReportCard(view);
    assertWellFormedWithLinks(card);
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Foto.jpg', 'The file is not a spreadsheet (xlsx or csv).']));
    const text = allText(card);
    expect(text).toContain('Import refused');
    expect(text).not.toContain('Rows read');
  });
});

describe('status digest', () => {
  const w = world(3);
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, w.lists.get(g.ags)!, undefined, w.campaign, '2024-01-18'));
  const summary = summarise(rows);
  const view: DigestView = {
    locale: 'de',
    year: 2025,
    at: '2024-01-18T06:00:00.000Z',
    since: '2024-01-17T06:00:00.000Z',
    summary: { ...summary, decisions: { offen: 40, landkreis: 3, eigenstaendig: 1, verbund: 2 } },
    deadlines: { review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' },
    changes: { submitted: ['Abstatt', 'Beilstein'], newlyOverdue: ['Zaberfeld'], decided: [{ name: 'Bad Wimpfen', choice: 'landkreis' }, { name: 'Abstatt', choice: 'verbund' }] },
    overdue: rows.filter((r) => r.overdue).map((r) => ({ name: r.name, due: r.due, daysOverdue: -r.daysLeft })),
    incompleteDecisions: ['Abstatt'],
  };

  test('title, counts per state, changes, overdue with days, decisions, upcoming deadlines only; "Status"', () => {
    const card = digestCard(view);
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Statusbericht 2025 · 18.01.2024');
    expect(text).toContain('eingereicht 43/46 · in Bearbeitung 0 · versendet 3 · importiert 0 · überfällig 3');
    expect(text).toContain('Änderungen seit 17.01.2024');
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Abstatt, Beilstein', 'Zaberfeld', 'Bad Wimpfen (Landkreis), Abstatt (Verbund)']));
    expect(text).toContain('Überfällig (3)');
    for (const o of view.overdue) expect(textRuns(card)).toContain(o.name);
    expect(text).toContain(' · seit 3\u00a0Tagen (Frist 15.01.2024)');
    expect(text).toContain('Landkreis 3 · in eigener Verantwortung 1 · Verbund 2 · offen 40');
    expect(text).toContain('Verbund noch nicht gültig: ');
    expect(typed(card, 'TextRun').find((r) => r.text === 'Verbund noch nicht gültig: ')).toEqual({ type: 'TextRun', text: 'Verbund noch nicht gültig: ', weight: 'Bolder' });
    expect(strings(digestCard({ ...view, published: { at: '2024-02-05T09:30:00.000Z' } })).filter((s) => s.path.endsWith('.color') && ['Good', 'Warning'].includes(s.value))).toEqual([]);
    expect(text).toContain('Veröffentlichung der Übersicht: 05.02.2024');
    expect(text).toContain('(noch 18\u00a0Tage)');
    expect(text).not.toContain('Rückmeldung der Listen');
    expect(executes(card).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.dashboard, 'Stand aller Gemeinden', { year: 2025 }]]);
  });

  test('no changes; English', () => {
    const quiet = { ...view, changes: { submitted: [], newlyOverdue: [], decided: [] }, since: undefined };
    expect(allText(digestCard(quiet))).toContain('Keine Änderungen seit dem letzten Bericht.');
    const en = allText(digestCard({ ...view, locale: 'en' }));
    for (const words of ['Status report 2025', 'submitted 43/46', 'Changes since 17 January 2024', 'Overdue (3)', 'for 3\u00a0days (due 15 January 2024)', 'district 3', 'Next deadlines', 'Status']) {
      expect(en).toContain(words);
    }
  });

  test('the first digest of a year says so and shows the state so far, never "Keine Änderungen seit dem letzten Bericht"', () => {
    const first: DigestView = { ...view, since: undefined, first: true };
    const card = digestCard(first);
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Stand der Listen und Entscheidungen');
    expect(text).toContain('Dies ist der erste Statusbericht für 2025. Ab dem nächsten Bericht stehen hier die Änderungen seit dem vorigen.');
    expect(text).toContain('Eingereicht (2): ');
    expect(text).toContain('Entschieden (2): ');
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Abstatt, Beilstein', 'Bad Wimpfen (Landkreis), Abstatt (Verbund)']));
    expect(text).not.toContain('Keine Änderungen');
    expect(text).not.toMatch(/Änderungen seit \d/);
    const none = allText(digestCard({ ...first, changes: { submitted: [], newlyOverdue: [], decided: [] } }));
    expect(none).toContain('Noch keine Gemeinde hat ihre Liste eingereicht oder entschieden.');
    expect(none).not.toContain('Keine Änderungen');
    expect(allText(digestCard({ ...first, locale: 'en' }))).toContain('This is the first status report for 2025.');
  });

  test('no personal data', () => {
    const card = JSON.stringify(digestCard(view));
    expect(allPersonMarkers(submittedLists(3)).filter((m) => card.includes(m))).toEqual([]);
  });
});

describe('help', () => {
  const commands = [
    { command: 'liste <Gemeinde>', description: 'zeigt die Personenliste einer Gemeinde' },
    { command: 'status', description: 'Stand aller Gemeinden' },
  ];

  test('intro, role, commands as TextRuns (angle brackets stay), examples', () => {
    const card = helpCard({ locale: 'de', role: 'koordination', intro: 'Das habe ich nicht verstanden: „wie gehts“', commands, examples: ['Wie viel bekommt Abstatt?'] });
    assertWellFormed(card);
    const runs = textRuns(card);
    expect(runs[0]).toBe('Das habe ich nicht verstanden: „wie gehts“');
    expect(runs).toEqual(expect.arrayContaining(['liste <Gemeinde>', 'zeigt die Personenliste einer Gemeinde', '„Wie viel bekommt Abstatt?“']));
    // Each command above its description, full width: `<Gemeinde|koordination>` cannot wrap beside a column.
    expect(typed(card, 'ColumnSet')).toEqual([]);
    const first = (c: Record<string, unknown>) => ((c.items as { inlines?: { fontType?: string }[] }[])[0].inlines ?? [])[0];
    const blocks = typed(card, 'Container').filter((c) => first(c)?.fontType === 'Monospace');
    expect(blocks.map((b) => textRuns(b))).toEqual(commands.map((c) => [c.command, c.description]));
    const text = allText(card);
    for (const words of ['Hilfe: IntM-Bot', 'Ihre Rolle: Koordinierungsstelle', 'Befehle', 'Das können Sie zum Beispiel fragen']) expect(text).toContain(words);
  });

  test('no role, no examples; English', () => {
    const card = helpCard({ locale: 'en', role: 'none', commands, examples: [] });
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Your role: none');
    expect(text).toContain('Commands');
    expect(text).not.toContain('For example');
  });
});

describe('campaign form', () => {
  const defaults = { eurPerVzae: '68000', unit: '1' as const, periodStart: defaultPeriod(2026).start, periodEnd: defaultPeriod(2026).end, deadlines: defaultDeadlines(2026) };

  test('year, Kreisbetrag or Landesmittel + Zuteilungsquote, rounding unit, cost per VZÄ, the derived calendar; "Kampagne anlegen"', () => {
    const card = campaignFormCard({ locale: 'de', year: 2026, defaults });
    assertWellFormed(card);
    expect(byId(card, 'year')).toMatchObject({ type: 'Input.Number', value: 2026, min: 2020, max: 2100, isRequired: true });
    for (const id of ['kreisAmount', 'landesmittel', 'quote']) expect(byId(card, id)).toMatchObject({ type: 'Input.Text', value: '' });
    // Short labels, the example as a placeholder: Landesmittel and Quote side by side, in equal columns.
    expect(['kreisAmount', 'landesmittel', 'quote'].map((id) => [byId(card, id)!.label, byId(card, id)!.placeholder])).toEqual([
      ['Kreisbetrag in €', 'z. B. 1.508.000'],
      ['Landesmittel in €', 'z. B. 40.000.000'],
      ['Zuteilungsquote in %', 'z. B. 3,77'],
    ]);
    const pair = typed(card, 'ColumnSet')[0].columns as { width: unknown }[];
    expect(pair.map((c) => c.width)).toEqual([1, 1]);
    // A required input needs an error message (the renderer's validation).
    expect(byId(card, 'unit')).toMatchObject({ type: 'Input.ChoiceSet', value: '1', isRequired: true, errorMessage: 'Bitte wählen Sie, worauf die Beträge gerundet werden.' });
    // Each input's own message names the field: three amount inputs, three messages.
    expect(['year', 'kreisAmount', 'landesmittel', 'quote', 'eurPerVzae'].map((id) => byId(card, id)!.errorMessage)).toEqual([
      'Bitte geben Sie das Berechnungsjahr als Jahreszahl zwischen 2020 und 2100 an.',
      'Bitte geben Sie den Kreisbetrag als Betrag in Euro an, z. B. 1.508.000 – oder lassen Sie das Feld leer und geben Sie Landesmittel und Zuteilungsquote an.',
      'Bitte geben Sie die Landesmittel als Betrag in Euro an, z. B. 40.000.000.',
      'Bitte geben Sie die Zuteilungsquote als Prozentsatz an, z. B. 3,77.',
      'Bitte geben Sie die Kosten je VZÄ als Betrag in Euro an, z. B. 68.000.',
    ]);
    for (const { node } of objects(card)) if (node.isRequired) expect({ id: node.id, errorMessage: typeof node.errorMessage }).toEqual({ id: node.id, errorMessage: 'string' });
    expect((byId(card, 'unit')!.choices as { value: string }[]).map((c) => c.value)).toEqual(['1', '0.01']);
    expect(byId(card, 'eurPerVzae')).toMatchObject({ value: '68000' });
    for (const [id, typedValue] of [['kreisAmount', '1.508.000'], ['landesmittel', '40000000,00'], ['quote', '3,77'], ['eurPerVzae', '68.000 €']]) {
      expect({ id, ok: new RegExp(byId(card, id)!.regex as string).test(typedValue) }).toEqual({ id, ok: true });
    }
    expect(new RegExp(byId(card, 'kreisAmount')!.regex as string).test('viel Geld')).toBe(false);
    const text = allText(card);
    expect(text).toContain('Für 2026 gilt: Betrachtungszeitraum 01.01.2021–31.12.2023, Stichtag 31.12.2023.');
    expect(text).toContain('Rückmeldung 15.01.2025');
    expect(text).toContain('Entscheidung 31.05.2025');
    expect(executes(card).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.campaignCreate, 'Kampagne anlegen', {}]]);
  });

  test('after a refusal: the notice and the typed values', () => {
    const card = campaignFormCard({
      locale: 'de',
      year: 2027,
      defaults,
      notice: { kind: 'error', text: 'Bitte geben Sie entweder den Kreisbetrag oder Landesmittel und Zuteilungsquote an, nicht beides.' },
      values: { kreisAmount: '1.508.000', landesmittel: '40.000.000', quote: '3,77', unit: '0.01', eurPerVzae: '70000' },
    });
    expect(textRuns(card)[0]).toContain('nicht beides');
    expect(['year', 'kreisAmount', 'landesmittel', 'quote', 'unit', 'eurPerVzae'].map((id) => byId(card, id)!.value)).toEqual([2027, '1.508.000', '40.000.000', '3,77', '0.01', '70000']);
  });

  test('English', () => {
    const text = allText(campaignFormCard({ locale: 'en', year: 2026, defaults }));
    for (const words of ['Create a campaign', 'District amount in €', 'State funds in €', 'Allocation quota in %', 'to cents (€0.01)', 'Cost per FTE in €', 'Create campaign']) expect(text).toContain(words);
    // Dates in English, as everywhere in the English UI.
    expect(text).toContain('31 May 2025');
    expect(text).not.toMatch(/\d\d\.\d\d\.\d{4}/);
  });
});

describe('export links', () => {
  const links = [
    { title: 'Übersicht 2025 (Excel)', url: 'https://intm-bot.example/export/2025/uebersicht?sig=3f9a', expiresAt: '2024-02-05T13:30:00.000Z' },
    { title: 'Prüfprotokoll 2025 (Excel)', url: 'https://intm-bot.example/export/2025/audit?sig=77c1', expiresAt: '2024-07-01T08:05:00.000Z' },
  ];

  test('per link a title, "gültig bis" in Berlin time and an OpenUrl button; the links are personal and expire', () => {
    const card = exportLinksCard({ locale: 'de', year: 2025, links });
    assertWellFormedWithLinks(card);
    expect(textRuns(card)).toEqual(['Übersicht 2025 (Excel)', 'Prüfprotokoll 2025 (Excel)']);
    const text = allText(card);
    expect(text).toContain('gültig bis 05.02.2024 14:30');
    expect(text).toContain('gültig bis 01.07.2024 10:05');
    expect(text).toContain('Die Links sind persönlich');
    const box = (card.body as Record<string, unknown>[]).find((e) => e.style === 'warning')!;
    expect(allText(box)).toContain('Die Links sind persönlich');
    expect(strings(card).filter((s) => s.path.endsWith('.color'))).toEqual([]);
    const open = objects(card).map((o) => o.node).filter((n) => n.type === 'Action.OpenUrl');
    expect(open.map((a) => [a.title, a.url])).toEqual(links.map((l) => ['Herunterladen', l.url]));
    expect(executes(card)).toEqual([]);
  });

  test('only web links; none at all; English', () => {
    const card = exportLinksCard({ locale: 'en', year: 2025, links: [{ title: 'x', url: 'javascript:alert(1)', expiresAt: '2024-02-05T13:30:00.000Z' }] });
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('There are no files.');
    expect(text).toContain('The links are personal');
    expect(text).not.toContain('javascript');
  });
});

describe('reminders', () => {
  const base = { locale: 'de' as const, year: 2025, gemeinde: { ags: ABSTATT, name: 'Abstatt' } };

  test('review: due in N days, due today, overdue since N days; "Liste prüfen" with year and ags', () => {
    const due = reminderCard({ ...base, kind: 'review', due: '2024-01-15', daysLeft: 3 });
    assertWellFormed(due);
    expect(textRuns(due)).toContain('Abstatt');
    expect(allText(due)).toContain('Bitte prüfen Sie die Personenliste für das Berechnungsjahr 2025 und reichen Sie sie bis zum 15.01.2024 ein; noch 3\u00a0Tage.');
    expect(allText(reminderCard({ ...base, kind: 'review', due: '2024-01-15', daysLeft: 1 }))).toContain('noch 1\u00a0Tag.');
    expect(allText(reminderCard({ ...base, kind: 'review', due: '2024-01-15', daysLeft: 0 }))).toContain('Heute, am 15.01.2024, endet die Frist.');
    expect(executes(due).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.listOpen, 'Liste prüfen', { year: 2025, ags: ABSTATT }]]);
  });

  test('review overdue: the deadline has passed, the Koordinierungsstelle can reopen; no request to submit; the list opens to view', () => {
    const overdue = reminderCard({ ...base, kind: 'review', due: '2024-01-15', daysLeft: -4 });
    assertWellFormed(overdue);
    const de = allText(overdue);
    expect(de).toContain('Frist abgelaufen: Personenliste');
    expect(de).toContain('seit 4\u00a0Tagen abgelaufen (15.01.2024)');
    expect(de).toContain('kann nicht mehr bearbeitet oder eingereicht werden');
    expect(de).toContain('wenden Sie sich bitte an die Koordinierungsstelle');
    expect(de).not.toMatch(/reichen Sie|so bald wie möglich/);
    expect(executes(overdue).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.listOpen, 'Liste ansehen', { year: 2025, ags: ABSTATT }]]);
    const en = reminderCard({ ...base, locale: 'en', kind: 'review', due: '2024-01-15', daysLeft: -1 });
    expect(allText(en)).toContain('passed 1\u00a0day ago (15 January 2024)');
    expect(allText(en)).toContain('please contact the coordinating office');
    expect(allText(en)).not.toMatch(/submit it as soon as possible/);
    expect(executes(en).map((a) => a.title)).toEqual(['View list']);
  });

  test('decision: the deadline and the default; "Entscheidung" opens the decision; English', () => {
    const card = reminderCard({ ...base, kind: 'decision', due: '2024-05-31', daysLeft: 14 });
    assertWellFormed(card);
    expect(allText(card)).toContain('Bitte entscheiden Sie bis zum 31.05.2024');
    expect(allText(card)).toContain('Ohne Entscheidung übernimmt es der Landkreis.');
    expect(executes(card).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.decisionOpen, 'Entscheidung', { year: 2025, ags: ABSTATT }]]);
    const en = allText(reminderCard({ ...base, locale: 'en', kind: 'decision', due: '2024-05-31', daysLeft: -1 }));
    expect(en).toContain('passed 1\u00a0day ago (31 May 2024)');
    expect(en).toContain('Decision');
  });
});
