/**
 * The Verwendungsnachweis questions over a real application: a Verbund's partner reads its lead's
 * Nachweis, the coordinator a named Gemeinde's or the whole round; the figures are the service's own;
 * a year named in the question is the round asked about.
 */
import { answerQuestion, recognize } from '../../src/app/questions';
import type { Actor } from '../../src/domain/actor';
import { formatEuro } from '../../src/domain/money';
import type { Locale } from '../../src/i18n/catalogue';
import { translate } from '../../src/i18n/messages';
import { BRACKENHEIM, COMPLETE_NACHWEIS, coordinator, EPPINGEN, staff, verzeichnis } from '../fixtures';
import { Harness, openHarness, seed } from '../harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await seed(h, 5);
  await h.app.decisions.decide(2025, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN] }, { actor: staff(BRACKENHEIM) });
  await h.app.decisions.confirm(2025, { ags: EPPINGEN, lead: BRACKENHEIM }, { actor: staff(EPPINGEN) });
  h.clock.set('2026-01-15T09:00:00.000Z');
  await h.app.verwendungsnachweis.open(2025, { deadline: '2026-03-31' }, { actor: coordinator });
}, 60_000);
afterEach(() => h.cleanup());

async function ask(question: string, actor: Actor, locale: Locale = 'de'): Promise<string> {
  return (await answerQuestion(recognize(question, { verzeichnis }), { actor, locale, year: 2025, app: h.app })).text;
}

test("a Verbund partner reads its lead's Nachweis; the figures are the service's", async () => {
  await h.app.verwendungsnachweis.save(2025, BRACKENHEIM, { ...COMPLETE_NACHWEIS, shares: { [BRACKENHEIM]: '20000', [EPPINGEN]: '11500.50' } }, { actor: staff(BRACKENHEIM) });
  const view = await h.app.verwendungsnachweis.show(2025, EPPINGEN, staff(EPPINGEN));
  const missing = await ask('Was fehlt noch im Verwendungsnachweis?', staff(EPPINGEN));
  expect(missing).toContain('Verwendungsnachweis 2025 von Brackenheim, Eppingen: in Bearbeitung. Frist: 31.03.2026.');
  expect(missing).toContain('Den Nachweis des Verbunds reicht Brackenheim ein.');
  expect(missing).toContain('Es fehlt nichts mehr: Brackenheim kann den Nachweis einreichen.');
  const reclaim = await ask('Müssen wir etwas zurückzahlen?', staff(EPPINGEN));
  expect(reclaim).toContain(`liegen die Ausgaben (${formatEuro(view.totals.expenditure)}) unter der Zuwendung (${formatEuro(view.totals.allocation)}); voraussichtlich werden ${formatEuro(view.totals.reclaim)} zurückgefordert.`);
  // The partner learns that the amount is the whole Verbund's, not its own.
  expect(reclaim.split('\n')[1]).toBe('Die Beträge gelten für den ganzen Verbund (Brackenheim, Eppingen), nicht für eine einzelne Gemeinde.');
  // The coordinator names the partner and gets the same Nachweis.
  const forCoordinator = await ask('Muss Eppingen etwas zurückzahlen?', coordinator);
  expect(forCoordinator).toContain(formatEuro(view.totals.reclaim));
  expect(forCoordinator).toContain('für den ganzen Verbund (Brackenheim, Eppingen)');
  const english = await ask('Do we have to pay anything back?', staff(EPPINGEN), 'en');
  expect(english).toContain('The joint position\'s proof is filed by Brackenheim.');
  expect(english).toContain('The amounts are for the whole joint position (Brackenheim, Eppingen), not for a single municipality.');
});

test('a year named in the question is the round asked about', async () => {
  expect(await ask('Müssen wir 2024 etwas zurückzahlen?', staff(BRACKENHEIM))).toBe(translate('q.vn.notOpened', { year: 2024 }, 'de'));
  expect(await ask('Müssen wir 2025 etwas zurückzahlen?', staff(BRACKENHEIM))).toContain('Noch nicht absehbar');
});

test('the coordinator: nothing likely to be reclaimed before any expenditure is stated', async () => {
  expect(await ask('Wie hoch ist die Rückforderung insgesamt?', coordinator)).toBe(
    [translate('q.vn.reclaimNoneDistrict', { year: 2025 }, 'de'), translate('q.vn.unstated', { n: 45 }, 'de')].join('\n'),
  );
});
