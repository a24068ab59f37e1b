/**
 * A Gemeinde's Verwendungsnachweis on a card: the numerical part (allocation prefilled and read-only,
 * expenditure, Eigenmittel, Träger, the position per month), the Sachbericht's key figures and text, the
 * rule findings in clear sentences, the state, the deadline and the coordinator's question. While the
 * viewer may change it, a form with "Entwurf speichern" and "Einreichen"; "Einreichen" leads to the
 * confirmation (the same template, read-only, with the binding button). The Koordinierungsstelle gets
 * "Mit Rückfrage zurückgeben" and "Annehmen" on a submitted one.
 *
 * Figures of one Gemeinde, never of refugees. User text (Gemeinde and Träger names, key figure labels,
 * the report text, the question) always fills a TextRun or an input, never a Markdown TextBlock.
 */
import type { NachweisView } from '../app/verwendungsnachweisService';
import type { IsoDate } from '../domain/dates';
import { MONTH_NAMES, type Finding } from '../domain/verwendungsnachweis';
import type { Locale } from '../i18n/catalogue';
import { fileSizeText } from '../i18n/nachweisFiles';
import { cardText } from '../i18n/cards';
import { translate } from '../i18n/messages';
import { MONTH_NAMES_EN, NACHWEIS_STATE_LABEL } from '../i18n/verwendungsnachweis';
import { VERBS } from './actions';
import { actionButton, type ActionData, type ButtonData } from './buttons';
import { AMOUNT_PATTERN, NUMBER_PATTERN } from './decisionCard';
import type { AdaptiveCard, Notice } from './index';
import { line, run, userRun, type Line } from './lines';
import { amountInput, euro, localDate, noticeData, renderCard, userText, vzaePosition, vzaeShare } from './render';
import template from './templates/verwendungsnachweis.json';
import returnedTemplate from './templates/verwendungsnachweisReturned.json';

/** A key figure: a count or hours, up to two decimal places (the server checks the range). */
const FIGURE_PATTERN = '^\\s*\\d{1,7}([.,]\\d{1,2})?\\s*$';

/** What the form sends back, by input id (see VERBS.vnSave), to show again after a refusal. */
export type NachweisFormValues = Record<string, string>;

export interface NachweisCardView {
  locale: Locale;
  /** The Nachweis as the service shows it to the viewer: findings, totals, whether the viewer may change it. */
  view: NachweisView;
  /** Names of the Gemeinden it covers (AGS → name), from the Verzeichnis. */
  names: Record<string, string>;
  /** The viewer is the Koordinierungsstelle: return and accept a submitted Nachweis. */
  koordination: boolean;
  today: IsoDate;
  notice?: Notice;
  /** What the user typed, back into the form after a refusal. */
  values?: NachweisFormValues;
}

const monthName = (i: number, locale: Locale) => (locale === 'en' ? MONTH_NAMES_EN : MONTH_NAMES)[i];

/** A stored number as the user types it back in: "0.5" → "0,5" in German. */
function numberInput(value: string | null | undefined, locale: Locale): string {
  return value === null || value === undefined ? '' : vzaePosition(value, locale);
}

/** A stored amount as the user types it back in: "1500.50" → "1500,50" in German, "30000.00" → "30000". */
function amountField(value: string | undefined, locale: Locale): string {
  const typed = amountInput(value);
  return locale === 'de' ? typed.replace('.', ',') : typed;
}

const nameOf = (v: NachweisCardView, ags: string) => v.names[ags] ?? ags;

/** The Gemeinde (or the Verbund, lead first) and who files it. */
function headingLines(v: NachweisCardView): Line[] {
  const { nachweis } = v.view;
  const lines: Line[] = [line(userRun(nameOf(v, nachweis.ags), { weight: 'Bolder' }))];
  if (nachweis.members.length > 1) {
    lines.push(line(run(cardText('vnCard.verbund', v.locale)), userRun(nachweis.members.map((m) => nameOf(v, m)).join(', '))));
  }
  lines.push(line(run(cardText(nachweis.kind === 'landkreis' ? 'vnCard.landkreis' : 'vnCard.eigen', v.locale), { isSubtle: true })));
  return lines;
}

