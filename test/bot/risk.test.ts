/** The financing risk over the bot: the what-if `berechnen <Betrag>` and the decision card's scenarios. */
import { VERBS } from '../../src/cards/actions';
import { ABSTATT, ANNA, actionsOf, attachedCard, cardText, KORA, openBotHarness, type BotHarness } from './botHarness';
import { seedYear } from '../riskSeed';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness(6);
});
afterEach(() => h.cleanup());

const stored = async () => JSON.stringify([await h.deps.app.ctx.repo.readCampaign(2025), await h.deps.app.ctx.repo.readLists(2025)]);

describe('berechnen <Betrag>: the what-if', () => {
  test('shows the allocation for that Kreis amount, marked, with the difference per Gemeinde; stores nothing', async () => {
    const before = await stored();
    for (const typed of ['berechnen 1.400.000 €', 'berechnen 1400000', 'berechnen 1,4 Mio', 'Berechnen 1.400.000 EUR.']) {
      const [reply] = await h.say(KORA, typed);
      const text = cardText(attachedCard(reply));
      expect(text).toContain('Was wäre, wenn: Kreisbetrag 1.400.000\u00a0€ (2025)');
      expect(text).toContain('Nur zur Ansicht – nicht gespeichert.');
      expect(text).toContain('Gespeichert ist ein Kreisbetrag von 1.508.000\u00a0€.');
      // 46 Gemeinden with 6 persons each: 1,400,000 € / 46 and 1,508,000 € / 46, rounded by the largest remainder.
      expect(text).toContain('\u2212108.000\u00a0€');
      expect(text).toMatch(/Abstatt/);
      expect(text).not.toContain('Veröffentlichen');
    }
    expect(await stored()).toBe(before);
    // The stored allocation is unchanged: plain "berechnen" still shows 1.508.000 €.
    const [plain] = await h.say(KORA, 'berechnen');
    expect(cardText(attachedCard(plain))).toContain('1.508.000\u00a0€');
  });

  test('English', async () => {
    const [reply] = await h.say(KORA, 'calculate 1.4 million', { locale: 'en-US' });
    const text = cardText(attachedCard(reply));
    expect(text).toContain('What if: district amount €1,400,000 (2025)');
    expect(text).toContain('For viewing only – not stored.');
  });

  test('bad amounts: a clear German message, nothing changed', async () => {
    const before = await stored();
    const cases: [string, string][] = [
      ['berechnen viel', '„viel“ ist kein Betrag. Beispiele: „berechnen 1.400.000 €“, „berechnen 1400000“, „berechnen 1,4 Mio“.'],
      ['berechnen 0', 'Der Kreisbetrag „0“ muss größer als 0\u00a0€ sein.'],
      ['berechnen 5000 Mio', 'Der Kreisbetrag „5000 Mio“ ist unplausibel hoch'],
      ['berechnen 1.400.000,001', 'höchstens zwei Nachkommastellen'],
    ];
    for (const [typed, message] of cases) {
      const [reply] = await h.say(KORA, typed);
      expect(reply.text).toContain(message);
    }
    expect(await stored()).toBe(before);
  });

  test('personal chat only, and only for the Koordinierungsstelle', async () => {
    const [channel] = await h.say(KORA, 'berechnen 1.400.000 €', { kind: 'channel' });
    expect(channel.attachments ?? []).toEqual([]);
    expect(channel.text).toContain('persönlichen Chat');
    const [staff] = await h.say(ANNA, 'berechnen 1.400.000 €');
    expect(staff.attachments ?? []).toEqual([]);
  });
});

