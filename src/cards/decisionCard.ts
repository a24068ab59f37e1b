/**
 * Step B for one Gemeinde: its figures, the single most useful number for the choice (what a 0.5-VZÄ
 * position costs and how much of it the share covers), the decision as it stands, invitations to
 * other Gemeinden's Verbund, the arguments, and – while it may decide – the form. Then the
 * confirmation that makes the reviewed choice binding.
 *
 * Aggregates and Gemeinde names only: no person appears on these cards. Gemeinde names, a Träger's
 * name and notices are TextRuns.
 */
import { createHash } from 'node:crypto';
import { formatDateFor } from '../domain/dates';
import { Decimal } from '../domain/money';
import type { Locale } from '../i18n/catalogue';
import { cardText, CHOICE_LABEL, type CardMessageCode } from '../i18n/cards';
import { VERBS } from './actions';
import { actionButton, type ActionData, type ButtonData } from './buttons';
import type { AdaptiveCard, DecisionReview, DecisionView } from './index';
import { line, run, userRun, type Line } from './lines';
import { amountInput, euro, formatCount, localDate, noticeData, renderCard, userText, vzaePosition, vzaeShare } from './render';
import { scenarioBlock } from './scenarioTable';
import confirmTemplate from './templates/decisionConfirm.json';
import reasonTemplate from './templates/overrideReason.json';
import template from './templates/decision.json';

/** The minimum position for "eigenverantwortlich" as the card shows it (domain: MINIMUM_POSITION_VZAE). */
const MINIMUM_POSITION = '0.5';

/** A number as people type it: 0,5 / 0.5 / 1 (the server parses and checks it again). */
export const NUMBER_PATTERN = '^\\s*\\d{1,3}([.,]\\d{1,4})?\\s*$';
/** An amount in euros: 15640 / 15.640 / 15.640,50 / 15640.50, optionally with €. */
export const AMOUNT_PATTERN = '^\\s*\\d{1,3}([.,]?\\d{3})*([.,]\\d{1,2})?\\s*(€|EUR)?\\s*$';

const ARGUMENTS: { heading: CardMessageCode; items: CardMessageCode[] }[] = [
  {
    heading: 'decision.args.landkreis',
    items: ['decision.args.lk1', 'decision.args.lk2', 'decision.args.lk3', 'decision.args.lk4', 'decision.args.lk5', 'decision.args.lk6'],
  },
  { heading: 'decision.args.against', items: ['decision.args.against1'] },
  { heading: 'decision.args.own', items: ['decision.args.own1', 'decision.args.own2', 'decision.args.own3', 'decision.args.own4', 'decision.args.own5'] },
];

function argumentsData(locale: Locale) {
  return {
    title: cardText('decision.arguments', locale),
    sections: ARGUMENTS.map((s) => ({
      heading: cardText(s.heading, locale),
      items: s.items.map((code) => ({ text: `• ${cardText(code, locale)}` })),
    })),
  };
}

const isPositive = (amount: string) => {
  try {
    return new Decimal(amount || '0').gt(0);
  } catch {
    return false;
  }
};

/** "Eine Stelle von 0,5 VZÄ kostet 34.000 €; Ihr Anteil deckt davon 18.360 €, es fehlen 15.640 € Eigenmittel." */
export function supportText(view: DecisionView): string {
  const { locale } = view;
  const vzae = vzaePosition(MINIMUM_POSITION, locale);
  const cost = euro(view.minimumPositionCost, locale);
  if (view.computed === false) return cardText('decision.support.notYet', locale, { vzae, cost });
  if (!isPositive(view.missingForMinimum)) return cardText('decision.support.covered', locale, { vzae, cost });
  const covered = Decimal.min(new Decimal(view.amount || '0'), new Decimal(view.minimumPositionCost || '0')).toFixed(2);
  return cardText('decision.support.missing', locale, { vzae, cost, covered: euro(covered, locale), missing: euro(view.missingForMinimum, locale) });
}

