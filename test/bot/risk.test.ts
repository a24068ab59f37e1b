/** The financing risk over the bot: the what-if `berechnen <Betrag>` and the decision card's scenarios. */
import { ABSTATT, ANNA, attachedCard, cardText, KORA, openBotHarness, type BotHarness } from './botHarness';
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
    for (const typed of ['berechnen 1.400.000 €', 'berechnen 1400000', 'berechnen 1,4 Mio', 'Verteilung 1.400.000']) {
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
    expect(text).toContain('Personen wie 2024→2025 (\u221225\u00a0%): 5');
    expect(text).toContain('Ihr Anteil finanziert schon heute keine Stelle von 0,5\u00a0VZÄ (34.000\u00a0€)');
  });

  test('without a year before: the state total only, and why', async () => {
    const [reply] = await h.say(ANNA, 'entscheidung');
    const text = cardText(attachedCard(reply));
    expect(text).toContain('Landesmittel +10\u00a0%');
    expect(text).not.toContain('Personen wie');
    expect(text).toContain('Ein Vorjahr mit Ihrer Personenzahl gibt es in den Daten nicht');
  });
});