describe('the decision card shows the financing risk', () => {
  test('with a year before in the data: the count scenario from its change', async () => {
    await seedYear(h.deps.app, 2024, (ags) => (ags === ABSTATT ? 8 : 6));
    const [reply] = await h.say(ANNA, 'entscheidung');
    const text = cardText(attachedCard(reply));
    expect(text).toContain('Finanzierungsrisiko: Ihr Anteil, wenn sich etwas ändert');
    expect(text).toContain('Landesmittel \u221220\u00a0%');
    // 8 → 6 is −25 %; once more: 6 × 6 / 8 = 4.5 → 5 persons.
    expect(text).toContain('5 Personen (Änderung wie 2024→2025: \u221225\u00a0%)');
    // Year over year, the own Gemeinde's only.
    expect(text).toMatch(/Ihre Vorjahre: 2024: 8 Personen, [\d.]+\u00a0€ ≈ 0,\d\d\u00a0VZÄ/);
    expect(text).toContain('Ihr Anteil finanziert schon heute keine Stelle von 0,5\u00a0VZÄ (34.000\u00a0€)');
  });

  test('without a year before: the state total only, and why', async () => {
    const [reply] = await h.say(ANNA, 'entscheidung');
    const text = cardText(attachedCard(reply));
    expect(text).toContain('Landesmittel +10\u00a0%');
    expect(text).not.toContain('Änderung wie');
    expect(text).toContain('Ein Vorjahr mit Ihrer Personenzahl gibt es in den Daten nicht');
  });
});

