import type { StatusReport } from '../../src/app/overviewService';
import { additionsCard, channelStatusCard, dashboardCard, MAX_ADDITIONS_PER_CARD, messageCard, rejectFormCard } from '../../src/cards';
import { VERBS, operationId } from '../../src/cards/actions';
import { emptyList, GemeindeListe, markSent, personVersion, submitList } from '../../src/domain/list';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { ABSTATT, BRACKENHEIM, campaign2025, changeContext, coordinator, listWith, person, staff, verzeichnis } from '../fixtures';
import { additionsView, assertWellFormed, bytes, executes, gemeindeCtx, personMarkers, reviewedList, strings, textRuns, typed } from './cardKit';

const KB = 1024;
const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const json = (card: unknown) => JSON.stringify(card);

/** Lists whose every person carries unique markers in name, birth date and id. */
function markedList(ags: string, n: number): GemeindeListe {
  return listWith(
    ags,
    Array.from({ length: n }, (_, i) =>
      person(`PID-${ags}-${i}`, { surname: `Nachname${ags}x${i}`, givenName: `Vorname${ags}x${i}`, birthDate: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}` }),
    ),
  );
}

function statusReport(lists: Map<string, GemeindeListe>, today = '2024-01-20'): StatusReport {
  const campaign = campaign2025();
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, lists.get(g.ags) ?? emptyList(2025, g.ags), undefined, campaign, today));
  return {
    year: 2025,
    today,
    deadlines: { review: campaign.deadlines.review, publication: campaign.deadlines.publication, decision: campaign.deadlines.decision },
    rows,
    summary: summarise(rows),
  };
}

/** The texts of the channel card's row of Gemeinde `name`: name, persons, due date, state. */
function rowOf(card: unknown, name: string): string {
  const row = typed(card, 'ColumnSet').find((set) => textRuns(set).includes(name));
  return row ? strings(row).filter((x) => /\.text$/.test(x.path)).map((x) => x.value).join(' | ') : '';
}

describe('status card for the shared channel', () => {
  const lists = new Map<string, GemeindeListe>();
  for (const [i, g] of verzeichnis.all.entries()) lists.set(g.ags, markSent(markedList(g.ags, 40 + i), changeContext(coordinator)).list);
  lists.set(ABSTATT, submitList(lists.get(ABSTATT)!, { ...gemeindeCtx, actor: staff(ABSTATT, 'Svenja Sachbearbeiterin') }).list);
  const report = statusReport(lists);

  test('every Gemeinde with persons, due date and state, by name; one button with the year only', () => {
    const card = channelStatusCard(report, 'de');
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Personenlisten 2025');
    for (const g of verzeichnis.all) expect(textRuns(card)).toContain(g.name);
    // Abstatt's row: name, persons, due date, "eingereicht am" – without who submitted.
    expect(rowOf(card, 'Abstatt')).toBe('Abstatt | 40 | 15.01.2024 | eingereicht am 10.01.2024');
    // Sent and past the due date on 20.01.: overdue, in Attention.
    expect(rowOf(card, 'Brackenheim')).toMatch(/^Brackenheim \| \d+ \| 15\.01\.2024 \| versendet · überfällig$/);
    expect(json(card)).not.toContain('Svenja');
    expect(executes(card).map((a) => [a.verb, a.title, a.data])).toEqual([[VERBS.listMine, 'Meine Liste öffnen', { year: 2025 }]]);
    expect(bytes(card)).toBeLessThan(40 * KB);
  });

  test('no personal data at all: no name, birth date or Personen-ID', () => {
    const card = json(channelStatusCard(report, 'de'));
    for (const list of lists.values()) for (const p of list.persons) for (const marker of personMarkers(p)) expect(card).not.toContain(marker);
  });

  test('a notice only for the clicker, above the table; English', () => {
    const card = channelStatusCard(report, 'en', { kind: 'info', text: 'You are not assigned to a municipality' });
    expect(textRuns(card)[0]).toBe('You are not assigned to a municipality');
    expect(allText(card).indexOf('You are not assigned')).toBeLessThan(allText(card).indexOf('Lists of persons 2025'));
    for (const words of ['Municipality', 'Due', 'Status', 'overdue', 'Open my list']) expect(allText(card)).toContain(words);
  });

  test('after publication: the decision per Gemeinde instead of the list state, and "Meine Entscheidung öffnen"', () => {
    const rows = report.rows.map((r) =>
      r.ags === ABSTATT ? { ...r, decision: 'verbund' as const, decisionValid: false } : r.ags === BRACKENHEIM ? { ...r, decision: 'landkreis' as const } : r,
    );
    const card = channelStatusCard({ ...report, rows, published: { at: '2024-02-05T09:00:00.000Z', by: 'Kora' } }, 'de');
    const text = allText(card);
    expect(text).toContain('Übersicht veröffentlicht am 05.02.2024 · Entscheidung bis 31.05.2024');
    expect(rowOf(card, 'Abstatt')).toBe('Abstatt | 40 | 15.01.2024 | Verbund – noch nicht gültig');
    expect(rowOf(card, 'Brackenheim')).toMatch(/ \| Landkreis$/);
    expect(rowOf(card, 'Cleebronn')).toMatch(/ \| offen$/);
    expect(json(card)).not.toContain('Kora');
    expect(executes(card).map((a) => a.verb)).toEqual([VERBS.listMine, VERBS.decisionMine]);
  });
});

describe('dashboard for the Koordinierungsstelle', () => {
  const lists = new Map<string, GemeindeListe>();
  // Every list sent (overdue on 20.01. unless submitted), but Zaberfeld's, which was never sent: not overdue.
  for (const [i, g] of verzeichnis.all.entries()) {
    const list = markedList(g.ags, 60 + i * 20);
    lists.set(g.ags, g.name === 'Zaberfeld' ? list : markSent(list, changeContext(coordinator)).list);
  }
  lists.set(ABSTATT, submitList(lists.get(ABSTATT)!, { ...gemeindeCtx, actor: staff(ABSTATT, 'Svenja Sachbearbeiterin') }).list);
  const report = statusReport(lists);

  test('all 46 Gemeinden on one card under 40 KB, in both languages', () => {
    const card = dashboardCard(report, 'de');
    assertWellFormed(card);
    expect(report.rows).toHaveLength(46);
    for (const row of report.rows) expect(textRuns(card)).toContain(row.name);
    expect(bytes(card)).toBeLessThan(40 * KB);
    expect(bytes(dashboardCard(report, 'en'))).toBeLessThan(40 * KB);
  });

  test('after deletion of the personal data the card says so, beside the publication', () => {
    const purged = { ...report, published: { at: '2024-02-05T10:00:00.000Z', by: 'Kora' }, purged: { at: '2025-01-02T09:00:00.000Z' } };
    expect(allText(dashboardCard(purged, 'de'))).toContain('Übersicht veröffentlicht am 05.02.2024');
    expect(allText(dashboardCard(purged, 'de'))).toContain('Personendaten gelöscht am 02.01.2025: Stand und Zahlen der Listen wie an diesem Tag');
    expect(allText(dashboardCard(purged, 'en'))).toContain('Personal data deleted on 2 January 2025');
    expect(allText(dashboardCard(report, 'de'))).not.toContain('gelöscht');
  });

  test('the retention date of the personal data is shown until it is deleted', () => {
    const kept = { ...report, retentionUntil: '2025-12-31' };
    expect(allText(dashboardCard(kept, 'de'))).toContain('Personendaten werden aufbewahrt bis 31.12.2025');
    expect(allText(dashboardCard(kept, 'en'))).toContain('Personal data is kept until 31 December 2025');
    expect(allText(dashboardCard({ ...kept, purged: { at: '2026-01-02T09:00:00.000Z' } }, 'de'))).not.toContain('aufbewahrt');
  });

  test('totals, overdue marker, persons, pending and due date per row; refresh and additions buttons', () => {
    const card = dashboardCard(report, 'de');
    const text = allText(card);
    expect(text).toContain('eingereicht 1/46 · in Bearbeitung 0 · versendet 44 · importiert 1 · überfällig 44');
    expect(text).toContain('versendet · überfällig');
    expect(text).not.toContain('importiert · überfällig');
    const abstatt = report.rows.find((r) => r.ags === ABSTATT)!;
    expect(text).toContain(String(abstatt.counts.persons));
    expect(executes({ actions: card.actions }).map((a) => [a.verb, a.title, a.data])).toEqual([
      [VERBS.dashboard, 'Aktualisieren', { year: 2025, page: 0 }],
      [VERBS.additions, 'Nachträge prüfen', { year: 2025 }],
    ]);
    // Each row opens that Gemeinde's list, and says so.
    expect(text).toContain('Ein Klick auf eine Zeile öffnet die Liste.');
    const byName = [...report.rows].sort((a, b) => a.name.localeCompare(b.name, 'de'));
    expect(executes(card).filter((a) => a.verb === VERBS.listOpen).map((a) => (a.data as { ags: string }).ags)).toEqual(byName.map((r) => r.ags));
    // Three columns: name, state, persons. Pending additions and a deadline of its own go into the state.
    const rowSets = typed(card, 'ColumnSet').filter((cs) => cs.selectAction);
    expect(rowSets).toHaveLength(46);
    for (const cs of rowSets) expect((cs.columns as unknown[]).length).toBe(3);
    // The general deadline only in the header.
    expect(strings(card).filter((s) => s.value.includes('15.01.2024')).map((s) => s.value)).toEqual(['Stand 20.01.2024 · Rückmeldung bis 15.01.2024']);
    const special = {
      ...report,
      rows: report.rows.map((r) => (r.ags === ABSTATT ? { ...r, counts: { ...r.counts, pending: 2 }, due: '2024-01-31' } : r)),
    };
    expect(allText(dashboardCard(special, 'de'))).toContain('eingereicht · 2 Nachträge · Frist 31.01.2024');
    expect(allText(dashboardCard(special, 'en'))).toContain('submitted · 2 additions · due 31 January 2024');
  });

  test('rows by name in German order, not by AGS', () => {
    const names = textRuns(dashboardCard(report, 'de')).filter((t) => report.rows.some((r) => r.name === t));
    expect(names).toEqual(report.rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'de')));
    // Obersulm, Hardthausen am Kocher and Langenbrettach come last in AGS order.
    expect(names.indexOf('Hardthausen am Kocher')).toBeLessThan(names.indexOf('Zaberfeld'));
    expect(names.indexOf('Obersulm')).toBeLessThan(names.indexOf('Zaberfeld'));
    expect(names.indexOf('Langenbrettach')).toBeLessThan(names.indexOf('Zaberfeld'));
    expect(names[0]).toBe('Abstatt');
    expect(names.at(-1)).toBe('Zaberfeld');
  });

  test('readable colours: no Good or Warning text; submitted rows subtle, overdue ones in Attention', () => {
    const card = dashboardCard(report, 'de');
    expect(strings(card).filter((s) => s.path.endsWith('.color') && ['Good', 'Warning'].includes(s.value))).toEqual([]);
    const states = typed(card, 'TextBlock').filter((t) => /^(eingereicht|versendet · überfällig)$/.test(t.text as string));
    expect(states.filter((t) => (t.text as string).startsWith('eingereicht')).map((t) => [t.isSubtle, t.color])).toEqual([[true, undefined]]);
    expect(new Set(states.filter((t) => (t.text as string).includes('überfällig')).map((t) => `${t.isSubtle}/${t.color}`))).toEqual(new Set(['undefined/Attention']));
  });

  test('no personal data: no person, no birth date, no Personen-ID, no staff name', () => {
    const card = json(dashboardCard(report, 'de'));
    const markers = [...lists.values()].flatMap((l) => l.persons.flatMap(personMarkers));
    expect(markers.length).toBeGreaterThan(46 * 5 * 60);
    expect(markers.filter((m) => card.includes(m))).toEqual([]);
    expect(card).not.toContain('Svenja');
  });

  test('a larger Verzeichnis is paged with Zurück/Weiter', () => {
    const rows = [...report.rows, ...report.rows, ...report.rows];
    const big = { ...report, rows, summary: summarise(rows) };
    const second = dashboardCard(big, 'de', 1);
    expect(allText(second)).toContain('Seite 2 von 3');
    expect(executes(second).filter((a) => a.verb === VERBS.dashboard).map((a) => a.data)).toEqual([
      { year: 2025, page: 0 },
      { year: 2025, page: 2 },
      { year: 2025, page: 1 },
    ]);
    expect(allText(dashboardCard(report, 'de', 5))).not.toContain('Seite');
  });

  test('English', () => {
    const text = allText(dashboardCard(report, 'en'));
    for (const words of ['Overview calculation year 2025', 'submitted 1/46', 'overdue', 'Refresh', 'Review additions']) expect(text).toContain(words);
  });
});

describe('additions waiting for the Koordinierungsstelle', () => {
  const list = reviewedList(200);
  const view = additionsView(list);

  test('each item: Gemeinde, person, justification as TextRuns; accept and reject buttons with ids only', () => {
    expect(view.items.length).toBeGreaterThan(3);
    const card = additionsCard(view);
    assertWellFormed(card);
    const first = view.items[0];
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Abstatt', `${first.person.surname}, ${first.person.givenName}`, first.person.addition!.justification]));
    const forFirst = executes(card).filter((a) => (a.data as { personId?: string }).personId === first.person.id);
    expect(forFirst.map((a) => [a.verb, a.title, a.data])).toEqual([
      [
        VERBS.additionAccept,
        'Annehmen',
        // Accepting acts on the person: it carries the person's version, not the list's.
        { year: 2025, ags: ABSTATT, rev: personVersion(first.person), personId: first.person.id, op: operationId(VERBS.additionAccept, { ags: ABSTATT, rev: personVersion(first.person), personId: first.person.id }) },
      ],
      [VERBS.additionRejectForm, 'Ablehnen', { year: 2025, ags: ABSTATT, personId: first.person.id }],
    ]);
    expect(allText(card)).toContain(`${view.items.length} Nachträge warten auf Ihre Entscheidung.`);
  });

  test('empty state', () => {
    const card = additionsCard({ ...view, items: [] });
    assertWellFormed(card);
    expect(allText(card)).toContain('Zurzeit warten keine Nachträge auf eine Entscheidung.');
    expect(executes(card).map((a) => a.verb)).toEqual([VERBS.additions, VERBS.dashboard]);
  });

  test(`at most ${MAX_ADDITIONS_PER_CARD} items per card, the rest announced; long justifications stay well under Teams' limit`, () => {
    const item = view.items[0];
    // The domain's limits: names of 100 characters, a justification of 500, staff names alike.
    const addition = { ...item.person.addition!, justification: 'Ü'.repeat(500), by: { id: 'x', name: 'N'.repeat(100) } };
    const long = { ...item.person, surname: 'Ä'.repeat(100), givenName: 'Ö'.repeat(100), addition };
    const many = Array.from({ length: 30 }, (_, i) => ({ ...item, gemeinde: 'Bad Friedrichshall', person: { ...long, id: `NT-08125001-${i}` } }));
    const card = additionsCard({ ...view, items: many });
    expect(executes(card).filter((a) => a.verb === VERBS.additionAccept)).toHaveLength(MAX_ADDITIONS_PER_CARD);
    expect(allText(card)).toContain(`die übrigen ${30 - MAX_ADDITIONS_PER_CARD} erscheinen`);
    expect(bytes(card)).toBeLessThan(40 * KB);
  });

  test('reject form: the item, a required reason, "Ablehnen" and "Zurück" to the additions', () => {
    const item = view.items[1];
    const card = rejectFormCard(view, ABSTATT, item.person.id, { note: 'kein Nachweis' });
    assertWellFormed(card);
    expect(textRuns(card)).toContain(item.person.addition!.justification);
    const note = (card.body as Record<string, unknown>[]).find((e) => e.id === 'note')!;
    expect(note).toMatchObject({ type: 'Input.Text', isRequired: true, value: 'kein Nachweis', isMultiline: true });
    expect(executes(card).map((a) => [a.verb, a.title, a.associatedInputs])).toEqual([
      [VERBS.additionReject, 'Ablehnen', undefined],
      [VERBS.additions, 'Zurück', 'none'],
    ]);
    expect(executes(card)[0].data).toMatchObject({ personId: item.person.id, op: expect.stringContaining(VERBS.additionReject) });
  });

  test('reject form for an addition no longer pending: the additions with the reason', () => {
    const card = rejectFormCard(view, BRACKENHEIM, 'NT-x');
    expect(allText(card)).toContain('wartet nicht mehr auf eine Entscheidung');
  });

  test('English', () => {
    const text = allText(additionsCard({ ...view, locale: 'en' }));
    for (const words of ['Additions to review', 'Justification: ', 'Accept', 'Reject', 'family reunification']) expect(text).toContain(words);
  });
});

describe('message card', () => {
  test('one notice line, as a TextRun, in the style of its kind', () => {
    const card = messageCard('Die Liste wurde eingereicht.', 'success', 'de');
    assertWellFormed(card);
    expect(textRuns(card)).toEqual(['Die Liste wurde eingereicht.']);
    expect((card.body as Record<string, unknown>[])[0].style).toBe('good');
    expect(messageCard('Fehler', 'error', 'en').lang).toBe('en');
  });
});