/** The allocation received (read-only, from the published figures) and what the Nachweis adds up to. */
function summaryLines(v: NachweisCardView): Line[] {
  const { locale } = v;
  const { nachweis, totals } = v.view;
  const lines: Line[] = [line(run(cardText('vnCard.allocation', locale, { amount: euro(totals.allocation.toFixed(2), locale) }), { weight: 'Bolder' }))];
  if (nachweis.members.length > 1) {
    for (const m of nachweis.members) {
      lines.push(line(run('  '), userRun(nameOf(v, m)), run(cardText('vnCard.allocationOf', locale, { amount: euro(nachweis.allocations[m] ?? '0', locale) }), { isSubtle: true })));
    }
  }
  const average = vzaeShare(totals.averageVzae.toString(), locale);
  const expenditure = euro(totals.expenditure.toFixed(2), locale);
  // The Landkreis' own figures have no Eigenmittel: not shown as 0 €.
  lines.push(
    line(
      run(
        nachweis.kind === 'landkreis'
          ? cardText('vnCard.totalsLandkreis', locale, { expenditure, average })
          : cardText('vnCard.totals', locale, { expenditure, eigenmittel: euro(totals.eigenmittel.toFixed(2), locale), average }),
      ),
    ),
  );
  return lines;
}

/** The findings of the rule checks: what still blocks the submission first, then the notes. */
export function findingLines(findings: readonly Finding[], locale: Locale): Line[] {
  if (!findings.length) return [line(run(cardText('vnCard.checksNone', locale)))];
  return findings.map((f) =>
    f.severity === 'error'
      ? line(run(cardText('vnCard.errorPrefix', locale), { color: 'Attention', weight: 'Bolder' }), run(translate(f.code, f.params, locale)))
      : line(run(cardText('vnCard.warningPrefix', locale), { weight: 'Bolder' }), run(translate(f.code, f.params, locale))),
  );
}

/** The form, prefilled with what is stored (or what was just typed). */
function formData(v: NachweisCardView) {
  const { locale, values } = v;
  const { nachweis, keyFigures } = v.view;
  const d = nachweis.data;
  const typed = (id: string, stored: string) => values?.[id] ?? stored;
  const field = (id: string, label: Parameters<typeof cardText>[0], stored: string) => ({ label: cardText(label, locale), value: typed(id, stored) });
  const vzaeError = cardText('vnCard.vzaeError', locale);
  const amountError = cardText('vnCard.amountError', locale);
  const monthCells = d.months.map((m, i) => ({ id: `m${i + 1}`, label: monthName(i, locale), pattern: NUMBER_PATTERN, error: vzaeError, value: typed(`m${i + 1}`, numberInput(m, locale)) }));
  const verbund = nachweis.members.length > 1;
  return [
    {
      amountPattern: AMOUNT_PATTERN,
      amountError,
      personnel: field('personnel', 'vnCard.personnel', amountField(d.personnel, locale)),
      other: field('other', 'vnCard.other', amountField(d.other, locale)),
      // The Landkreis' own figures have no Eigenmittel and no Träger (the domain refuses them there).
      own:
        nachweis.kind === 'eigen'
          ? [
              {
                amountPattern: AMOUNT_PATTERN,
                amountError,
                eigenmittel: field('eigenmittel', 'vnCard.eigenmittel', amountField(d.eigenmittel, locale)),
                traeger: field('traeger', 'vnCard.traeger', userText(d.traeger ?? '')),
                traegerAmount: field('traegerAmount', 'vnCard.traegerAmount', amountField(d.traegerAmount, locale)),
              },
            ]
          : [],
      monthsLabel: cardText('vnCard.months', locale),
      // Four rows of three months: compact on a phone as on a desktop.
      monthRows: [0, 3, 6, 9].map((start) => ({ cells: monthCells.slice(start, start + 3) })),
      sharesLabel: verbund ? [{ text: cardText('vnCard.shares', locale) }] : [],
      shares: verbund
        ? nachweis.members.map((m) => ({ id: `share_${m}`, label: userText(nameOf(v, m)), pattern: AMOUNT_PATTERN, error: amountError, value: typed(`share_${m}`, amountField(d.shares?.[m], locale)) }))
        : [],
      reportTitle: cardText('vnCard.report', locale),
      figures: keyFigures.map((k) => ({
        id: `fig_${k.id}`,
        label: userText(k.label),
        pattern: FIGURE_PATTERN,
        error: cardText('vnCard.figureError', locale),
        value: typed(`fig_${k.id}`, numberInput(d.figures[k.id], locale)),
      })),
      text: field('text', 'vnCard.text', userText(d.text ?? '')),
    },
  ];
}

