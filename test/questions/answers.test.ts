/**
 * Answers over a real application: every figure in an answer must be the app's own figure for that
 * Gemeinde (computed here with the app, then looked for in the text, formatted), in German or English.
 */
import { answerQuestion, recognize } from '../../src/app/questions';
import type { Actor } from '../../src/domain/actor';
import { MINIMUM_POSITION_VZAE } from '../../src/domain/campaign';
import { syntheticCsv, syntheticExport } from '../../src/demo/syntheticExport';
import { emptyList } from '../../src/domain/list';
import { Decimal, formatEuro, formatNumber } from '../../src/domain/money';
import type { Locale } from '../../src/i18n/catalogue';
import { translate } from '../../src/i18n/messages';
import { ABSTATT, BRACKENHEIM, EPPINGEN, coordinator, staff, verzeichnis } from '../fixtures';
import { Harness, openHarness, seed } from '../harness';

let h: Harness;

/** `year` null: the bot found no campaign (a default parameter would turn undefined into 2025). */
async function ask(question: string, actor: Actor, locale: Locale = 'de', year: number | null = 2025): Promise<string> {
  const { text } = await answerQuestion(recognize(question, { verzeichnis }), { actor, locale, year: year ?? undefined, app: h.app });
  // Answers may be posted in a channel: plain text (no Markdown), aggregate figures only, never persons.
  expect(text).not.toMatch(/[*_`#]|\]\(|^\s*([-+>]|\d+\.)\s/m);
  expect(text).not.toMatch(/Testperson|Alex\b|Kim\b|Lee\b/);
  return text;
}

async function rowOf(ags: string) {
  return (await h.app.overview.overview(2025)).rows.find((r) => r.ags === ags)!;
}

/** VZÄ as answers show them: two places, rounded down. */
const vzae = (v: string, locale: Locale = 'de') => formatNumber(new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_DOWN), 2, locale);
const gap = (amount: string) => Decimal.max(0, MINIMUM_POSITION_VZAE.times('68000').minus(amount));

beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.cleanup());

/** Abstatt: 5 listed, one struck, one later-born child, one other person pending → 5 persons. */
async function seedWithChanges(): Promise<void> {
  await seed(h, 5);
  const own = { actor: staff(ABSTATT) };
  await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, own);
  await h.app.review.addChild(2025, ABSTATT, { parentId: `${ABSTATT}-2`, surname: 'Kind', givenName: 'Kim', birthDate: '2022-05-01' }, own);
  await h.app.review.addOther(
    2025,
    ABSTATT,
    { surname: 'Nach', givenName: 'Lee', birthDate: '2000-01-01', assignmentDate: '2021-01-01', zugangsart: 'familiennachzug', justification: 'Familiennachzug laut Meldedaten' },
    own,
  );
  for (let i = 1; i <= 3; i++) await h.app.review.strike(2025, EPPINGEN, { personId: `${EPPINGEN}-${i}`, reason: 'weggezogen' }, { actor: staff(EPPINGEN) });
}

describe('funding', () => {
  test('German: amount, persons, VZÄ and the gap to 0,5 VZÄ equal the overview; provisional with reasons', async () => {
    await seedWithChanges();
    const row = await rowOf(ABSTATT);
    const text = await ask('Wie hoch ist unsere voraussichtliche Förderung?', staff(ABSTATT));
    expect(text).toContain(`${formatEuro(row.amount)} für ${row.persons} Personen`);
    expect(text).toContain(`${vzae(row.vzae)} VZÄ bei 68.000\u00a0€ je VZÄ`);
    expect(text).toContain(`0,5 VZÄ kosten 34.000\u00a0€; es fehlen ${formatEuro(gap(row.amount))}.`);
    expect(text).toMatch(/vorläufig: die Übersicht ist noch nicht veröffentlicht; 46 von 46 Listen .* darunter die von Abstatt; 1 Nachtrag wird noch geprüft/);
  });

  test('a different Gemeinde gets its own, different figures', async () => {
    await seedWithChanges();
    const row = await rowOf(EPPINGEN);
    expect(row.persons).toBe(2);
    const text = await ask('Förderung Eppingen', coordinator);
    expect(text).toContain(`Förderung für Eppingen, Berechnungsjahr 2025: ${formatEuro(row.amount)} für 2 Personen`);
    expect(text).toContain(`es fehlen ${formatEuro(gap(row.amount))}`);
  });

  test('over a synthetic export: every Gemeinde\'s answer carries exactly its overview figures', async () => {
    const exp = syntheticExport({ seed: 7, gemeinden: verzeichnis.all, period: { start: '2020-01-01', end: '2022-12-31' }, persons: 1500 });
    await h.app.campaigns.create({ year: 2025, kreisAmount: '1508000', eurPerVzae: '72500' }, { actor: coordinator });
    await h.app.imports.importStep1(2025, syntheticCsv(exp, { delimiter: ';', encoding: 'utf8' }), 'export.csv', { actor: coordinator });
    const report = await h.app.overview.overview(2025);
    expect(new Set(report.rows.map((r) => r.amount)).size).toBeGreaterThan(10);
    for (const row of report.rows) {
      const text = await ask(`Förderung ${row.gemeinde}`, coordinator);
      const persons = row.persons === 1 ? '1 Person' : `${formatNumber(row.persons, 0)} Personen`;
      expect(text).toContain(`Förderung für ${row.gemeinde}, Berechnungsjahr 2025: ${formatEuro(row.amount)} für ${persons}, das sind ${vzae(row.vzae)} VZÄ bei 72.500\u00a0€ je VZÄ.`);
      const missing = Decimal.max(0, MINIMUM_POSITION_VZAE.times('72500').minus(row.amount));
      expect(text).toContain(missing.isZero() ? 'Der Anteil deckt 0,5 VZÄ (36.250\u00a0€).' : `0,5 VZÄ kosten 36.250\u00a0€; es fehlen ${formatEuro(missing)}.`);
    }
  });

  test('English formatting', async () => {
    await seedWithChanges();
    const row = await rowOf(ABSTATT);
    const text = await ask('what is our expected funding?', staff(ABSTATT), 'en');
    expect(text).toContain(`${formatEuro(row.amount, 'en')} for ${row.persons} persons`);
    expect(text).toMatch(/^Funding for Abstatt, year 2025: €\d{2},\d{3} /);
    expect(text).toContain(`${vzae(row.vzae, 'en')} FTE at €68,000 per FTE`);
    expect(text).toContain(`0.5 FTE cost €34,000; ${formatEuro(gap(row.amount), 'en')} short.`);
    expect(text).toContain('The figures are provisional');
  });

  test('a large share covers 0,5 VZÄ', async () => {
    await seed(h, 5, [ABSTATT, BRACKENHEIM]);
    const row = await rowOf(ABSTATT);
    expect(row.amount).toBe('754000.00');
    const text = await ask('Förderung', staff(ABSTATT));
    expect(text).toContain('754.000\u00a0€ für 5 Personen, das sind 11,08 VZÄ');
    expect(text).toContain('Der Anteil deckt 0,5 VZÄ (34.000\u00a0€).');
  });

  test('once published: the published figures, marked as published, not provisional', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    const { report } = await h.app.campaigns.publish(2025, { actor: coordinator });
    const row = report.rows.find((r) => r.ags === BRACKENHEIM)!;
    const text = await ask('Wieviel Geld bekommen wir?', staff(BRACKENHEIM));
    expect(text).toContain(formatEuro(row.amount));
    expect(text).toContain('Stand: veröffentlicht am 10.01.2024.');
    expect(text).not.toContain('vorläufig');
    expect(await ask('how much money do we get', staff(BRACKENHEIM), 'en')).toContain('As published on 10 January 2024.');
  });

  test('published as provisional: why it is provisional is the state now, not as at publication', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all.filter((g) => g.ags !== ABSTATT && g.ags !== EPPINGEN)) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
    await h.app.review.submit(2025, EPPINGEN, { actor: staff(EPPINGEN) });
    expect(await ask('Wie hoch ist unsere Förderung?', staff(ABSTATT))).toContain(
      'Die Zahlen sind vorläufig: am 10.01.2024 ausdrücklich als vorläufig veröffentlicht; 1 von 46 Listen ist noch nicht eingereicht, darunter die von Abstatt.',
    );
    await h.app.review.submit(2025, ABSTATT, { actor: staff(ABSTATT) });
    const own = await ask('Wie hoch ist unsere Förderung?', staff(ABSTATT));
    expect(own).toContain('am 10.01.2024 ausdrücklich als vorläufig veröffentlicht; seither sind alle Listen eingereicht und geprüft, die endgültigen Zahlen gelten mit der nächsten Veröffentlichung.');
    expect(own).not.toContain('noch nicht eingereicht');
    expect(await ask('Welche Möglichkeiten haben wir?', staff(BRACKENHEIM))).toContain('seither sind alle Listen eingereicht');
    expect(await ask('Wie viele Personen insgesamt?', coordinator)).toContain('seither sind alle Listen eingereicht');
    expect(await ask('what is our expected funding?', staff(ABSTATT), 'en')).toContain('all lists have been submitted and checked since');
  });

  test('published, then the list changed: the published amount, and that the list changed since', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    const { report } = await h.app.campaigns.publish(2025, { actor: coordinator });
    const row = report.rows.find((r) => r.ags === ABSTATT)!;
    expect(await ask('Wie hoch ist unsere voraussichtliche Förderung?', staff(ABSTATT))).not.toContain('seit der Veröffentlichung geändert');
    await h.app.review.reopen(2025, ABSTATT, {}, { actor: coordinator });
    await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: coordinator });
    const text = await ask('Wie hoch ist unsere voraussichtliche Förderung?', staff(ABSTATT));
    expect(text).toContain(`${formatEuro(row.amount)} für 5 Personen`);
    expect(text).toContain('Die Liste von Abstatt hat sich seit der Veröffentlichung geändert (jetzt 4 Personen); der Betrag gilt, bis die Koordinierungsstelle erneut veröffentlicht.');
    expect(translate('q.funding.listChanged', { name: 'Abstatt', persons: '1' }, 'de')).toContain('(jetzt 1 Person)');
    expect(translate('q.funding.listChanged', { name: 'Abstatt', persons: '1' }, 'en')).toContain('(now 1 person)');
  });

  test('a Gemeinde in a Verbund learns whether the pooled shares pay for the position, not what its own share lacks', async () => {
    await seed(h, 5);
    await h.app.decisions.decide(2025, { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [BRACKENHEIM, EPPINGEN] }, { actor: staff(ABSTATT) });
    const a = await h.app.overview.assessment(2025, ABSTATT, staff(ABSTATT));
    const text = await ask('Wie hoch ist unsere voraussichtliche Förderung?', staff(ABSTATT));
    expect(text).toContain(`Die Stelle von 0,50 VZÄ kostet 34.000\u00a0€; Anteile zusammen ${formatEuro(a.fundedAmount)}`);
    expect(text).toContain('Noch nicht bestätigt haben: Brackenheim, Eppingen.');
    expect(text).not.toContain('0,5 VZÄ kosten');
  });

  test('a coordinator asking "our" funding gets the district totals and a hint to name a Gemeinde', async () => {
    await seed(h, 5);
    const text = await ask('Wie hoch ist unsere Förderung?', coordinator);
    expect(text).toContain('Landkreis gesamt');
    expect(text).toContain('„Förderung Eppingen“');
  });
});

describe('persons, list status, deadlines', () => {
  test('persons: listed, struck, added, pending → persons at the Stichtag', async () => {
    await seedWithChanges();
    const row = await rowOf(ABSTATT);
    expect([row.listed, row.struck, row.added, row.pending, row.persons]).toEqual([5, 1, 1, 1, 5]);
    const text = await ask('Wie viele Personen stehen auf unserer Liste?', staff(ABSTATT));
    expect(text).toContain('5 aufgeführt, 1 gestrichen, 1 nachgetragen; das ergibt 5 Personen zum Stichtag 31.12.2022.');
    expect(text).toContain('1 Nachtrag wartet noch auf die Prüfung');
    expect(await ask('how many people are on our list', staff(ABSTATT), 'en')).toContain('that makes 5 persons at the cut-off date 31 December 2022');
  });

  test('list status: in progress with days left and what is missing; submitted with its date', async () => {
    await seedWithChanges();
    const open = await ask('Ist unsere Liste schon eingereicht?', staff(ABSTATT));
    expect(open).toContain('ist in Bearbeitung.');
    expect(open).toContain('Abgabefrist: 15.01.2024 (noch 5 Tage).');
    expect(open).toContain('Es fehlt noch: die Liste prüfen und einreichen; die Prüfung von 1 Nachtrag durch die Koordinierungsstelle.');
    await h.app.review.submit(2025, BRACKENHEIM, { actor: staff(BRACKENHEIM) });
    const done = await ask('Was fehlt noch?', staff(BRACKENHEIM));
    expect(done).toContain('Die Liste von Brackenheim (Berechnungsjahr 2025) ist eingereicht (am 10.01.2024).');
    expect(done).toContain('Es fehlt nichts mehr.');
    expect(done).toContain('voraussichtlich am 05.02.2024');
    expect(await ask('status of our list', staff(ABSTATT), 'en')).toContain('is in progress.\nDue: 15 January 2024 (5 days left).');
  });

  test('list status after the deadline: overdue by so many days – once the list was sent', async () => {
    await seed(h, 5);
    h.clock.set('2024-01-20T09:00:00.000Z');
    // Never sent: not overdue, and the answer says why.
    const unsent = await ask('Status', staff(ABSTATT));
    expect(unsent).toContain('Die Koordinierungsstelle hat die Liste noch nicht versendet; Abgabefrist ist der 15.01.2024.');
    expect(unsent).not.toContain('überfällig');
    // Worked on by the Koordinierungsstelle, still never sent: still not overdue.
    await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: coordinator });
    expect(await ask('Status', staff(ABSTATT))).toContain('noch nicht versendet');
    await h.app.review.markSent(2025, ABSTATT, { actor: coordinator });
    expect(await ask('Status', staff(ABSTATT))).toContain('Abgabefrist: 15.01.2024 (seit 5 Tagen überfällig).');
    expect(await ask('Status', staff(ABSTATT), 'en')).toContain('(5 days overdue)');
  });

  test('deadlines, and the Gemeinde\'s own extension', async () => {
    await seed(h, 5);
    h.clock.set('2024-01-20T09:00:00.000Z');
    await h.app.review.reopen(2025, ABSTATT, { until: '2024-01-31' }, { actor: coordinator });
    const text = await ask('Bis wann müssen wir die Liste zurückschicken?', staff(ABSTATT));
    const campaign = (await h.app.campaigns.show(2025)).campaign;
    expect(campaign.deadlines).toMatchObject({ review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' });
    expect(text).toContain('Liste prüfen und zurücksenden: bis 15.01.2024 (abgelaufen)');
    expect(text).toContain('Veröffentlichung der Übersicht: 05.02.2024');
    expect(text).toContain('bis 31.05.2024');
    expect(text).toContain('Für Abstatt ist die Abgabefrist verlängert bis 31.01.2024.');
    expect(text).toContain('Abgabefrist: 31.01.2024 (noch 11 Tage).');
    const other = await ask('Welche Fristen gibt es?', staff(BRACKENHEIM));
    expect(other).not.toContain('verlängert');
    expect(await ask('when is the deadline', staff(ABSTATT), 'en')).toContain('Check and return the list: by 15 January 2024 (passed)');
  });
});

describe('options of step B', () => {
  test('the three choices in plain words with the LRA\'s arguments and the Gemeinde\'s own figures', async () => {
    await seedWithChanges();
    const row = await rowOf(ABSTATT);
    const text = await ask('Welche Möglichkeiten haben wir?', staff(ABSTATT));
    for (const word of ['Landkreis (Standard', 'In eigener Verantwortung:', 'mindestens 0,5 VZÄ', 'Verbund:', 'Träger der freien Wohlfahrtspflege', 'Eigenmittel', 'Verwendungsnachweis', 'Vertretung bei Urlaub und Krankheit', 'keine Weisungen']) {
      expect(text).toContain(word);
    }
    expect(text).toContain(`Zahlen für Abstatt: Anteil ${formatEuro(row.amount)}, das sind ${vzae(row.vzae)} VZÄ.`);
    expect(text).toContain(`es fehlen ${formatEuro(gap(row.amount))}`);
    expect(text).toContain('nur im Verbund oder mit Eigenmitteln');
    expect(text).toContain('Entscheidung von Abstatt bisher: offen; Frist 31.05.2024.');
  });

  test('without any data the general explanation still answers; a decision shows its figures', async () => {
    const general = await ask('Was bedeutet eigenständig?', staff(ABSTATT), 'de', null);
    expect(general).toContain('Verbund');
    expect(general).not.toContain('Zahlen für');
    await seed(h, 5, [ABSTATT, BRACKENHEIM]);
    await h.app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1', eigenmittel: '0' }, { actor: staff(ABSTATT) });
    const a = await h.app.overview.assessment(2025, ABSTATT, staff(ABSTATT));
    const text = await ask('what are our options', staff(ABSTATT), 'en');
    expect(text).toContain('Decision of Abstatt so far: own position');
    expect(text).toContain(`The position of 1.00 FTE costs ${formatEuro(a.positionCost, 'en')}`);
  });
});

describe('district questions (Koordinierungsstelle)', () => {
  test('totals: persons, distributable amount, lists submitted/overdue, decisions', async () => {
    await seedWithChanges();
    await h.app.review.submit(2025, BRACKENHEIM, { actor: staff(BRACKENHEIM) });
    const report = await h.app.overview.overview(2025);
    const text = await ask('Wie viele Personen insgesamt?', coordinator);
    expect(text).toContain(`${formatNumber(report.totals.persons, 0)} Personen zum Stichtag 31.12.2022; verteilt werden 1.508.000\u00a0€`);
    expect(text).toContain('Listen: 1 von 46 eingereicht, 0 überfällig; 1 Nachtrag in Prüfung.');
    expect(text).toContain('Entscheidungen: 0 Landkreis, 0 in eigener Verantwortung, 0 Verbund, 46 offen.');
    expect(await ask('total funding', coordinator, 'en')).toContain('€1,508,000 is distributed');
    // Published, then a list changes: the totals are the published ones, and the answer says the lists moved on.
    await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
    expect(await ask('Wie viele Personen insgesamt?', coordinator)).not.toContain('Seit der Veröffentlichung');
    await h.app.review.strike(2025, EPPINGEN, { personId: `${EPPINGEN}-4`, reason: 'weggezogen' }, { actor: coordinator });
    expect(await ask('Wie viele Personen insgesamt?', coordinator)).toContain(
      'Seit der Veröffentlichung haben sich die Zahlen von 46 Gemeinden geändert; „berechnen“ zeigt die aktuellen Zahlen',
    );
  });

  test('missing: the Gemeinden that have not submitted, overdue ones marked', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all.filter((g) => g.ags !== ABSTATT && g.ags !== EPPINGEN)) {
      await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    }
    expect(await ask('Wer fehlt noch?', coordinator)).toBe('Noch nicht eingereicht (2 von 46, Berechnungsjahr 2025): Abstatt, Eppingen.');
    // Overdue is only a list the Gemeinde got: Abstatt's was sent, Eppingen's has a new date.
    await h.app.review.markSent(2025, ABSTATT, { actor: coordinator });
    h.clock.set('2024-01-16T09:00:00.000Z');
    await h.app.review.reopen(2025, EPPINGEN, { until: '2024-01-31' }, { actor: coordinator });
    const text = await ask("who hasn't submitted yet", coordinator, 'en');
    expect(text).toContain('Not submitted yet (2 of 46, year 2025): Abstatt (overdue), Eppingen.');
    expect(text).toContain('Overdue among them: 1.');
    await h.app.review.submit(2025, EPPINGEN, { actor: staff(EPPINGEN) });
    await h.app.review.reopen(2025, ABSTATT, { until: '2024-01-31' }, { actor: coordinator });
    await h.app.review.submit(2025, ABSTATT, { actor: staff(ABSTATT) });
    expect(await ask('Welche Gemeinden haben noch nicht eingereicht?', coordinator)).toBe('Alle 46 Listen für 2025 sind eingereicht.');
  });
});

describe('who has not decided (Koordinierungsstelle)', () => {
  test('open decisions, a Verbund waiting for a partner, and after the deadline the Gemeinden defaulted to the Landkreis', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    expect(await ask('Wer hat sich noch nicht entschieden?', coordinator)).toContain('Die Übersicht ist noch nicht veröffentlicht');
    await h.app.campaigns.publish(2025, { actor: coordinator });
    for (const g of verzeichnis.all.filter((g) => ![ABSTATT, BRACKENHEIM, EPPINGEN].includes(g.ags))) {
      await h.app.decisions.decide(2025, { ags: g.ags, choice: 'landkreis' }, { actor: staff(g.ags) });
    }
    await h.app.decisions.decide(2025, { ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: [BRACKENHEIM] }, { actor: staff(ABSTATT) });
    const text = await ask('Wer hat sich noch nicht entschieden?', coordinator);
    expect(text).toBe(
      'Noch nicht entschieden (2 von 46, Berechnungsjahr 2025, Frist 31.05.2024): Brackenheim, Eppingen.\nVerbund noch nicht von allen Partnern bestätigt: Abstatt.',
    );
    expect(await ask('Who has not decided yet?', coordinator, 'en')).toContain('No decision yet (2 of 46, year 2025, deadline 31 May 2024): Brackenheim, Eppingen.');
    expect(await ask('Wer hat sich noch nicht entschieden?', staff(ABSTATT))).toMatch(/^Bitte haben Sie Verständnis: Angaben über alle Gemeinden/);
    h.clock.set('2024-06-01T09:00:00.000Z');
    expect(await ask('Welche Gemeinden haben noch keine Entscheidung getroffen?', coordinator)).toContain(
      'Ohne Entscheidung bis zum 31.05.2024 (2), das Integrationsmanagement macht dort der Landkreis: Brackenheim, Eppingen.',
    );
  });
});

describe('rights and missing data', () => {
  test('staff asking another Gemeinde\'s list, deadlines or options get a polite refusal, in their language', async () => {
    await seed(h, 5);
    expect(await ask('Hat Eppingen schon eingereicht?', staff(ABSTATT))).toBe(
      'Bitte haben Sie Verständnis: Von Eppingen kann ich Ihnen nur die Förderung und die Personenzahl nennen, wie die Übersicht sie allen Gemeinden zeigt (zum Beispiel „Förderung Eppingen“); alles Weitere nur für Ihre eigene Gemeinde.',
    );
    expect(await ask('Welche Fristen hat Eppingen?', staff(ABSTATT))).toContain('nur die Förderung und die Personenzahl nennen');
    expect(await ask('deadlines of Eppingen', staff(ABSTATT), 'en')).toContain('about Eppingen I can only tell you its funding and its number of persons');
    // Their own Gemeinde by name is fine.
    expect(await ask('Förderung Abstatt', staff(ABSTATT))).toContain('Förderung für Abstatt');
  });

  test('another Gemeinde\'s money, as the public overview shows it: amount, persons, VZÄ, provenance – not its decision or position', async () => {
    await seed(h, 5);
    await h.app.decisions.decide(2025, { ags: BRACKENHEIM, choice: 'eigenstaendig', vzae: '1', eigenmittel: '20000' }, { actor: staff(BRACKENHEIM) });
    const row = await rowOf(BRACKENHEIM);
    // Before publication no Gemeinde sees another's money (neither overview nor channel card shows it yet).
    expect(await ask('Wie viel Geld bekommt Brackenheim?', staff(ABSTATT))).toBe(
      'Die Förderung von Brackenheim zeigt die Übersicht allen Gemeinden, sobald sie veröffentlicht ist (geplant bis 05.02.2024); bis dahin nenne ich Ihnen nur die Ihrer eigenen Gemeinde.',
    );
    await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
    const text = await ask('Wie viel Geld bekommt Brackenheim?', staff(ABSTATT));
    expect(text).toMatch(new RegExp(`^Förderung für Brackenheim, Berechnungsjahr 2025: ${formatEuro(row.amount).replace('.', '\\.')} für 5 Personen, das sind ${vzae(row.vzae).replace(',', ',')} VZÄ bei 68\\.000\u00a0€ je VZÄ\\.\\n`));
    for (const hidden of ['Stelle', 'Eigenmittel', 'Entscheidung', 'in eigener Verantwortung', 'darunter']) expect(text).not.toContain(hidden);
    for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    await h.app.campaigns.publish(2025, { actor: coordinator, reason: 'alle Listen eingereicht' });
    expect(await ask('funding Brackenheim', staff(ABSTATT), 'en')).toMatch(/^Funding for Brackenheim, year 2025: .*\nAs published on 10 January 2024\.$/);
    // The coordinator still gets the whole answer, with the position.
    expect(await ask('Förderung Brackenheim', coordinator)).toContain('Die Stelle von 1,00 VZÄ kostet');
    // The counts are in the overview too; the list's state and what Brackenheim still has to do are not asked for.
    const counts = await ask('Wie viele Personen hat Brackenheim?', staff(ABSTATT));
    expect(counts).toMatch(/^Liste von Brackenheim, Berechnungsjahr 2025: 5 aufgeführt, 0 gestrichen/);
    expect(await ask('Ist die Liste von Brackenheim eingereicht?', staff(ABSTATT))).toContain('nur die Förderung und die Personenzahl');
  });

  test('totals and missing are for the Koordinierungsstelle only', async () => {
    await seed(h, 5);
    for (const q of ['Wie viele Personen insgesamt?', 'Wer fehlt noch?']) {
      expect(await ask(q, staff(ABSTATT))).toMatch(/^Bitte haben Sie Verständnis: Angaben über alle Gemeinden gibt es nur für die Koordinierungsstelle/);
    }
    expect(await ask('Who is missing?', staff(ABSTATT), 'en')).toMatch(/^Sorry, figures for all municipalities are for the coordinating office only/);
  });

  test('staff without a Gemeinde, the Stadtkreis, and questions not understood', async () => {
    await seed(h, 5);
    const noAgs: Actor = { id: 'x', name: 'X', role: 'gemeinde' };
    expect(await ask('Förderung', noAgs)).toContain('keiner Gemeinde zugeordnet');
    expect(await ask('Förderung Heilbronn', coordinator)).toContain('Heilbronn ist ein eigener Stadtkreis');
    const help = await ask('Wie ist das Wetter?', staff(ABSTATT));
    expect(help).toContain('Das habe ich leider nicht verstanden.');
    expect(help).toContain('„Wie hoch ist unsere voraussichtliche Förderung?“');
    expect(help).not.toContain('Welche Gemeinden');
  });

  test('a purged year: funding, persons, totals and options from the figures kept, saying the personal data was deleted; the lists are gone', async () => {
    await seed(h, 5);
    const row = await rowOf(ABSTATT);
    h.clock.set('2027-01-02T09:00:00.000Z');
    await h.app.campaigns.purge(2025, { actor: coordinator });
    const note = 'Die Personendaten des Berechnungsjahres 2025 wurden am 02.01.2027 gelöscht; erhalten sind nur diese Zahlen.';
    const text = await ask('Wie hoch ist unsere voraussichtliche Förderung?', staff(ABSTATT));
    expect(text).toContain(`Förderung für Abstatt, Berechnungsjahr 2025: ${formatEuro(row.amount)} für 5 Personen`);
    expect(text).toContain(note);
    expect(text).not.toContain('nicht importiert');
    expect(await ask('Wie viele Personen stehen auf unserer Liste?', staff(ABSTATT))).toContain('das ergibt 5 Personen');
    expect(await ask('Wie viele Personen insgesamt?', coordinator)).toContain(note);
    const options = await ask('Welche Möglichkeiten haben wir?', staff(ABSTATT));
    expect(options).toContain(`Zahlen für Abstatt: Anteil ${formatEuro(row.amount)}`);
    expect(options).toContain('Die Frist ist am 31.05.2024 ohne Entscheidung abgelaufen');
    expect(await ask('Ist unsere Liste schon eingereicht?', staff(ABSTATT))).toBe(
      'Die Personendaten des Berechnungsjahres 2025 sind gelöscht, die Listen gibt es nicht mehr. Erhalten sind die Zahlen: Fragen Sie zum Beispiel „Förderung 2025“.',
    );
    expect(await ask('Wer fehlt noch?', coordinator)).toContain('die Listen gibt es nicht mehr');
  });

  test('a purged year that was published: the published figures, marked as published', async () => {
    await seed(h, 5);
    for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
    const { report } = await h.app.campaigns.publish(2025, { actor: coordinator });
    h.clock.set('2027-01-02T09:00:00.000Z');
    await h.app.campaigns.purge(2025, { actor: coordinator });
    const row = report.rows.find((r) => r.ags === ABSTATT)!;
    const text = await ask('Wie hoch ist unsere Förderung?', staff(ABSTATT));
    expect(text).toContain(formatEuro(row.amount));
    expect(text).toContain('Stand: veröffentlicht am 10.01.2024.');
    expect(await ask('funding Brackenheim', staff(ABSTATT), 'en')).toContain('The personal data of 2025 was deleted on 2 January 2027; only these figures are kept.');
    // The decisions are kept too: who had not decided is still answered.
    const undecided = await ask('Wer hat sich noch nicht entschieden?', coordinator);
    expect(undecided).toContain('Ohne Entscheidung bis zum 31.05.2024 (46)');
    expect(undecided).toContain('Die Personendaten');
  });

  test('no campaign, nothing imported, nobody counted: a clear sentence each', async () => {
    expect(await ask('Förderung', staff(ABSTATT), 'de', null)).toBe('Es ist noch keine Kampagne angelegt; es gibt noch keine Zahlen.');
    expect(await ask('Förderung', staff(ABSTATT))).toContain('Für das Berechnungsjahr 2025 ist noch keine Kampagne angelegt');
    await h.app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
    expect(await ask('Status', staff(ABSTATT))).toContain('sind die Listen noch nicht importiert');
    expect(await ask('Welche Fristen gibt es?', staff(ABSTATT))).toContain('bis 15.01.2024');
    await seed2025Empty();
    expect(await ask('Förderung', staff(ABSTATT))).toBe('Eine Verteilung für 2025 ist noch nicht möglich: im ganzen Landkreis ist bisher keine Person gezählt.');
    expect(await ask('how much money do we get', staff(ABSTATT), 'en')).toContain('No allocation for 2025 is possible yet');
    expect(await ask('Wie viele Personen?', staff(ABSTATT))).toContain('das ergibt 0 Personen');
    expect(await ask('Welche Möglichkeiten haben wir?', staff(ABSTATT))).toContain('Verbund');
  });
});

/** Lists for every Gemeinde, all empty (campaign already created). */
async function seed2025Empty(): Promise<void> {
  const lists = verzeichnis.all.map((g) => ({ ...emptyList(2025, g.ags), revision: 1 }));
  await h.repo.replaceLists(2025, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
}

describe('singular and plural', () => {
  test('one open list, one pending addition: singular verbs in German and English', () => {
    const t = (code: Parameters<typeof translate>[0], params: Record<string, string | number>, locale: Locale) => translate(code, params, locale);
    expect(t('q.reason.openLists', { open: 1, total: 46 }, 'de')).toBe('1 von 46 Listen ist noch nicht eingereicht');
    expect(t('q.reason.openLists', { open: 2, total: 46 }, 'de')).toBe('2 von 46 Listen sind noch nicht eingereicht');
    expect(t('q.reason.openLists', { open: 1, total: 46 }, 'en')).toBe('1 of 46 lists has not been submitted yet');
    expect(t('q.reason.openLists', { open: 3, total: 46 }, 'en')).toBe('3 of 46 lists have not been submitted yet');
    expect(t('q.persons.pending', { pending: '1' }, 'en')).toBe("1 addition still awaits the coordinating office's check and counts only after it.");
    expect(t('q.persons.pending', { pending: '2' }, 'en')).toBe("2 additions still await the coordinating office's check and count only after it.");
    expect(t('q.missing.pending', { pending: '1', names: 'Abstatt' }, 'en')).toBe('Also, 1 addition awaits your check: Abstatt.');
  });
});
