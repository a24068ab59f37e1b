/** Typed questions in Teams: which year they are about, and how they are told apart from commands. */
import { coordinator } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, KORA, openBotHarness } from './botHarness';

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
      h.clock.set('2027-01-02T09:00:00.000Z');
      await h.deps.app.campaigns.purge(2025, { actor: coordinator });
      for (const q of ['Wie hoch ist unsere Förderung?', 'Wie hoch ist unsere Förderung 2025?']) {
        const [answer] = await h.say(ANNA, q);
        expect(answer.text).toContain('Förderung für Abstatt, Berechnungsjahr 2025:');
        expect(answer.text).toContain('Die Personendaten des Berechnungsjahres 2025 wurden am 02.01.2027 gelöscht');
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
      expect(typo.text).toBe('Keine Gemeinde des Landkreises Heilbronn hat den Schlüssel bzw. Namen „Abstat“. Meinten Sie Abstatt?');
      expect((await h.say(KORA, 'Liste von Abstat'))[0].text).toContain('Namen „Abstat“. Meinten Sie Abstatt?');
      // A name beginning like a lead-in word keeps it ("Of" of Offenau is not "of").
      expect((await h.say(KORA, 'liste Offenauu'))[0].text).toContain('Namen „Offenauu“. Meinten Sie Offenau?');
      expect((await h.say(KORA, 'Liste Bad'))[0].text).toMatch(/Meinten Sie (Bad [A-Z][a-z]+, )*Bad [A-Z][a-z]+ oder Bad [A-Z][a-z]+\?/);
      // Staff naming another Gemeinde are told so (they got their own list without a word).
      for (const said of ['Liste von Brackenheim', 'Entscheidung Brackenheim', 'Liste Brakenheim', 'Liste für die Gemeinde Brackenheim', 'list of the municipality Brackenheim']) {
        expect((await h.say(ANNA, said))[0].text).toBe('Sie können nur die Daten Ihrer eigenen Gemeinde sehen und ändern.');
      }
      // Their own name, misspelt or not, and everyday words after the command: their own list.
      for (const said of ['Liste Abstatt', 'liste Abstat', 'Liste neu', 'Liste offen', 'liste ab', 'Entscheidung neu']) {
        expect(JSON.stringify((await h.say(ANNA, said))[0].attachments?.[0]?.content ?? '')).toMatch(/Personenliste|decision\.review/);
      }
      expect(JSON.stringify((await h.say(KORA, 'liste für die Gemeinde Offenau'))[0].attachments?.[0]?.content)).toContain('Offenau');
      // Without a question mark the words after the command are the command's: the card, as before.
      const cardOf = (reply: { attachments?: { content?: unknown }[] }) => JSON.stringify(reply.attachments?.[0]?.content ?? '');
      for (const said of ['liste bitte', 'Liste anzeigen', 'Liste prüfen', 'list please']) expect(cardOf((await h.say(ANNA, said))[0])).toContain('Personenliste');
      for (const said of ['Entscheidung treffen', 'decision please']) expect(cardOf((await h.say(ANNA, said))[0])).toContain('"verb":"decision.review"');
      for (const said of ['Liste von Abstatt', 'Liste für Abstatt', 'liste der gemeinde abstatt']) expect(cardOf((await h.say(KORA, said))[0])).toContain('Abstatt');
      expect(cardOf((await h.say(KORA, 'Entscheidung von Eppingen'))[0])).toContain('Eppingen');
    } finally {
      await h.cleanup();
    }
  });
});

describe('where district answers are given', () => {
  test('the coordinator\'s district questions are answered in the personal chat and the coordinators\' channel, not where the Gemeinden read', async () => {
    const h = await openBotHarness(5);
    try {
      const pointer = 'Angaben über alle Gemeinden gebe ich hier nicht aus, weil alle Gemeinden mitlesen – bitte fragen Sie mich im persönlichen Chat oder im Kanal der Koordinierungsstelle.';
      await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
      for (const q of ['Wer hat noch nicht eingereicht?', 'Wie hoch ist die Gesamtsumme?', 'Wer hat sich noch nicht entschieden?', 'Wie hoch ist unsere Förderung?']) {
        const out = await h.say(KORA, `<at>IntM-Bot</at> ${q}`, { kind: 'channel' });
        expect(out.map((a) => a.text)).toEqual([pointer]);
        expect((await h.say(KORA, q, { kind: 'groupChat' }))[0].text).toBe(pointer);
      }
      expect((await h.say(KORA, 'Wer hat noch nicht eingereicht?'))[0].text).toContain('Noch nicht eingereicht (46 von 46');
      // One Gemeinde's figures, deadlines and options are for everyone there.
      expect((await h.say(KORA, '<at>IntM-Bot</at> Förderung Brackenheim', { kind: 'channel' }))[0].text).toContain('Die Förderung von Brackenheim nenne ich hier erst, wenn die Übersicht veröffentlicht ist');
      expect((await h.say(KORA, '<at>IntM-Bot</at> Welche Fristen gibt es?', { kind: 'channel' }))[0].text).toContain('Fristen für das Berechnungsjahr 2025');
      expect((await h.say(KORA, 'Who is missing?', { kind: 'channel', locale: 'en-US' }))[0].text).toContain('please ask me in our personal chat');
      // The same channel registered as the coordinators' own: answered there.
      await h.say(KORA, 'kanal registrieren koordination', { kind: 'channel' });
      expect((await h.say(KORA, '<at>IntM-Bot</at> Wer hat noch nicht eingereicht?', { kind: 'channel' }))[0].text).toContain('Noch nicht eingereicht (46 von 46');
    } finally {
      await h.cleanup();
    }
  });
});

