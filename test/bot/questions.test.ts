/** Typed questions in Teams: which year they are about, and how they are told apart from commands. */
import { coordinator } from '../fixtures';
import { tempDir } from '../harness';
import { ANNA, KORA, openBotHarness } from './botHarness';

describe('the year a question is about', () => {
  test('without any campaign the options are still explained; figures are not there yet', async () => {
    const h = await openBotHarness(5, '2024-01-10T09:00:00.000Z', tempDir('intm-bot-empty-'));
    try {
      const [options] = await h.say(KORA, 'Was ist ein Verbund?');
      expect(options.text).toContain('Verbund: Mehrere Gemeinden tragen gemeinsam eine Stelle');
      const [funding] = await h.say(KORA, 'Wie hoch ist die Gesamtsumme?');
      expect(funding.text).toBe('Es ist noch keine Kampagne angelegt; es gibt noch keine Zahlen.');
      // A campaign without lists: its deadlines are known.
      await h.deps.app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
      const [deadlines] = await h.say(KORA, 'Welche Fristen gibt es?');
      expect(deadlines.text).toContain('Fristen für das Berechnungsjahr 2025:');
    } finally {
      await h.cleanup();
    }
  });

  test('after the personal data is deleted the figures kept answer, with or without the year in the question', async () => {
    const h = await openBotHarness(5);
    try {
      await h.deps.app.campaigns.publish(2025, { actor: coordinator, force: true });
      h.clock.set('2026-01-02T09:00:00.000Z');
      await h.deps.app.campaigns.purge(2025, { actor: coordinator });
      for (const q of ['Wie hoch ist unsere Förderung?', 'Wie hoch ist unsere Förderung 2025?']) {
        const [answer] = await h.say(ANNA, q);
        expect(answer.text).toContain('Förderung für Abstatt, Berechnungsjahr 2025:');
        expect(answer.text).toContain('Die Personendaten des Berechnungsjahres 2025 wurden am 02.01.2026 gelöscht');
      }
      const [totals] = await h.say(KORA, 'Wie hoch ist die Gesamtsumme?');
      expect(totals.text).toContain('Landkreis gesamt, Berechnungsjahr 2025');
    } finally {
      await h.cleanup();
    }
  });
});

describe('commands or questions', () => {
  test('staff typing "Status" or "Stand" get the status of their own list, not a refusal', async () => {
    const h = await openBotHarness(5);
    try {
      for (const text of ['Status', 'stand', 'Stand.']) {
        const [reply] = await h.say(ANNA, text);
        expect(reply.text).toContain('Die Liste von Abstatt (Berechnungsjahr 2025) ist');
      }
      const [en] = await h.say(ANNA, 'status', { locale: 'en-US' });
      expect(en.text).toContain('The list of Abstatt (year 2025) is');
    } finally {
      await h.cleanup();
    }
  });

  test('"Liste …" that is a question is answered as one; "liste Abstatt" stays the command', async () => {
    const h = await openBotHarness(5);
    try {
      const [own] = await h.say(ANNA, 'Liste schon eingereicht?');
      expect(own.text).toContain('Die Liste von Abstatt (Berechnungsjahr 2025) ist');
      const [named] = await h.say(KORA, 'Liste von Abstatt schon eingereicht?');
      expect(named.text).toContain('Die Liste von Abstatt (Berechnungsjahr 2025) ist');
      const [decided] = await h.say(ANNA, 'Entscheidung schon getroffen?');
      expect(decided.text).toContain('Entscheidung von Abstatt bisher: offen');
      const [card] = await h.say(KORA, 'liste Abstatt');
      expect(card.attachments?.[0]?.content).toBeDefined();
      // A misspelt name is still the command, which names the Gemeinde it could be.
      const [typo] = await h.say(KORA, 'liste Abstat');
      expect(typo.text).toContain('Abstat');
    } finally {
      await h.cleanup();
    }
  });
});