/** The same figures, read-only: on a locked Nachweis, for a Verbund partner, and on the confirmation. */
function detailLines(v: NachweisCardView): Line[] {
  const { locale } = v;
  const { nachweis, keyFigures } = v.view;
  const d = nachweis.data;
  const none = cardText('vnCard.notGiven', locale);
  const amount = (value: string | undefined) => (value === undefined ? none : euro(value, locale));
  const label = (code: Parameters<typeof cardText>[0]) => `${cardText(code, locale).replace(/ \(€\)/, '')}: `;
  const lines: Line[] = [
    line(run(label('vnCard.personnel')), run(amount(d.personnel))),
    line(run(label('vnCard.other')), run(amount(d.other))),
  ];
  if (nachweis.kind === 'eigen') {
    lines.push(line(run(label('vnCard.eigenmittel')), run(amount(d.eigenmittel))));
    if (d.traeger || d.traegerAmount) lines.push(line(run(cardText('vnCard.traegerGiven', locale, { amount: amount(d.traegerAmount) })), userRun(d.traeger ?? none)));
  }
  lines.push(line(run(cardText('vnCard.months', locale), { weight: 'Bolder' })));
  const months = d.months.map((m, i) => `${monthName(i, locale).slice(0, 3)} ${m === null ? '–' : vzaePosition(m, locale)}`);
  lines.push(line(run(months.slice(0, 6).join(' · '))), line(run(months.slice(6).join(' · '))));
  if (nachweis.members.length > 1) {
    lines.push(line(run(cardText('vnCard.shares', locale), { weight: 'Bolder' })));
    for (const m of nachweis.members) lines.push(line(userRun(nameOf(v, m)), run(`: ${amount(d.shares?.[m])}`)));
  }
  lines.push(line(run(cardText('vnCard.report', locale), { weight: 'Bolder' })));
  for (const k of keyFigures) lines.push(line(userRun(k.label), run(`: ${d.figures[k.id] === undefined ? none : vzaePosition(d.figures[k.id], locale)}`)));
  if (d.text) lines.push(line(userRun(d.text)));
  return lines;
}

/** Why the card is read-only, when it is. */
function lockedText(v: NachweisCardView): string | undefined {
  const { locale } = v;
  const { nachweis, editable } = v.view;
  // The Landkreis' figures stay open to the Koordinierungsstelle's corrections, accepted or not.
  if (fillable(v)) return undefined;
  if (nachweis.state === 'angenommen' && nachweis.accepted) return cardText('vnCard.locked.angenommen', locale, { date: localDate(nachweis.accepted.at, locale) });
  if (nachweis.state === 'eingereicht' && nachweis.submitted) return cardText('vnCard.locked.eingereicht', locale, { date: localDate(nachweis.submitted.at, locale) });
  if (editable) return undefined;
  if (nachweis.kind === 'eigen' && !v.koordination && nachweis.members.length > 1) return cardText('vnCard.locked.partner', locale);
  return cardText('vnCard.locked.other', locale);
}

/** Card data of a changing button: the Nachweis' revision the card shows (stale cards are refused) and an operation id. */
export function nachweisActionData(v: NachweisView, verb: string): ActionData {
  const { ags, revision } = v.nachweis;
  return { year: v.year, ags, rev: revision, op: `${verb}:${ags}:${revision}` };
}

/**
 * A form: for the Gemeinde its own, not locked Nachweis; for the Koordinierungsstelle also the Landkreis'
 * figures of a Gemeinde it served (editable for her only, see the service's view).
 */
const fillable = (v: NachweisCardView) => v.view.editable && (v.view.nachweis.kind === 'eigen' || v.koordination);

function buttons(v: NachweisCardView): ButtonData[] {
  const { locale, view } = v;
  const t = (code: Parameters<typeof cardText>[0]) => cardText(code, locale);
  if (fillable(v) && view.nachweis.kind === 'landkreis') return [actionButton(VERBS.vnSave, t('vnCard.saveLandkreis'), nachweisActionData(view, VERBS.vnSave), { style: 'positive' })];
  if (fillable(v)) {
    return [
      actionButton(VERBS.vnSave, t('vnCard.save'), nachweisActionData(view, VERBS.vnSave)),
      actionButton(VERBS.vnReview, t('vnCard.submit'), nachweisActionData(view, VERBS.vnReview), { style: 'positive' }),
    ];
  }
  if (!v.koordination || view.nachweis.kind !== 'eigen') return [];
  const state = view.nachweis.state;
  return [
    ...(state === 'eingereicht' ? [actionButton(VERBS.vnAccept, t('vnCard.accept'), nachweisActionData(view, VERBS.vnAccept), { style: 'positive', inputs: 'none' })] : []),
    ...(state === 'eingereicht' || state === 'angenommen' ? [actionButton(VERBS.vnReturn, t('vnCard.return'), nachweisActionData(view, VERBS.vnReturn))] : []),
  ];
}