describe('a Gemeinde\'s decision stays out of shared conversations', () => {
  test('asked in a channel or group chat, the funding answer keeps to the public overview; in the personal chat it has the decision and the Eigenmittel', async () => {
    const h = await openBotHarness(5);
    try {
      const anna = { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde' as const, ags: ABSTATT };
      await h.deps.app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1', eigenmittel: '12345' }, { actor: anna });
      const personal = (await h.say(ANNA, 'Wie hoch ist unsere Förderung?'))[0].text!;
      expect(personal).toContain('Förderung für Abstatt');
      expect(personal).toMatch(/12\.345/);
      for (const kind of ['channel', 'groupChat'] as const) {
        for (const [who, q] of [[ANNA, 'Wie hoch ist unsere Förderung?'], [KORA, 'Förderung Abstatt'], [ANNA, 'Was fehlt uns zur halben Stelle?']] as const) {
          const text = (await h.say(who, `<at>IntM-Bot</at> ${q}`, { kind }))[0].text!;
          expect(text).not.toMatch(/12\.345|in eigener Verantwortung|Eigenmittel:/);
          expect(text).toContain('Hier lesen andere Gemeinden mit');
        }
      }
      // The decision card itself: where others read only a button, whose answer only the clicker sees.
      for (const kind of ['channel', 'groupChat'] as const) {
        for (const [who, said] of [[ANNA, 'entscheidung'], [ANNA, 'Entscheidung treffen'], [KORA, 'Entscheidung Abstatt']] as const) {
          const [reply] = await h.say(who, said, { kind });
          const posted = JSON.stringify(reply.attachments?.[0]?.content ?? reply.text);
          expect(posted).not.toMatch(/12\.345|in eigener Verantwortung|Diakonie|32\.783/);
          expect(posted).toContain('"verb":"decision.open"');
        }
      }
      // Once published, the amount is public: the channel gets it, still without the decision.
      await h.deps.app.campaigns.publish(2025, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' }, force: true });
      const published = (await h.say(ANNA, '<at>IntM-Bot</at> Wie hoch ist unsere Förderung?', { kind: 'channel' }))[0].text!;
      expect(published).toContain('Förderung für Abstatt');
      expect(published).not.toMatch(/12\.345|in eigener Verantwortung/);
      expect(published).toContain('Hier lesen andere Gemeinden mit');
    } finally {
      await h.cleanup();
    }
  });
});

describe('after the deletion of the personal data', () => {
  test('list and decision commands say the data is deleted (not "no campaign"); the coordinator\'s status shows the lists as they were', async () => {
    const h = await openBotHarness(5);
    try {
      const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
      await h.deps.app.campaigns.publish(2025, { actor: kora, force: true });
      h.clock.set('2027-01-02T09:00:00.000Z');
      await h.deps.app.campaigns.purge(2025, { actor: kora });
      const purged = 'Die Personendaten des Berechnungsjahres 2025 sind gelöscht; erhalten sind nur die Zahlen.';
      expect((await h.say(ANNA, 'liste'))[0].text).toBe(purged);
      expect((await h.say(ANNA, 'entscheidung'))[0].text).toBe(purged);
      const [status] = await h.say(KORA, 'status');
      expect(JSON.stringify(status.attachments?.[0]?.content)).toContain('Personendaten gelöscht am 02.01.2027');
    } finally {
      await h.cleanup();
    }
  });
});

describe('everyday phrasings through the bot (issue 13)', () => {
  test('"Was bekommen wir?", "Wie viel Geld gibt es für uns?", "Was fehlt noch?", "Bis wann müssen wir entscheiden?" get their answers; small talk the examples', async () => {
    const h = await openBotHarness(5);
    try {
      for (const q of ['Was bekommen wir?', 'Wie viel Geld gibt es für uns?']) {
        expect((await h.say(ANNA, q))[0].text).toContain('Förderung für Abstatt');
      }
      expect((await h.say(ANNA, 'Was fehlt noch?'))[0].text).toContain('Die Liste von Abstatt (Berechnungsjahr 2025) ist');
      expect((await h.say(ANNA, 'Bis wann müssen wir entscheiden?'))[0].text).toContain('31.05.2024');
      expect((await h.say(ANNA, 'What do we get?', { locale: 'en-US' }))[0].text).toContain('Funding for Abstatt');
      // Not a question about the procedure: the examples, nothing guessed.
      const [smallTalk] = await h.say(ANNA, 'Bis wann hat die Kantine offen?');
      expect(smallTalk.text ?? JSON.stringify(smallTalk.attachments)).not.toContain('Fristen für das Berechnungsjahr');
    } finally {
      await h.cleanup();
    }
  });
});
