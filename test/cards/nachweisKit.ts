/**
 * Verwendungsnachweis cards built from the real domain rules (openRound, saveDraft, submit,
 * returnWithQuestion), with the view the service shows: findings, totals, whether the viewer may edit.
 */
import type { NachweisView } from '../../src/app/verwendungsnachweisService';
import type { AdaptiveCard } from '../../src/cards';
import { nachweisReturnedCard, verwendungsnachweisCard, verwendungsnachweisConfirmCard, type NachweisCardView } from '../../src/cards/verwendungsnachweisCard';
import { Decimal } from '../../src/domain/money';
import { checkNachweis, enterLandkreisFigures, openRound, returnWithQuestion, saveDraft, submit, totalsOf, type NachweisInput, type NachweisRound } from '../../src/domain/verwendungsnachweis';
import { ABSTATT, BRACKENHEIM, coordinator, EPPINGEN, staff, verzeichnis } from '../fixtures';

export const NOW = '2026-01-15T09:00:00.000Z';
export const TODAY = '2026-01-15';

export const COMPLETE: NachweisInput = {
  personnel: '30000',
  other: '1500.50',
  eigenmittel: '0',
  traeger: 'Diakonie',
  traegerAmount: '30000',
  months: [...Array(7).fill('0.5'), '0', ...Array(4).fill('0.75')],
  figures: { k1: 80, k2: 30, k3: '19.5' },
  text: 'Beratung von Familien.',
};

/** Abstatt on its own, Brackenheim leading a Verbund with Eppingen; the allocations prefilled. */
export function round(keyFigures = ['Beratene Personen', 'Beratene Haushalte', 'Beratungsstunden je Woche']): NachweisRound {
  const plan = [
    { ags: ABSTATT, kind: 'eigen' as const, members: [ABSTATT] },
    { ags: BRACKENHEIM, kind: 'eigen' as const, members: [BRACKENHEIM, EPPINGEN] },
  ];
  const amounts = new Map([[ABSTATT, new Decimal('32783')], [BRACKENHEIM, new Decimal('50000')], [EPPINGEN, new Decimal('20000')]]);
  return openRound(2025, '2026-03-31', plan, amounts, keyFigures, { actor: coordinator, now: NOW, today: TODAY });
}

/** A Gemeinde the Landkreis served (no decision of its own). */
export const SERVED = '08125006';

/** A round with the Landkreis' figures of SERVED entered by the Koordinierungsstelle, complete (so accepted at once). */
export function landkreisRound(): NachweisRound {
  const open = openRound(2025, '2026-03-31', [{ ags: SERVED, kind: 'landkreis', members: [SERVED] }], new Map([[SERVED, new Decimal('20000')]]), ['Beratene Personen'], {
    actor: coordinator,
    now: NOW,
    today: TODAY,
  });
  const { eigenmittel: _e, traeger: _t, traegerAmount: _a, ...figures } = COMPLETE;
  return enterLandkreisFigures(open, SERVED, { ...figures, figures: { k1: 12 } }, { actor: coordinator, now: NOW }).round;
}

export const gemeinde = (ags: string) => ({ actor: staff(ags), now: NOW });
export const koordination = { actor: coordinator, now: NOW };

/** As VerwendungsnachweisService.show gives it. */
export function viewOf(r: NachweisRound, ags: string, editable: boolean): NachweisView {
  const nachweis = r.nachweise[ags];
  return { year: r.year, deadline: r.deadline, keyFigures: r.keyFigures, nachweis, findings: checkNachweis(nachweis, r.keyFigures), totals: totalsOf(nachweis), editable };
}

export function cardView(view: NachweisView, overrides: Partial<NachweisCardView> = {}): NachweisCardView {
  const names = Object.fromEntries(view.nachweis.members.map((m) => [m, verzeichnis.byKey(m)!.name]));
  return { locale: 'de', view, names, koordination: false, today: TODAY, ...overrides };
}

/** The view with one attached file named `name` (as the service lists files sent in the personal chat). */
export function withFiles(view: NachweisView, name: string): NachweisView {
  return { ...view, attachments: [{ sha256: 'a'.repeat(64), name, size: 250_000, uploadedAt: '2026-02-01T10:00:00.000Z', uploadedBy: 'Gerd Gemeinde' }] };
}

/** Every kind of Verwendungsnachweis card, with `name` as Gemeinde name, Träger, key figure, text and question (safety checks). */
export function nachweisCards(name: string): AdaptiveCard[] {
  let r = round([name, 'Beratene Haushalte']);
  r = saveDraft(r, ABSTATT, { ...COMPLETE, traeger: name, text: name, figures: { k1: 1, k2: 2 } }, gemeinde(ABSTATT)).round;
  const names = { [ABSTATT]: name };
  const draft = cardView(viewOf(r, ABSTATT, true), { names, notice: { kind: 'error', text: name } });
  const submitted = submit(r, ABSTATT, gemeinde(ABSTATT)).round;
  const returned = returnWithQuestion(submitted, ABSTATT, name, koordination).round;
  const verbund = cardView(viewOf(r, BRACKENHEIM, true), { names: { [BRACKENHEIM]: name, [EPPINGEN]: name } });
  return [
    verwendungsnachweisCard(draft),
    verwendungsnachweisCard({ ...draft, values: { personnel: name, m1: name } }),
    verwendungsnachweisConfirmCard(draft),
    verwendungsnachweisCard(cardView(viewOf(submitted, ABSTATT, false), { names, koordination: true })),
    verwendungsnachweisCard(cardView(withFiles(viewOf(returned, ABSTATT, true), name), { names })),
    nachweisReturnedCard(cardView(viewOf(returned, ABSTATT, true), { names })),
    verwendungsnachweisCard(verbund),
    verwendungsnachweisCard({ ...verbund, view: { ...verbund.view, editable: false } }),
  ];
}
