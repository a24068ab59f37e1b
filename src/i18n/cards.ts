/**
 * Every text on the Adaptive Cards, German first, English second (formal "Sie").
 * Texts here never contain user text (names, notes, justifications): the cards put those into
 * separate TextRuns, so a sentence that leads up to a name ends before it ("… von ").
 */
import { defineMessages, type Locale, type MessageParams } from './catalogue';

/** German plural helper: `n === 1 ? one : many`. */
const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);

export const cardMessages = defineMessages({
  'card.back': { de: () => 'Zurück', en: () => 'Back' },
  'card.overdue': { de: () => 'überfällig', en: () => 'overdue' },
  'card.pageOf': { de: (p) => `Seite ${p.page} von ${p.pages}`, en: (p) => `Page ${p.page} of ${p.pages}` },
  'card.previous': { de: () => 'Zurück', en: () => 'Previous' },
  'card.next': { de: () => 'Weiter', en: () => 'Next' },

  // The list card
  'list.subtitle': {
    de: (p) => `Personenliste · Berechnungsjahr ${p.year} · Stichtag ${p.stichtag}`,
    en: (p) => `List of persons · calculation year ${p.year} · cut-off date ${p.stichtag}`,
  },
  'list.due': { de: (p) => `Rückmeldung bis ${p.date}`, en: (p) => `Reply due by ${p.date}` },
  'list.state': { de: (p) => `Stand: ${p.state}`, en: (p) => `Status: ${p.state}` },
  'list.submittedBy': { de: (p) => `Stand: eingereicht am ${p.date} von `, en: (p) => `Status: submitted on ${p.date} by ` },
  'list.counts': {
    de: (p) => `gelistet ${p.listed} · gestrichen ${p.struck} · nachgetragen ${p.added} · offen ${p.pending}`,
    en: (p) => `listed ${p.listed} · struck ${p.struck} · added ${p.added} · pending ${p.pending}`,
  },
  'list.persons': { de: (p) => `Personen zum Stichtag: ${p.n}`, en: (p) => `Persons at the cut-off date: ${p.n}` },
  'list.readOnly.submitted': {
    de: () => 'Nur Ansicht: Die Liste ist eingereicht. Änderungen sind nur noch über die Koordinierungsstelle möglich.',
    en: () => 'View only: the list has been submitted. Changes are possible only through the coordinating office.',
  },
  'list.readOnly.published': {
    de: () => 'Nur Ansicht: Die Übersicht ist veröffentlicht.',
    en: () => 'View only: the overview has been published.',
  },
  'list.readOnly.deadline': {
    de: (p) => `Nur Ansicht: Die Frist ist am ${p.date} abgelaufen. Bitte wenden Sie sich an die Koordinierungsstelle.`,
    en: (p) => `View only: the deadline passed on ${p.date}. Please contact the coordinating office.`,
  },
  'list.readOnly.other': { de: () => 'Nur Ansicht.', en: () => 'View only.' },
  'list.empty': { de: () => 'Die Liste enthält keine Personen.', en: () => 'The list contains no persons.' },
  'list.household': { de: () => 'Haushalt ', en: () => 'Household ' },
  'list.noHousehold': { de: () => 'Ohne Haushalts-ID', en: () => 'No household ID' },
  'list.householdSize': {
    de: (p) => ` · ${p.n} ${plural(p.n, 'Person', 'Personen')}`,
    en: (p) => ` · ${p.n} ${plural(p.n, 'person', 'persons')}`,
  },
  'list.continued': { de: () => ' (Fortsetzung)', en: () => ' (continued)' },
  'list.addChild': { de: () => 'Kind nachtragen', en: () => 'Add child' },
  'list.strike': { de: () => 'Streichen', en: () => 'Strike' },
  'list.undo': { de: () => 'Rückgängig', en: () => 'Undo' },
  'list.addOther': { de: () => 'Weitere Person nachtragen', en: () => 'Add another person' },
  'list.submit': { de: () => 'Liste einreichen', en: () => 'Submit list' },
  'list.reopen': { de: () => 'Liste wieder öffnen', en: () => 'Reopen list' },
  'list.reopenUntil': {
    de: () => 'Neue Frist (Pflicht, wenn die Frist abgelaufen ist)',
    en: () => 'New deadline (required once the deadline has passed)',
  },
  'list.reopenReason': { de: () => 'Grund (optional)', en: () => 'Reason (optional)' },
  'list.reopenButton': { de: () => 'Wieder öffnen', en: () => 'Reopen' },

  // One person
  'person.born': { de: (p) => `geb. ${p.date}`, en: (p) => `born ${p.date}` },
  'person.zuweisung': { de: (p) => `Zuweisung am ${p.date}`, en: (p) => `assigned on ${p.date}` },
  'person.familiennachzug': { de: (p) => `Familiennachzug am ${p.date}`, en: (p) => `family reunification on ${p.date}` },
  'person.nachgeboren': { de: () => 'nachgeboren', en: () => 'born after assignment' },
  'person.struckBecause': { de: (p) => `gestrichen: ${p.reason}`, en: (p) => `struck: ${p.reason}` },

  // Forms
  'form.strike.title': { de: () => 'Person streichen', en: () => 'Strike a person' },
  'form.strike.intro': {
    de: () => 'Streichen Sie Personen, die zum Ende des Betrachtungszeitraums nicht mehr in Ihrer Gemeinde gemeldet waren.',
    en: () => 'Strike persons who were no longer registered in your municipality at the end of the reference period.',
  },
  'form.reason': { de: () => 'Grund', en: () => 'Reason' },
  'form.reasonRequired': { de: () => 'Bitte wählen Sie einen Grund.', en: () => 'Please choose a reason.' },
  'form.note': { de: () => 'Anmerkung (Pflicht bei „sonstiges“)', en: () => 'Note (required for "other")' },
  'form.strike.button': { de: () => 'Streichen', en: () => 'Strike' },
  'form.child.title': { de: () => 'Nachgeborenes Kind nachtragen', en: () => 'Add a later-born child' },
  'form.child.intro': {
    de: () => 'Das Kind gehört zum Haushalt des Elternteils und zählt sofort mit.',
    en: () => "The child belongs to the parent's household and counts at once.",
  },
  'form.parent': { de: () => 'Elternteil', en: () => 'Parent' },
  'form.parentRequired': { de: () => 'Bitte wählen Sie den Elternteil.', en: () => 'Please choose the parent.' },
  'form.parentChoice': { de: (p) => ` (zugewiesen ${p.date})`, en: (p) => ` (assigned ${p.date})` },
  'form.surname': { de: () => 'Nachname', en: () => 'Surname' },
  'form.surnameRequired': { de: () => 'Bitte geben Sie den Nachnamen an.', en: () => 'Please enter the surname.' },
  'form.givenName': { de: () => 'Vorname', en: () => 'Given name' },
  'form.givenNameRequired': { de: () => 'Bitte geben Sie den Vornamen an.', en: () => 'Please enter the given name.' },
  'form.birthDate': { de: () => 'Geburtsdatum', en: () => 'Date of birth' },
  'form.birthDateRequired': { de: () => 'Bitte geben Sie das Geburtsdatum an.', en: () => 'Please enter the date of birth.' },
  'form.child.birthHint': {
    de: (p) => `Geboren nach der Zuweisung des Elternteils und nicht nach dem Stichtag ${p.stichtag}.`,
    en: (p) => `Born after the parent's assignment and not after the cut-off date ${p.stichtag}.`,
  },
  'form.child.button': { de: () => 'Kind nachtragen', en: () => 'Add child' },
  'form.child.noParent': {
    de: () => 'In diesem Haushalt gibt es keine gezählte Person, zu der ein Kind nachgetragen werden kann.',
    en: () => 'This household has no counted person to whom a child could be added.',
  },
  'form.other.title': { de: () => 'Weitere Person nachtragen', en: () => 'Add another person' },
  'form.other.intro': {
    de: () =>
      'Für Personen, die auf der Liste des Landratsamts fehlen (z. B. Familiennachzug). Die Koordinierungsstelle prüft Ihre Begründung; die Person zählt erst, wenn die Koordinierungsstelle sie angenommen hat.',
    en: () =>
      "For persons missing from the Landratsamt's list (e.g. family reunification). The coordinating office checks your justification; the person counts only once the coordinating office has accepted it.",
  },
  'form.assignmentDate': {
    de: (p) => `Zuweisungsdatum (Betrachtungszeitraum ${p.start}–${p.end})`,
    en: (p) => `Assignment date (reference period ${p.start}–${p.end})`,
  },
  'form.assignmentDateRequired': {
    de: (p) => `Bitte geben Sie ein Zuweisungsdatum zwischen ${p.start} und ${p.end} an.`,
    en: (p) => `Please enter an assignment date between ${p.start} and ${p.end}.`,
  },
  'form.zugangsart': { de: () => 'Zugangsart', en: () => 'Type of arrival' },
  'form.zugangsartRequired': { de: () => 'Bitte wählen Sie die Zugangsart.', en: () => 'Please choose the type of arrival.' },
  'form.household': { de: () => 'Haushalt (optional)', en: () => 'Household (optional)' },
  'form.newHousehold': { de: () => 'Neuer Haushalt', en: () => 'New household' },
  'form.householdChoice': {
    de: (p) => ` · ${p.n} ${plural(p.n, 'Person', 'Personen')} · `,
    en: (p) => ` · ${p.n} ${plural(p.n, 'person', 'persons')} · `,
  },
  'form.justification': {
    de: () => 'Begründung (Pflicht, mindestens 10 Zeichen)',
    en: () => 'Justification (required, at least 10 characters)',
  },
  'form.justificationRequired': {
    de: () => 'Bitte begründen Sie den Nachtrag (mindestens 10 Zeichen).',
    en: () => 'Please justify the addition (at least 10 characters).',
  },
  'form.other.button': { de: () => 'Nachtragen', en: () => 'Add' },
  'form.personGone': {
    de: () => 'Diese Person steht nicht (mehr) auf der Liste. Bitte prüfen Sie den aktuellen Stand.',
    en: () => 'This person is not (or no longer) on the list. Please check the current state.',
  },
  'form.alreadyStruck': {
    de: () => 'Diese Person ist bereits gestrichen.',
    en: () => 'This person has already been struck.',
  },
  'form.strikeAddition': {
    de: () => 'Nachgetragene Personen werden nicht gestrichen, sondern mit „Rückgängig“ zurückgenommen.',
    en: () => 'Added persons are not struck but withdrawn with "Undo".',
  },

  // Submitting
  'submit.title': { de: () => 'Liste verbindlich einreichen?', en: () => 'Submit the list as final?' },
  'submit.pending': {
    de: (p) =>
      plural(
        p.n,
        'Ein Nachtrag wartet noch auf die Koordinierungsstelle; er zählt erst, wenn sie ihn annimmt.',
        `${p.n} Nachträge warten noch auf die Koordinierungsstelle; sie zählen erst, wenn sie angenommen sind.`,
      ),
    en: (p) =>
      plural(
        p.n,
        'One addition is still waiting for the coordinating office; it counts only once accepted.',
        `${p.n} additions are still waiting for the coordinating office; they count only once accepted.`,
      ),
  },
  'submit.locked': {
    de: () => 'Nach dem Einreichen ist die Liste gesperrt. Änderungen sind dann nur noch über die Koordinierungsstelle möglich.',
    en: () => 'Once submitted, the list is locked. Changes are then possible only through the coordinating office.',
  },
  'submit.button': { de: () => 'Verbindlich einreichen', en: () => 'Submit as final' },
  'submit.notEditable': {
    de: () => 'Die Liste kann zurzeit nicht eingereicht werden.',
    en: () => 'The list cannot be submitted at the moment.',
  },

  // The channel's summary
  'summary.subtitle': { de: (p) => `Personenliste · Berechnungsjahr ${p.year}`, en: (p) => `List of persons · calculation year ${p.year}` },
  'summary.persons': { de: () => 'Personen zum Stichtag', en: () => 'Persons at the cut-off date' },
  'summary.due': { de: () => 'Rückmeldung bis', en: () => 'Reply due by' },
  'summary.state': { de: () => 'Stand', en: () => 'Status' },
  'summary.submittedOn': { de: (p) => `eingereicht am ${p.date}`, en: (p) => `submitted on ${p.date}` },
  'summary.open': { de: () => 'Liste prüfen', en: () => 'Check list' },

  // The coordinators' dashboard
  'dashboard.title': { de: (p) => `Übersicht Berechnungsjahr ${p.year}`, en: (p) => `Overview calculation year ${p.year}` },
  'dashboard.asOf': {
    de: (p) => `Stand ${p.today} · Rückmeldung bis ${p.review}`,
    en: (p) => `As of ${p.today} · replies due by ${p.review}`,
  },
  'dashboard.published': { de: (p) => `Übersicht veröffentlicht am ${p.date}`, en: (p) => `Overview published on ${p.date}` },
  'dashboard.totals': {
    de: (p) =>
      `eingereicht ${p.submitted}/${p.total} · in Bearbeitung ${p.inProgress} · versendet ${p.sent} · importiert ${p.imported} · überfällig ${p.overdue}`,
    en: (p) =>
      `submitted ${p.submitted}/${p.total} · in progress ${p.inProgress} · sent ${p.sent} · imported ${p.imported} · overdue ${p.overdue}`,
  },
  'dashboard.pendingTotal': {
    de: (p) => `Nachträge zur Prüfung: ${p.n}`,
    en: (p) => `Additions to review: ${p.n}`,
  },
  'dashboard.colGemeinde': { de: () => 'Gemeinde', en: () => 'Municipality' },
  'dashboard.colState': { de: () => 'Stand', en: () => 'Status' },
  'dashboard.colPersons': { de: () => 'Pers.', en: () => 'Pers.' },
  'dashboard.colPending': { de: () => 'offen', en: () => 'pend.' },
  'dashboard.colDue': { de: () => 'Frist', en: () => 'Due' },
  'dashboard.openList': { de: () => 'Liste öffnen', en: () => 'Open list' },
  'dashboard.refresh': { de: () => 'Aktualisieren', en: () => 'Refresh' },
  'dashboard.additions': { de: () => 'Nachträge prüfen', en: () => 'Review additions' },

  // Additions waiting for the coordinating office
  'additions.title': {
    de: (p) => `Nachträge zur Prüfung · Berechnungsjahr ${p.year}`,
    en: (p) => `Additions to review · calculation year ${p.year}`,
  },
  'additions.count': {
    de: (p) => plural(p.n, 'Ein Nachtrag wartet auf Ihre Entscheidung.', `${p.n} Nachträge warten auf Ihre Entscheidung.`),
    en: (p) => plural(p.n, 'One addition is waiting for your decision.', `${p.n} additions are waiting for your decision.`),
  },
  'additions.more': {
    de: (p) => `Gezeigt werden die ersten ${p.shown}; die übrigen ${p.rest} erscheinen, sobald diese entschieden sind.`,
    en: (p) => `The first ${p.shown} are shown; the other ${p.rest} appear once these are decided.`,
  },
  'additions.empty': {
    de: () => 'Zurzeit warten keine Nachträge auf eine Entscheidung.',
    en: () => 'No additions are waiting for a decision at the moment.',
  },
  'additions.justification': { de: () => 'Begründung: ', en: () => 'Justification: ' },
  'additions.enteredBy': { de: (p) => `Eingetragen am ${p.date} von `, en: (p) => `Entered on ${p.date} by ` },
  'additions.accept': { de: () => 'Annehmen', en: () => 'Accept' },
  'additions.reject': { de: () => 'Ablehnen', en: () => 'Reject' },
  'additions.refresh': { de: () => 'Aktualisieren', en: () => 'Refresh' },
  'additions.dashboard': { de: () => 'Zur Übersicht', en: () => 'To the overview' },
  'reject.title': { de: () => 'Nachtrag ablehnen', en: () => 'Reject the addition' },
  'reject.note': {
    de: () => 'Begründung der Ablehnung (Pflicht, mindestens 3 Zeichen)',
    en: () => 'Reason for the rejection (required, at least 3 characters)',
  },
  'reject.noteRequired': { de: () => 'Bitte begründen Sie die Ablehnung.', en: () => 'Please give a reason for the rejection.' },
  'reject.button': { de: () => 'Ablehnen', en: () => 'Reject' },
  'reject.gone': {
    de: () => 'Dieser Nachtrag wartet nicht mehr auf eine Entscheidung.',
    en: () => 'This addition is no longer waiting for a decision.',
  },
});

export type CardMessageCode = keyof typeof cardMessages;

export function cardText(code: CardMessageCode, locale: Locale, params: MessageParams = {}): string {
  return cardMessages[code][locale](params);
}

export { LIST_STATE_LABEL, STRIKE_REASON_LABEL, ZUGANGSART_LABEL } from './labels';

/** Where a person stands on the list, as the list card shows it. */
export type PersonStatus = 'counted' | 'struck' | 'added' | 'pending' | 'rejected' | 'withdrawn';

export const PERSON_STATUS_LABEL: Record<Locale, Record<PersonStatus, string>> = {
  de: { counted: 'gezählt', struck: 'gestrichen', added: 'nachgetragen', pending: 'Nachtrag offen', rejected: 'abgelehnt', withdrawn: 'zurückgenommen' },
  en: { counted: 'counted', struck: 'struck', added: 'added', pending: 'addition pending', rejected: 'rejected', withdrawn: 'withdrawn' },
};