const names = (list: { name: string }[], locale: Locale) => list.map((g) => g.name).join(cardText('card.listSeparator', locale));
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/** The decision as it stands: choice, validity, Verbund members, Träger, funding, when. */
/** The deadline has passed: a Gemeinde's card is read-only then, the Koordinierungsstelle's asks for a reason. */
const pastDeadline = (view: DecisionView) => !view.editable || !!view.reasonRequired;

function currentLines(view: DecisionView): Line[] {
  const { locale, current } = view;
  if (current.choice === 'offen') return [line(run(cardText(pastDeadline(view) ? 'decision.noneByDeadline' : 'decision.noneYet', locale)))];
  const lines: Line[] = [];
  const position = current.choice !== 'landkreis' && current.vzae ? cardText('decision.position', locale, { vzae: vzaePosition(current.vzae, locale) }) : '';
  lines.push(line(run(cardText('decision.choice', locale, { choice: CHOICE_LABEL[locale][current.choice] }) + position, { weight: 'Bolder' })));
  const unconfirmed = (current.members ?? []).filter((m) => !m.confirmed);
  if (current.valid) lines.push(line(run(cardText('decision.valid', locale), { weight: 'Bolder' })));
  else if (unconfirmed.length) lines.push(line(run(cardText('decision.invalidMissing', locale), { color: 'Attention' }), userRun(names(unconfirmed, locale), { color: 'Attention' })));
  else lines.push(line(run(cardText('decision.invalid', locale), { color: 'Attention' })));
  if (current.choice === 'verbund' && current.members?.length) {
    lines.push(line(run(cardText('decision.members', locale))));
    current.members.forEach((m, i) =>
      lines.push(
        line(
          m.confirmed ? run(cardText('decision.memberConfirmed', locale)) : run(cardText('decision.memberOpen', locale), { color: 'Accent', weight: 'Bolder' }),
          userRun(m.name),
          run(i === 0 ? cardText('decision.memberLead', locale) : '', { isSubtle: true }),
        ),
      ),
    );
  }
  if (current.choice !== 'landkreis') {
    if (current.traeger) lines.push(line(run(cardText('decision.traeger', locale)), userRun(current.traeger)));
    const declared = isPositive(current.eigenmittel ?? '') ? cardText('decision.fundingDeclared', locale, { declared: euro(current.eigenmittel!, locale) }) : '';
    const missing = isPositive(current.missingEigenmittel) ? cardText('decision.fundingMissing', locale, { missing: euro(current.missingEigenmittel, locale) }) : '';
    const funding = cardText('decision.funding', locale, { funded: euro(current.fundedAmount, locale), cost: euro(current.positionCost, locale) }) + missing + declared;
    lines.push(
      line(
        run(funding),
        current.covered ? run(cardText('decision.covered', locale)) : run(cardText('decision.notCovered', locale), { color: 'Attention' }),
      ),
    );
  }
  if (current.decidedAt) lines.push(line(run(cardText('decision.decidedAt', locale, { date: localDate(current.decidedAt, locale) }), { isSubtle: true })));
  return lines;
}

function invitationData(view: DecisionView) {
  const { locale } = view;
  if (!view.invitations.length) return [];
  const open = view.editable && view.invitations.some((inv) => !inv.confirmed);
  return [
    {
      title: cardText('decision.invitations', locale),
      hint: open ? [{ text: cardText('decision.invitation.hint', locale) }] : [],
      items: view.invitations.map((inv) => {
        // The card is this Gemeinde's own: it is "Ihnen", not one of the names.
        const others = inv.members.filter((m) => m.ags !== inv.lead.ags && m.ags !== view.gemeinde.ags);
        const vzae = vzaePosition(inv.vzae, locale);
        const lines = [
          line(
            userRun(inv.lead.name, { weight: 'Bolder' }),
            ...(others.length
              ? [run(cardText('decision.invitation.proposes', locale, { vzae })), userRun(names(others, locale))]
              : [run(cardText('decision.invitation.proposesYou', locale, { vzae }))]),
          ),
          ...(inv.confirmed ? [line(run(cardText('decision.invitation.confirmed', locale)))] : []),
        ];
        // Only the Gemeinde itself (or the Koordinierungsstelle) may confirm, and only while it may decide.
        const buttons: ButtonData[] =
          !inv.confirmed && view.editable
            ? [
                // No inputs: the form's required fields must not hold up a confirmation (after the deadline the
                // Koordinierungsstelle is asked for its reason on a card of its own, overrideReasonCard).
                actionButton(
                  VERBS.verbundConfirm,
                  cardText('decision.invitation.button', locale),
                  { year: view.year, ags: view.gemeinde.ags, lead: inv.lead.ags, proposal: inv.proposal },
                  { style: 'positive', inputs: 'none' },
                ),
              ]
            : [];
        return { lines, buttons };
      }),
    },
  ];
}