describe('questions on the financing risk', () => {
  test('"Wie hat sich unsere Förderung entwickelt?": persons, amount and VZÄ per year, only the own Gemeinde', async () => {
    await seedYear(h.deps.app, 2024, (ags) => (ags === ABSTATT ? 8 : 6), '1400000');
    const [own] = await h.say(ANNA, 'Wie hat sich unsere Förderung entwickelt?');
    const lines = own.text!.split('\n');
    expect(lines[0]).toBe('Entwicklung der Förderung für Abstatt:');
    expect(lines[1]).toMatch(/^- 2024: 8 Personen, [\d.]+\u00a0€ ≈ 0,\d\d VZÄ \(vorläufig\)$/);
    expect(lines[2]).toMatch(/^- 2025: 6 Personen, 32\.783\u00a0€ ≈ 0,48 VZÄ \(vorläufig\); gegenüber dem Vorjahr \u22122 Personen, \u2212[\d.]+\u00a0€$/);
    const [en] = await h.say(ANNA, 'How has our funding developed?', { locale: 'en-US' });
    expect(en.text).toContain('Funding over the years for Abstatt:');
    expect(en.text).toContain('- 2025: 6 persons, €32,783 ≈ 0.48 FTE (provisional); against the year before \u22122 persons');
    // Another Gemeinde's history is not the staff's business; where others read, nothing of it.
    const [other] = await h.say(ANNA, 'Wie hat sich die Förderung von Brackenheim entwickelt?');
    expect(other.text).toContain('Von Brackenheim kann ich Ihnen nur die Förderung und die Personenzahl nennen');
    expect(other.text).not.toMatch(/\d\u00a0€/);
    const [channel] = await h.say(ANNA, 'Wie hat sich unsere Förderung entwickelt?', { kind: 'channel' });
    expect(channel.text).toBe('Hier lesen andere Gemeinden mit: Szenarien und die Entwicklung der Förderung einer Gemeinde nenne ich nur im persönlichen Chat. Fragen Sie mich dort.');
    expect(channel.text).not.toMatch(/\d\u00a0€/);
  });

  test('the coordinator asks for one Gemeinde or all', async () => {
    await seedYear(h.deps.app, 2024, () => 5, '1400000');
    const [one] = await h.say(KORA, 'Wie hat sich die Förderung von Abstatt entwickelt?');
    expect(one.text).toContain('Entwicklung der Förderung für Abstatt:');
    const [all] = await h.say(KORA, 'Wie hat sich die Förderung entwickelt?');
    const lines = all.text!.split('\n');
    expect(lines[0]).toBe('Entwicklung der Förderung aller Gemeinden (Berechnungsjahre 2024, 2025; Personen, Betrag, VZÄ):');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(46);
    expect(all.text).toMatch(/- Abstatt: 2024 5 P\., 30\.435\u00a0€, 0,44 VZÄ · 2025 6 P\., 32\.783\u00a0€, 0,48 VZÄ/);
    // Where the Gemeinden read: no district figures (the bot's rule for every district answer).
    const [channel] = await h.say(KORA, 'Wie hat sich die Förderung entwickelt?', { kind: 'channel' });
    expect(channel.text).toContain('im persönlichen Chat');
    expect(channel.text).not.toMatch(/\d\u00a0€/);
  });

  test('"Was wäre, wenn die Landesmittel sinken?": the scenarios and what they mean for the position', async () => {
    const [first] = await h.say(ANNA, 'Was wäre, wenn die Landesmittel sinken?');
    const lines = first.text!.split('\n');
    expect(lines[0]).toBe('Finanzierungsrisiko für Abstatt, Berechnungsjahr 2025: heute 32.783\u00a0€ ≈ 0,48 VZÄ für 6 Personen. Wenn sich etwas ändert:');
    // 1,508,000 € × 0.8 / 276 persons × 6 = 26,226.08 → 26,226 € (largest remainder).
    expect(lines[1]).toMatch(/^- Landesmittel \u221220\u00a0%: 26\.22\d\u00a0€ \(\u22126\.55\d\u00a0€\) ≈ 0,38 VZÄ$/);
    expect(lines[3]).toMatch(/^- Landesmittel \+10\u00a0%: 36\.06\d\u00a0€ \(\+3\.27\d\u00a0€\) ≈ 0,53 VZÄ$/);
    expect(first.text).toContain('Ein Vorjahr mit Ihrer Personenzahl gibt es in den Daten nicht');
    expect(first.text).toContain('Ihr Anteil finanziert schon heute keine Stelle von 0,5\u00a0VZÄ (34.000\u00a0€)');
    await seedYear(h.deps.app, 2024, (ags) => (ags === ABSTATT ? 8 : 6));
    const [withYear] = await h.say(ANNA, 'What if the state cuts its funding?', { locale: 'en-US' });
    // One colon: the count first, the change in parentheses, then the amount.
    expect(withYear.text).toMatch(/\n- 5 persons \(change as 2024→2025: \u221225%\): €[\d,]+ \(/);
    expect(withYear.text).toContain('Your share does not pay for a 0.5\u00a0FTE position (€34,000) even today');
    expect((await h.say(ANNA, 'Was wäre, wenn die Landesmittel sinken?', { kind: 'channel' }))[0].text).toContain('nur im persönlichen Chat');
    // The coordinator names a Gemeinde, or is told how (and of the what-if for all).
    expect((await h.say(KORA, 'Was wäre, wenn die Landesmittel für Abstatt sinken?'))[0].text).toContain('Finanzierungsrisiko für Abstatt, Berechnungsjahr 2025');
    expect((await h.say(KORA, 'Was wäre, wenn die Landesmittel sinken?'))[0].text).toContain('„berechnen 1.400.000 €“');
  });
});

describe('the coordinator\'s overview: year over year', () => {
  test('"Entwicklung je Gemeinde" appears once an earlier year is in the data and opens every Gemeinde\'s years', async () => {
    const [before] = await h.say(KORA, 'berechnen');
    expect(actionsOf(attachedCard(before)).map((a) => a.verb)).not.toContain(VERBS.history);
    await seedYear(h.deps.app, 2024, (ags) => (ags === ABSTATT ? 8 : 6), '1400000');
    const [reply] = await h.say(KORA, 'berechnen');
    const button = actionsOf(attachedCard(reply)).find((a) => a.verb === VERBS.history)!;
    expect(button).toMatchObject({ title: 'Entwicklung je Gemeinde', data: { year: 2025 } });
    const r = await h.invoke(KORA, button.verb, button.data);
    expect(r.status).toBe(200);
    const text = cardText(r.body.value);
    expect(text).toContain('Entwicklung je Gemeinde bis 2025');
    // Abstatt: 2024 with 8 persons, 2025 with 6 (32,783 € ≈ 0,48 VZÄ).
    expect(text).toMatch(/Abstatt\n[\d.]+\u00a0€ \(8; 0,\d\d\)\n32\.783\u00a0€ \(6; 0,48\)/);
    // A Gemeinde's staff never get every Gemeinde's years.
    const refused = await h.invoke(ANNA, button.verb, button.data);
    expect(JSON.stringify(refused.body)).not.toContain('Entwicklung je Gemeinde bis');
  });
});
