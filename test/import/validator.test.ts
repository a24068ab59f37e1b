/** The pure step-1 rules: headers, every kind of bad row with its exact report line, warnings, caps. */
import { type Cell, Step1Validator, formatIssue, formatReport, validateStep1 } from '../../src/domain/importRows';
import { HEADER, errorLines, numbered, personRow, refusal, rules, warningLines } from './helpers';

/** Header plus the given data rows (data starts in row 2). */
function check(rows: Cell[][], header: Cell[] = HEADER) {
  return validateStep1(rules(), numbered([header, ...rows]));
}

describe('a valid file', () => {
  it('gives every person with all fields', () => {
    const out = check([personRow('P1'), personRow('P2', { 'Haushalts-ID': '', Zugangsart: 'familiennachzug', Nachname: '  Sarvin ' })]);
    expect(out).toMatchObject({ ok: true, rowsRead: 2, leftOut: 0, errors: [], warnings: [], errorsOmitted: 0 });
    expect(out.persons).toEqual([
      { ags: '08125001', id: 'P1', householdId: 'HH-1', surname: 'Talemor', givenName: 'Amina', birthDate: '1990-05-01', assignmentDate: '2021-03-15', zugangsart: 'zuweisung' },
      { ags: '08125001', id: 'P2', surname: 'Sarvin', givenName: 'Amina', birthDate: '1990-05-01', assignmentDate: '2021-03-15', zugangsart: 'familiennachzug' },
    ]);
  });

  it('takes the first non-empty row as the header and skips empty rows', () => {
    const out = validateStep1(rules(), [
      { rowNumber: 1, cells: [] },
      { rowNumber: 2, cells: ['', null, '  '] },
      { rowNumber: 3, cells: HEADER },
      { rowNumber: 4, cells: personRow('P1') },
      { rowNumber: 5, cells: [null, ''] },
      { rowNumber: 6, cells: personRow('P2', { Vorname: '' }) },
    ]);
    expect(out.rowsRead).toBe(2);
    expect(errorLines(out)).toEqual(['Zeile 6: Der Vorname fehlt.']);
  });

  it('offers the header through header() as the import service does', () => {
    const v = new Step1Validator(rules());
    expect(v.header(1, ['', null])).toBe(false);
    expect(v.header(2, HEADER)).toBe(true);
    v.row(3, personRow('P1'));
    expect(v.finish()).toMatchObject({ ok: true, rowsRead: 1 });
  });
});