/** A confirmed (or former) partner in another Gemeinde's Verbund: the position and its terms are the lead's. */
function isPartnerOfOther(view: DecisionView): boolean {
  const { current, gemeinde } = view;
  return current.choice === 'verbund' && !!current.members?.length && current.members[0].ags !== gemeinde.ags;
}

/** The partners this Gemeinde has named as the lead of a Verbund (to prefill the form). */
function currentPartners(view: DecisionView): string[] {
  const { current } = view;
  if (current.choice !== 'verbund' || !current.members?.length || isPartnerOfOther(view)) return [];
  return current.members.slice(1).map((m) => m.ags);
}

function formData(view: DecisionView) {
  const { locale, values } = view;
  if (!view.editable) return [];
  const own = view.gemeinde.ags;
  // A partner changes its decision by choosing anew: the form starts empty rather than with the lead's terms.
  const current: Partial<DecisionView['current']> = isPartnerOfOther(view) ? { choice: 'offen' } : view.current;
  const choice = values?.choice ?? (current.choice === 'offen' ? '' : (current.choice ?? ''));
  const known = new Set(view.gemeinden.map((g) => g.ags));
  const partners = values?.partners ?? currentPartners(view).join(',');
  return [
    {
      title: cardText('decision.form.title', locale),
      choiceLabel: cardText('decision.form.choice', locale),
      choiceError: cardText('decision.form.choiceRequired', locale),
      choice: ['landkreis', 'eigenstaendig', 'verbund'].includes(choice) ? choice : '',
      choices: (['landkreis', 'eigenstaendig', 'verbund'] as const).map((value) => ({ title: cardText(`decision.form.${value}`, locale), value })),
      hint: cardText('decision.form.hint', locale),
      vzaeLabel: cardText('decision.form.vzae', locale),
      vzaeError: cardText('decision.form.vzaeError', locale),
      numberPattern: NUMBER_PATTERN,
      // What the user typed goes back as typed; a stored size is prefilled as the card shows numbers ("0,5" in German).
      vzae: values?.vzae ?? vzaePosition(current.choice !== 'landkreis' && current.vzae ? current.vzae : MINIMUM_POSITION, locale),
      eigenmittelLabel: cardText('decision.form.eigenmittel', locale),
      eigenmittelError: cardText('decision.form.eigenmittelError', locale),
      amountPattern: AMOUNT_PATTERN,
      eigenmittel: values?.eigenmittel ?? amountInput(current.eigenmittel),
      traegerLabel: cardText('decision.form.traeger', locale),
      traeger: values?.traeger ?? current.traeger ?? '',
      partnersLabel: cardText('decision.form.partners', locale),
      partnersPlaceholder: cardText('decision.form.partnersPlaceholder', locale),
      partners: partners
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a && a !== own && known.has(a))
        .join(','),
      // Names from the Verzeichnis, as option titles of a compact choice set (plain text, never Markdown), by name.
      gemeinden: view.gemeinden
        .filter((g) => g.ags !== own)
        .sort(byName)
        .map((g) => ({ title: g.name, value: g.ags })),
      // After the deadline the Koordinierungsstelle says why it still changes the decision (the audit's "why").
      overrideReason: view.reasonRequired
        ? [{ label: cardText('decision.form.reason', locale), error: cardText('decision.form.reasonError', locale), value: values?.reason ?? '' }]
        : [],
    },
  ];
}

