/**
 * The forms of the list review: strike a person, add a later-born child, add another person.
 * Each form shows the server's refusal (`view.notice`) at the top and re-fills what the user typed
 * (`values`), so a refused form can be corrected instead of retyped. The server checks every rule
 * again; the inputs' own checks (required, date range) only save a round trip.
 */
import { addDays, formatDateFor, parseDate } from '../domain/dates';
import { isActive, personById, STRIKE_REASONS, type ListPerson } from '../domain/list';
import { cardText, STRIKE_REASON_LABEL, ZUGANGSART_LABEL } from '../i18n/cards';
import { FormInputs, VERBS } from './actions';
import { backToList, listButton } from './buttons';
import type { AdaptiveCard, ListView } from './index';
import { listCard } from './listCard';
import { households, householdKey } from './paging';
import { personFacts, personName } from './personView';
import { noticeData, renderCard, userText } from './render';
import { ShapedTemplate } from './shapedTemplate';
import childTemplate from './templates/childForm.json';
import otherTemplate from './templates/otherForm.json';
import strikeTemplate from './templates/strikeForm.json';

/** Shown instead of a form that cannot be used: the list, with the reason at the top. */
function listWithError(view: ListView, text: string): AdaptiveCard {
  return listCard({ ...view, notice: { kind: 'error', text } });
}

/** A typed value back into an input; Input.Date only takes ISO dates, anything else starts empty. */
function typed(value: string | undefined): string {
  return value ?? '';
}
function typedDate(value: string | undefined): string {
  return (value && parseDate(value)) || '';
}

function formHead(view: ListView, title: string) {
  return { lang: view.locale, notices: noticeData(view.notice), title, gemeinde: userText(view.gemeinde.name) };
}

/**
 * The strike form is a third of a clerk's clicks (strike, undo, the form again): expanded once per shape of
 * its data, the person's texts placed into that (shapedTemplate.ts; the result is the full expansion).
 */
const STRIKE_FORM = new ShapedTemplate(strikeTemplate, (data) => renderCard(strikeTemplate, data));

export function strikeFormCard(view: ListView, personId: string, values?: FormInputs): AdaptiveCard {
  const { locale } = view;
  if (!view.editable) return listCard(view);
  const person = personById(view.list, personId);
  if (!person) return listWithError(view, cardText('form.personGone', locale));
  if (person.origin !== 'import') return listWithError(view, cardText('form.strikeAddition', locale));
  if (person.strike) return listWithError(view, cardText('form.alreadyStruck', locale));
  return STRIKE_FORM.expandWithJson(strikeFormData(view, person, values)).node as AdaptiveCard;
}

/** The strike form's template data for a person who can be struck. */
export function strikeFormData(view: ListView, person: ListPerson, values?: FormInputs) {
  const { locale } = view;
  return {
    ...formHead(view, cardText('form.strike.title', locale)),
    person: { name: personName(person), facts: personFacts(person, locale) },
    intro: cardText('form.strike.intro', locale),
    reasonLabel: cardText('form.reason', locale),
    reasonError: cardText('form.reasonRequired', locale),
    reason: typed(values?.reason),
    reasons: STRIKE_REASONS.map((value) => ({ title: STRIKE_REASON_LABEL[locale][value], value })),
    noteLabel: cardText('form.note', locale),
    note: typed(values?.note),
    buttons: [
      listButton(view, VERBS.strike, cardText('form.strike.button', locale), { personId: person.id, style: 'destructive' }),
      backToList(view, cardText('card.back', locale)),
    ],
  };
}

/** "Bitte geben Sie ein Geburtsdatum vom 02.03.2021 bis zum 31.12.2022 an: …" – before the Stichtag has come, "bis heute". */
function childBirthError(view: ListView, min: string, max: string): string {
  const { locale, campaign } = view;
  const date = (d: string) => formatDateFor(d, locale);
  if (max === campaign.stichtag) return cardText('form.child.birthDateError', locale, { min: date(min), max: date(max), stichtag: date(campaign.stichtag) });
  return cardText('form.child.birthDateErrorToday', locale, { min: date(min) });
}