describe('headers', () => {
  const aliases: [string, string][] = [
    ['AGS', 'Gemeindeschlüssel'],
    ['AGS', 'gemeindekennziffer'],
    ['AGS', 'GKZ'],
    ['Personen-ID', 'Personennummer'],
    ['Personen-ID', 'ID'],
    ['Personen-ID', 'Aktenzeichen'],
    ['Haushalts-ID', 'Haushalt'],
    ['Haushalts-ID', 'Familien-ID'],
    ['Nachname', 'Familienname'],
    ['Nachname', 'Name'],
    ['Geburtsdatum', 'Geb.-Datum'],
    ['Geburtsdatum', 'geboren am'],
    ['Zuweisungsdatum', 'Zuteilungsdatum'],
    ['Zuweisungsdatum', 'Zuweisung AU'],
    ['Zuweisungsdatum', 'Datum der Zuteilung'],
    ['Zugangsart', 'Art'],
    ['Zugangsart', 'Zugang'],
  ];
  it.each(aliases)('accepts „%s“ as „%s“', (canonical, alias) => {
    const header = HEADER.map((h) => (h === canonical ? alias : h));
    const out = check([personRow('P1', { 'Haushalts-ID': 'HH-9' })], header);
    expect(out.ok).toBe(true);
    expect(out.persons[0]).toEqual({
      ags: '08125001', id: 'P1', householdId: 'HH-9', surname: 'Talemor', givenName: 'Amina', birthDate: '1990-05-01', assignmentDate: '2021-03-15', zugangsart: 'zuweisung',
    });
  });

  it('ignores case and surrounding spaces', () => {
    const header = ['  ags ', 'GEMEINDE', 'personen-id', 'HAUSHALTS-ID', ' nachname', 'VORNAME ', 'geburtsdatum', 'ZUWEISUNGSDATUM', 'zugangsart'];
    expect(check([personRow('P1')], header).persons).toHaveLength(1);
  });

  it('reads columns in any order and ignores extra columns', () => {
    const order = [8, 5, 0, 7, 2, 6, 4];
    const header = [...order.map((i) => HEADER[i]), 'Bemerkung'];
    const row = personRow('P1');
    const out = check([[...order.map((i) => row[i]), 'egal']], header);
    expect(out.persons).toEqual([
      { ags: '08125001', id: 'P1', surname: 'Talemor', givenName: 'Amina', birthDate: '1990-05-01', assignmentDate: '2021-03-15', zugangsart: 'zuweisung' },
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('needs only one of AGS and Gemeinde', () => {
    const onlyName = HEADER.filter((h) => h !== 'AGS');
    expect(check([personRow('P1').slice(1)], onlyName).persons[0].ags).toBe('08125001');
    const onlyAgs = HEADER.filter((h) => h !== 'Gemeinde');
    const row = personRow('P1');
    row.splice(1, 1);
    expect(check([row], onlyAgs).persons[0].ags).toBe('08125001');
  });

  it('names a missing required column in one file-level refusal', async () => {
    const e = await refusal(() => check([personRow('P1')], HEADER.filter((h) => h !== 'Geburtsdatum')));
    expect(e.code).toBe('import.missingColumns');
    expect(e.text()).toBe('In der Überschriftenzeile (Zeile 1) fehlt die Spalte „Geburtsdatum“.');
  });

  it('names all missing columns, AGS-or-Gemeinde included', async () => {
    const e = await refusal(() => check([], ['Nachname', 'Vorname', 'Geburtsdatum', 'Zugangsart']));
    expect(e.text()).toBe('In der Überschriftenzeile (Zeile 1) fehlen die Spalten „AGS“ oder „Gemeinde“, „Personen-ID“, „Zuweisungsdatum“.');
    expect(e.text('en')).toBe('The header row (row 1) lacks the columns "AGS" or "Gemeinde", "Personen-ID", "Zuweisungsdatum".');
  });

  it('refuses two columns for the same field', async () => {
    const e = await refusal(() => check([], [...HEADER, 'Familienname']));
    expect(e.text()).toBe('Die Spalte „Nachname“ steht in der Überschriftenzeile (Zeile 1) zweimal: in Spalte E und in Spalte J. Bitte behalten Sie nur eine.');
  });

  it.each(['Staatsangehörigkeit', 'Nationalität', 'Religion', 'Aufenthaltsstatus', 'Adresse', 'Anschrift', 'Straße', 'Gesundheit'])(
    'warns that the column „%s“ is not taken over, and does not read it',
    (column) => {
      const out = check([[...personRow('P1'), 'geheim']], [...HEADER, column]);
      expect(out.ok).toBe(true);
      expect(warningLines(out)).toEqual([
        `Die Spalte „${column}“ (Spalte J) wird nicht übernommen: Diese Angaben braucht das Verfahren nicht und darf sie nicht speichern (Datenminimierung). Bitte lassen Sie sie beim nächsten Export weg.`,
      ]);
      expect(JSON.stringify(out.persons)).not.toContain('geheim');
    },
  );

  it('refuses a header with more columns than allowed', async () => {
    const header = [...HEADER, ...Array.from({ length: 20 }, (_, i) => `X${i}`)];
    const e = await refusal(() => validateStep1(rules({ maxColumns: 20 }), numbered([header])));
    expect(e.text()).toBe('Die Überschriftenzeile (Zeile 1) hat mehr als 20 Spalten. Bitte exportieren Sie nur die benötigten Spalten.');
  });

  it('refuses a sheet without rows, and one with only the header', async () => {
    expect((await refusal(() => validateStep1(rules(), numbered([[], ['']])))).code).toBe('import.noRows');
    expect((await refusal(() => check([]))).text()).toBe('Die Tabelle enthält nur die Überschriftenzeile (Zeile 1), aber keine Personen.');
  });
});

describe('bad rows: each with its exact line, the file refused as a whole', () => {
  const cases: [string, Partial<Record<string, Cell>>, string[]][] = [
    ['unknown Gemeinde with a suggestion', { AGS: '', Gemeinde: 'Bad Rapenau' }, ['Zeile 2: Die Gemeinde „Bad Rapenau“ gehört nicht zum Landkreis Heilbronn. Meinten Sie „Bad Rappenau“?']],
    ['unknown Gemeinde without a suggestion', { AGS: '', Gemeinde: 'Stuttgart' }, ['Zeile 2: Die Gemeinde „Stuttgart“ gehört nicht zum Landkreis Heilbronn.']],
    ['the Stadtkreis Heilbronn by name', { AGS: '', Gemeinde: 'Heilbronn' }, ['Zeile 2: Die Stadt Heilbronn ist ein eigener Stadtkreis und gehört nicht zum Landkreis Heilbronn; ihre Personen gehören nicht auf diese Liste.']],
    ['the Stadtkreis Heilbronn by key', { AGS: '08121000', Gemeinde: '' }, ['Zeile 2: Die Stadt Heilbronn ist ein eigener Stadtkreis und gehört nicht zum Landkreis Heilbronn; ihre Personen gehören nicht auf diese Liste.']],
    ['an unknown key', { AGS: '08125999', Gemeinde: '' }, ['Zeile 2: Der Gemeindeschlüssel 08125999 gehört zu keiner Gemeinde des Landkreises Heilbronn.']],
    ['a malformed key', { AGS: '12AB', Gemeinde: '' }, ['Zeile 2: „12AB“ ist kein gültiger Gemeindeschlüssel (8 Ziffern, z. B. 08125001).']],
    ['key and name disagreeing', { AGS: '08125001', Gemeinde: 'Beilstein' }, ['Zeile 2: Gemeindeschlüssel und Gemeinde passen nicht zusammen: 08125001 ist Abstatt, in der Spalte „Gemeinde“ steht Beilstein.']],
    ['no Gemeinde at all', { AGS: '', Gemeinde: ' ' }, ['Zeile 2: Die Gemeinde fehlt (weder Gemeindeschlüssel noch Name angegeben).']],
    ['an impossible date', { Geburtsdatum: '31.02.2001' }, ['Zeile 2: Geburtsdatum: Den 31.02.2001 gibt es nicht.']],
    ['an impossible ISO date', { Zuweisungsdatum: '2021-13-01' }, ['Zeile 2: Zuweisungsdatum: Den 2021-13-01 gibt es nicht.']],
    ['an implausible year', { Geburtsdatum: '01.01.1850' }, ['Zeile 2: Geburtsdatum: 01.01.1850 ist kein plausibles Datum (Jahr vor 1900 oder nach 2999).']],
    ['text that is no date', { Zuweisungsdatum: 'März 2021' }, ['Zeile 2: Zuweisungsdatum: „März 2021“ ist kein Datum; bitte im Format TT.MM.JJJJ angeben.']],
    ['a missing date', { Geburtsdatum: '' }, ['Zeile 2: Das Geburtsdatum fehlt.']],
    ['birth in the future', { Geburtsdatum: '11.01.2024', Zuweisungsdatum: '15.03.2021' }, ['Zeile 2: Das Geburtsdatum 11.01.2024 liegt in der Zukunft.']],
    ['birth after assignment', { Geburtsdatum: '16.03.2021' }, ['Zeile 2: Das Geburtsdatum 16.03.2021 liegt nach dem Zuweisungsdatum 15.03.2021.']],
    ['a missing Personen-ID', { 'Personen-ID': '' }, ['Zeile 2: Die Personen-ID fehlt.']],
    ['a missing surname', { Nachname: '' }, ['Zeile 2: Der Nachname fehlt.']],
    ['a missing given name', { Vorname: null }, ['Zeile 2: Der Vorname fehlt.']],
    ['an unknown Zugangsart', { Zugangsart: 'Umzug' }, ['Zeile 2: Unbekannte Zugangsart „Umzug“; erlaubt sind „Zuweisung“ und „Familiennachzug“.']],
    ['a missing Zugangsart', { Zugangsart: '' }, ['Zeile 2: Die Zugangsart fehlt („Zuweisung“ oder „Familiennachzug“).']],
    ['several problems in one row', { Nachname: '', Vorname: '', Zugangsart: 'x' }, ['Zeile 2: Der Nachname fehlt.', 'Zeile 2: Der Vorname fehlt.', 'Zeile 2: Unbekannte Zugangsart „x“; erlaubt sind „Zuweisung“ und „Familiennachzug“.']],
  ];
  it.each(cases)('%s', (_name, overrides, lines) => {
    const out = check([personRow('P1', overrides), personRow('P2')]);
    expect(errorLines(out)).toEqual(lines);
    expect(out.ok).toBe(false);
    expect(out.persons).toEqual([]);
  });

  it('names the other row of a duplicate Personen-ID, also across Gemeinden, never the ID', () => {
    const out = check([
      personRow('P-77'),
      personRow('P-78'),
      personRow('P-77', { AGS: '08125013', Gemeinde: 'Brackenheim' }),
      personRow('P-78'),
    ]);
    expect(errorLines(out)).toEqual([
      'Zeile 4: Die Personen-ID steht bereits in Zeile 2; jede Person darf nur einmal vorkommen.',
      'Zeile 5: Die Personen-ID steht bereits in Zeile 3; jede Person darf nur einmal vorkommen.',
    ]);
  });

  it('collects the errors of every row, in row order', () => {
    const out = check([personRow('P1', { Vorname: '' }), personRow('P2'), personRow('P3', { Geburtsdatum: 'gestern' })]);
    expect(errorLines(out)).toEqual(['Zeile 2: Der Vorname fehlt.', 'Zeile 4: Geburtsdatum: „gestern“ ist kein Datum; bitte im Format TT.MM.JJJJ angeben.']);
  });

  it('never puts a name into a message', () => {
    const out = check([
      personRow('P1', { Nachname: 'Qwertzlich', Vorname: 'Ysolde', Geburtsdatum: '31.02.2001', Zugangsart: 'x', Gemeinde: 'Nirgendwo' }),
      personRow('P1', { Nachname: 'Qwertzlich', Vorname: 'Ysolde' }),
    ]);
    expect(out.errors.length).toBeGreaterThan(3);
    const text = [...errorLines(out), ...out.errors.map((i) => formatIssue(i, 'en'))].join('\n');
    expect(text).not.toMatch(/Qwertzlich|Ysolde/);
  });

  it('reports in English with "Row N:"', () => {
    const out = check([personRow('P1', { Gemeinde: 'Bad Rapenau', AGS: '' })]);
    expect(formatIssue(out.errors[0], 'en')).toBe('Row 2: The municipality "Bad Rapenau" is not part of the Landkreis Heilbronn. Did you mean "Bad Rappenau"?');
  });

  it('refuses a value longer than the cell limit', () => {
    const out = validateStep1(rules({ maxCellLength: 10 }), numbered([HEADER, personRow('P1', { Nachname: 'A'.repeat(11) })]));
    expect(errorLines(out)).toEqual(['Zeile 2: Der Wert in der Spalte „Nachname“ ist zu lang (höchstens 10 Zeichen).']);
  });
});

describe('cells as spreadsheets deliver them', () => {
  it('reads AGS as a number that lost its leading zero, and with spaces', () => {
    const out = check([personRow('P1', { AGS: 8125013, Gemeinde: 'Brackenheim' }), personRow('P2', { AGS: ' 08 125 026 ', Gemeinde: '' })]);
    expect(out.persons.map((p) => p.ags)).toEqual(['08125013', '08125026']);
  });

  it('reads Excel dates, serial numbers, TT.MM.JJJJ, T.M.JJJJ, ISO and ISO with a time', () => {
    const dates: Cell[] = [
      new Date(Date.UTC(2021, 2, 15)),
      new Date(Date.UTC(2021, 2, 14, 23, 59, 59)), // written just before midnight by some tools
      new Date(Date.UTC(2021, 2, 15, 14, 30)), // a date with a time of day: still the 15th
      44270, // 15.03.2021
      44270.6, // …at 14:24
      44269.99999999, // floating-point noise just below the 15th
      '15.03.2021',
      '15.3.2021',
      '2021-03-15',
      '2021-03-15 00:00:00',
    ];
    const out = check(dates.map((d, i) => personRow(`P${i}`, { Zuweisungsdatum: d })));
    expect(out.errors).toEqual([]);
    expect(out.persons.map((p) => p.assignmentDate)).toEqual(dates.map(() => '2021-03-15'));
  });

  it('knows Gemeinden by their usual short forms', () => {
    const out = check([
      personRow('P1', { AGS: '', Gemeinde: 'Lauffen a.N.' }),
      personRow('P2', { AGS: '', Gemeinde: 'NEUENSTADT A. K.' }),
      personRow('P3', { AGS: '08125038', Gemeinde: 'Gueglingen' }),
    ]);
    expect(out.errors).toEqual([]);
    expect(out.persons.map((p) => p.ags)).toEqual(['08125056', '08125069', '08125038']);
  });

  it('reads numeric Personen-IDs as text and Zugangsart in any case', () => {
    const out = check([personRow(4711 as unknown as string, { Zugangsart: 'FAMILIENNACHZUG' })]);
    expect(out.persons[0]).toMatchObject({ id: '4711', zugangsart: 'familiennachzug' });
  });
});

describe('the Betrachtungszeitraum', () => {
  it('leaves out persons assigned outside it with a warning each; the file stays OK', () => {
    const out = check([
      personRow('P1', { Zuweisungsdatum: '31.12.2019' }),
      personRow('P2', { Zuweisungsdatum: '01.01.2020' }),
      personRow('P3', { Zuweisungsdatum: '31.12.2022' }),
      personRow('P4', { Zuweisungsdatum: '01.01.2023' }),
    ]);
    expect(out).toMatchObject({ ok: true, leftOut: 2, rowsRead: 4 });
    expect(out.persons.map((p) => p.id)).toEqual(['P2', 'P3']);
    expect(warningLines(out)).toEqual([
      'Zeile 2: Das Zuweisungsdatum 31.12.2019 liegt außerhalb des Betrachtungszeitraums 01.01.2020–31.12.2022; die Person wird nicht übernommen.',
      'Zeile 5: Das Zuweisungsdatum 01.01.2023 liegt außerhalb des Betrachtungszeitraums 01.01.2020–31.12.2022; die Person wird nicht übernommen.',
    ]);
  });

  it('reports a bad row outside the period as an error, not as left out', () => {
    const out = check([personRow('P1', { Zuweisungsdatum: '31.12.2019', Vorname: '' })]);
    expect(out).toMatchObject({ ok: false, leftOut: 0, warnings: [] });
  });
});

describe('limits', () => {
  it('refuses more data rows than allowed while reading', async () => {
    const v = new Step1Validator(rules({ maxRows: 3 }));
    v.row(1, HEADER);
    for (let r = 2; r <= 4; r++) v.row(r, personRow(`P${r}`));
    const e = await refusal(() => v.row(5, personRow('P5')));
    expect(e.text()).toBe('Die Tabelle hat mehr als 3 Datenzeilen; so viele Personen kann die Liste nicht enthalten. Der Import wurde abgebrochen.');
  });

  it('keeps the first errors and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => personRow(`P${i}`, { Vorname: '' }));
    const out = validateStep1(rules({ maxIssues: 5 }), numbered([HEADER, ...rows]));
    expect(out.errors).toHaveLength(5);
    expect(out.errorsOmitted).toBe(25);
    expect(formatReport(out).errors).toEqual([
      'Zeile 2: Der Vorname fehlt.',
      'Zeile 3: Der Vorname fehlt.',
      'Zeile 4: Der Vorname fehlt.',
      'Zeile 5: Der Vorname fehlt.',
      'Zeile 6: Der Vorname fehlt.',
      '… und 25 weitere.',
    ]);
  });

  it('caps warnings the same way', () => {
    const rows = Array.from({ length: 12 }, (_, i) => personRow(`P${i}`, { Zuweisungsdatum: '01.01.2019' }));
    const out = validateStep1(rules({ maxIssues: 10 }), numbered([HEADER, ...rows]));
    expect(out).toMatchObject({ ok: true, leftOut: 12, warningsOmitted: 2 });
    expect(out.warnings).toHaveLength(10);
  });
});