export function decisionCard(view: DecisionView): AdaptiveCard {
  const { locale, year } = view;
  const deadline = formatDateFor(view.deadline, locale);
  const share =
    view.computed === false
      ? cardText('decision.shareNotYet', locale)
      : cardText('decision.shareValue', locale, {
          amount: euro(view.amount, locale),
          vzae: vzaeShare(view.vzae, locale),
          eurPerVzae: euro(view.eurPerVzae, locale),
        });
  return renderCard(template, {
    lang: locale,
    notices: noticeData(view.notice),
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('decision.subtitle', locale, { year }),
    provisional: view.provisional ? [{ text: cardText(view.published ? 'decision.provisionalPublished' : 'decision.provisional', locale) }] : [],
    facts: [
      { title: cardText('decision.persons', locale), value: formatCount(view.persons, locale) },
      { title: cardText('decision.share', locale), value: share + (view.provisional ? cardText('card.provisionalMark', locale) : '') },
    ],
    support: supportText(view),
    supportHint: view.computed !== false && isPositive(view.missingForMinimum) ? [{ text: cardText('decision.support.hint', locale) }] : [],
    // The financing risk in numbers: the same share under a changed state total or count (RiskService).
    scenarios: view.computed === false ? [] : scenarioBlock(view.scenarios, locale),
    // What happens without a decision is said once, under "Aktuelle Entscheidung" (decision.noneYet).
    deadline: cardText(pastDeadline(view) ? 'decision.deadlinePassed' : 'decision.deadline', locale, { date: deadline }),
    locked: view.editable ? [] : [{ text: cardText('decision.locked', locale) }],
    currentTitle: cardText('decision.current', locale),
    current: currentLines(view),
    invitationBlock: invitationData(view),
    arguments: argumentsData(locale),
    form: formData(view),
    buttons: view.editable
      ? [
          // The state the form was filled in on: a decision made meanwhile is shown, not overwritten (see decisionStateOf).
          actionButton(VERBS.decisionReview, cardText('decision.form.button', locale), { year, ags: view.gemeinde.ags, ...(view.state !== undefined ? { state: view.state } : {}) }, { style: 'positive' }),
        ]
      : [],
  });
}

/**
 * The operation id of the binding button: the same reviewed values on the same decision state give
 * the same id (a retried or double-clicked button is applied once); after any change concerning the
 * Gemeinde's decision (a new `state`, see decisionStateOf – also a reset by its Verbund's lead) the same
 * values are a new operation.
 */