export function childFormCard(view: ListView, householdId: string, values?: FormInputs): AdaptiveCard {
  const { locale, campaign } = view;
  if (!view.editable) return listCard(view);
  const parents = view.list.persons.filter((p) => householdKey(p) === householdId && isActive(p));
  // A notice already says why (a colleague struck the parent meanwhile): the list with it.
  if (!parents.length) return view.notice ? listCard(view) : listWithError(view, cardText('form.child.noParent', locale));
  // Prefilled from the first parent; a chosen parent (values) wins.
  const parent = parents.find((p) => p.id === values?.parentId) ?? parents[0];
  const earliestAssignment = parents.map((p) => p.assignmentDate).sort()[0];
  const birthMin = addDays(earliestAssignment, 1);
  const birthMax = campaign.stichtag < view.today ? campaign.stichtag : view.today;
  return renderCard(childTemplate, {
    ...formHead(view, cardText('form.child.title', locale)),
    intro: cardText('form.child.intro', locale),
    parentLabel: cardText('form.parent', locale),
    parentError: cardText('form.parentRequired', locale),
    parentId: values ? typed(values.parentId) : parent.id,
    // Choice titles are plain text in a compact ChoiceSet (never Markdown), so names may go there.
    parents: parents.map((p) => ({
      title: `${p.surname}, ${p.givenName}` + cardText('form.parentChoice', locale, { date: formatDateFor(p.assignmentDate, locale) }),
      value: p.id,
    })),
    surnameLabel: cardText('form.surname', locale),
    surnameError: cardText('form.surnameRequired', locale),
    // Input values are never formatted by the renderer: user text goes in as typed.
    surname: values ? typed(values.surname) : parent.surname,
    givenNameLabel: cardText('form.givenName', locale),
    givenNameError: cardText('form.givenNameRequired', locale),
    givenName: typed(values?.givenName),
    birthDateLabel: cardText('form.birthDate', locale),
    // The input's own message names the range the client checks (min/max), not just "please enter".
    birthDateError: childBirthError(view, birthMin, birthMax),
    birthMin,
    birthMax,
    birthDate: typedDate(values?.birthDate),
    birthHint: cardText('form.child.birthHint', locale, { stichtag: formatDateFor(campaign.stichtag, locale) }),
    buttons: [
      listButton(view, VERBS.childAdd, cardText('form.child.button', locale), { householdId, style: 'positive' }),
      backToList(view, cardText('card.back', locale)),
    ],
  });
}

/**
 * "Testperson · 3 Personen · H-4711": the households a further person may join, sorted by family name.
 * A person without a household id is offered by its own id, which addChild also uses as household.
 */
function householdChoices(view: ListView): { title: string; value: string }[] {
  return households(view.list)
    .map((h) => {
      const first: ListPerson = h.persons[0];
      return { title: first.surname + cardText('form.householdChoice', view.locale, { n: h.persons.length }) + h.key, value: h.key };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

export function otherFormCard(view: ListView, values?: FormInputs): AdaptiveCard {
  const { locale, campaign } = view;
  if (!view.editable) return listCard(view);
  const period = { start: formatDateFor(campaign.period.start, locale), end: formatDateFor(campaign.period.end, locale) };
  const zugangsart = values?.zugangsart === 'zuweisung' || values?.zugangsart === 'familiennachzug' ? values.zugangsart : '';
  return renderCard(otherTemplate, {
    ...formHead(view, cardText('form.other.title', locale)),
    intro: cardText('form.other.intro', locale),
    surnameLabel: cardText('form.surname', locale),
    surnameError: cardText('form.surnameRequired', locale),
    surname: typed(values?.surname),
    givenNameLabel: cardText('form.givenName', locale),
    givenNameError: cardText('form.givenNameRequired', locale),
    givenName: typed(values?.givenName),
    birthDateLabel: cardText('form.birthDate', locale),
    birthDateError: cardText('form.other.birthDateError', locale),
    today: view.today,
    birthDate: typedDate(values?.birthDate),
    assignmentDateLabel: cardText('form.assignmentDate', locale, period),
    assignmentDateError: cardText('form.assignmentDateRequired', locale, period),
    periodStart: campaign.period.start,
    periodEnd: campaign.period.end,
    assignmentDate: typedDate(values?.assignmentDate),
    zugangsartLabel: cardText('form.zugangsart', locale),
    zugangsartError: cardText('form.zugangsartRequired', locale),
    zugangsart,
    zugangsarten: (['zuweisung', 'familiennachzug'] as const).map((value) => ({ title: ZUGANGSART_LABEL[locale][value], value })),
    householdLabel: cardText('form.household', locale),
    newHousehold: cardText('form.newHousehold', locale),
    householdId: typed(values?.householdId),
    households: householdChoices(view),
    justificationLabel: cardText('form.justification', locale),
    justificationError: cardText('form.justificationRequired', locale),
    justification: typed(values?.justification),
    buttons: [
      listButton(view, VERBS.otherAdd, cardText('form.other.button', locale), { style: 'positive' }),
      backToList(view, cardText('card.back', locale)),
    ],
  });
}