function cardData(v: NachweisCardView, mode: 'card' | 'confirm') {
  const { locale, view } = v;
  const { nachweis } = view;
  const overdue = v.today > view.deadline && nachweis.state !== 'eingereicht' && nachweis.state !== 'angenommen';
  const form = mode === 'card' && fillable(v);
  const question = nachweis.state === 'zurueckgegeben' && nachweis.question ? nachweis.question : undefined;
  const locked = mode === 'card' ? lockedText(v) : undefined;
  const mayReturn = mode === 'card' && buttons(v).some((b) => b.verb === VERBS.vnReturn);
  return {
    lang: locale,
    notices: noticeData(v.notice),
    title: mode === 'confirm' ? cardText('vnCard.confirm.title', locale) : cardText('vnCard.title', locale, { year: view.year }),
    heading: headingLines(v),
    state: cardText('vnCard.state', locale, { state: NACHWEIS_STATE_LABEL[locale][nachweis.state] }),
    deadline: cardText(overdue ? 'vnCard.deadlinePassed' : 'vnCard.deadline', locale, { date: view.deadline }),
    question: question
      ? [
          {
            heading: cardText('vnCard.question', locale, { date: localDate(question.at, locale) }),
            text: userText(question.text),
            hint: form ? [{ text: cardText('vnCard.questionHint', locale) }] : [],
          },
        ]
      : [],
    locked: locked ? [{ text: locked }] : [],
    numbersTitle: cardText('vnCard.numbers', locale),
    summary: summaryLines(v),
    form: form ? formData(v) : [],
    details: form ? [] : detailLines(v),
    checksTitle: cardText('vnCard.checks', locale),
    findings: findingLines(view.findings, locale),
    // The Nachweis' files (PDFs sent in the personal chat): name and size, the name as a TextRun (user text).
    files: view.attachments?.length
      ? [{ title: cardText('vnCard.files', locale), items: view.attachments.map((f) => ({ name: userText(f.name), size: ` (${fileSizeText(f.size, locale)})` })) }]
      : [],
    hints: [] as { text: string }[],
    review: mayReturn ? [{ label: cardText('vnCard.questionLabel', locale), error: cardText('vnCard.questionError', locale) }] : [],
    buttons: mode === 'card' ? buttons(v) : [],
  };
}

/** The Verwendungsnachweis card of one Gemeinde (or Verbund), as `view.view` shows it to the viewer. */
export function verwendungsnachweisCard(v: NachweisCardView): AdaptiveCard {
  const data = cardData(v, 'card');
  // The coordinator entering the Landkreis' figures: what saving them means.
  if (fillable(v) && v.view.nachweis.kind === 'landkreis') data.hints = [{ text: cardText('vnCard.landkreisHint', v.locale) }];
  return renderCard(template, data);
}

/**
 * Before the binding click: everything as it will be submitted (the inputs are saved as a draft by then)
 * with the findings; the button only when no finding blocks the submission, "Zurück" in any case.
 */
export function verwendungsnachweisConfirmCard(v: NachweisCardView): AdaptiveCard {
  const { locale, view } = v;
  const blocked = view.findings.some((f) => f.severity === 'error');
  const data = cardData(v, 'confirm');
  const hints = [cardText('vnCard.confirm.saved', locale), cardText(blocked ? 'vnCard.confirm.blocked' : 'vnCard.confirm.lock', locale)];
  return renderCard(template, {
    ...data,
    hints: hints.map((text) => ({ text })),
    buttons: [
      ...(blocked ? [] : [actionButton(VERBS.vnSubmit, cardText('vnCard.submitBinding', locale), nachweisActionData(view, VERBS.vnSubmit), { style: 'positive' })]),
      actionButton(VERBS.vnOpen, cardText('card.back', locale), { year: view.year, ags: view.nachweis.ags }, { inputs: 'none' }),
    ],
  });
}

/** The notice to a Gemeinde's staff when the Koordinierungsstelle returns its Nachweis: the question and a button to open it. */
export function nachweisReturnedCard(v: NachweisCardView): AdaptiveCard {
  const { locale, view } = v;
  const question = view.nachweis.question;
  // The figures are on the card the button opens, which is current by then.
  return renderCard(returnedTemplate, {
    lang: locale,
    title: cardText('vnCard.returned.title', locale, { year: view.year }),
    heading: headingLines(v),
    text: cardText('vnCard.returned.text', locale, { date: view.deadline }),
    question: question ? [{ heading: cardText('vnCard.question', locale, { date: localDate(question.at, locale) }), text: userText(question.text) }] : [],
    buttons: [actionButton(VERBS.vnOpen, cardText('vnCard.open', locale), { year: view.year, ags: view.nachweis.ags }, { style: 'positive' })],
  });
}