export function decisionOperationId(view: DecisionView, data: ActionData): string {
  const state = view.state ?? `${view.current.choice}|${view.current.decidedAt ?? ''}`;
  const basis = JSON.stringify([view.year, view.gemeinde.ags, state, data]);
  return `${VERBS.decisionSet}:${view.gemeinde.ags}:${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}

/**
 * The reviewed values as the binding button carries them: only what the choice uses, and exactly
 * what the card shows (a position without a size is shown, and bound, as the 0.5-VZÄ minimum).
 */
export function decisionSetData(view: DecisionView, review: DecisionReview): ActionData {
  const values: ActionData = { choice: review.choice };
  if (review.choice !== 'landkreis') {
    values.vzae = review.vzae || MINIMUM_POSITION;
    if (review.eigenmittel) values.eigenmittel = review.eigenmittel;
    if (review.traeger) values.traeger = review.traeger;
    if (review.choice === 'verbund') values.partners = (review.partners ?? []).map((p) => p.ags).join(',');
  }
  if (review.reason) values.reason = review.reason;
  // `state`: a decision made meanwhile by someone else is refused as a conflict, not overwritten unseen.
  const data: ActionData = { year: view.year, ags: view.gemeinde.ags, op: decisionOperationId(view, values) };
  if (view.state !== undefined) data.state = view.state;
  return { ...data, ...values };
}

export function decisionConfirmCard(view: DecisionView, review: DecisionReview): AdaptiveCard {
  const { locale, year } = view;
  const lines: Line[] = [line(run(cardText('decision.choice', locale, { choice: CHOICE_LABEL[locale][review.choice] }), { weight: 'Bolder' }))];
  if (review.choice !== 'landkreis') {
    lines.push(line(run(cardText('confirm.position', locale, { vzae: vzaePosition(review.vzae || MINIMUM_POSITION, locale), cost: euro(review.positionCost, locale) }))));
    if (review.choice === 'verbund') lines.push(line(run(cardText('confirm.partners', locale)), userRun(names(review.partners ?? [], locale))));
    if (review.traeger) lines.push(line(run(cardText('decision.traeger', locale)), userRun(review.traeger)));
    if (isPositive(review.eigenmittel ?? '')) lines.push(line(run(cardText('confirm.eigenmittel', locale, { amount: euro(review.eigenmittel!, locale) }))));
    const funded = { funded: euro(review.fundedAmount, locale), cost: euro(review.positionCost, locale) };
    lines.push(line(run(cardText(review.choice === 'verbund' ? 'confirm.fundedJoint' : 'confirm.fundedOwn', locale, funded))));
    lines.push(
      line(
        review.covered
          ? run(cardText('confirm.covered', locale), { weight: 'Bolder' })
          : run(cardText('confirm.missing', locale, { missing: euro(review.missingEigenmittel, locale) }), { color: 'Attention', weight: 'Bolder' }),
      ),
    );
  }
  if (review.reason) lines.push(line(run(cardText('confirm.reason', locale)), userRun(review.reason)));
  const editable = view.editable;
  return renderCard(confirmTemplate, {
    lang: locale,
    notices: noticeData(view.notice),
    title: cardText('confirm.title', locale),
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('decision.subtitle', locale, { year }),
    lines,
    // Past the deadline (an old confirmation opened again) it neither says what would follow nor invites to decide.
    next: editable ? [{ text: cardText(`confirm.next.${review.choice}`, locale) }] : [],
    changeable: editable ? [{ text: cardText(view.reasonRequired ? 'confirm.override' : 'confirm.changeable', locale, { date: formatDateFor(view.deadline, locale) }) }] : [],
    locked: editable
      ? []
      : [{ text: `${cardText('decision.deadlinePassed', locale, { date: formatDateFor(view.deadline, locale) })} ${cardText('decision.locked', locale)}` }],
    buttons: [
      ...(editable ? [actionButton(VERBS.decisionSet, cardText('confirm.button', locale), decisionSetData(view, review), { style: 'positive' })] : []),
      actionButton(VERBS.decisionOpen, cardText('card.back', locale), { year, ags: view.gemeinde.ags }, { inputs: 'none' }),
    ],
  });
}

/**
 * After the deadline the Koordinierungsstelle confirms a Verbund for a partner only with a reason: a card
 * with nothing but that field, so no other required input of the decision form holds the click up.
 */
export function overrideReasonCard(view: DecisionView, confirm: ActionData, typed = ''): AdaptiveCard {
  const { locale, year } = view;
  return renderCard(reasonTemplate, {
    lang: locale,
    notices: noticeData(view.notice),
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('decision.subtitle', locale, { year }),
    label: cardText('decision.form.reason', locale),
    error: cardText('decision.form.reasonError', locale),
    // What was typed comes back as typed (too short, it is refused with the reason why).
    value: typed,
    buttons: [
      actionButton(VERBS.verbundConfirm, cardText('decision.invitation.button', locale), confirm, { style: 'positive' }),
      actionButton(VERBS.decisionOpen, cardText('card.back', locale), { year, ags: view.gemeinde.ags }, { inputs: 'none' }),
    ],
  });
}
