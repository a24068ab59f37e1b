/**
 * Every text on the Adaptive Cards, German first, English second (formal "Sie").
 * Texts here never contain user text (names, notes, justifications): the cards put those into
 * separate TextRuns, so a sentence that leads up to a name ends before it ("… von ").
 */
import { defineMessages, type Locale, type MessageParams } from './catalogue';
import { channelCardMessages } from './channel';
import { riskMessages } from './risk';
import { nachweisCardMessages } from './verwendungsnachweisBot';

/** German plural helper: `n === 1 ? one : many`. */
const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);

export const cardMessages = defineMessages({
  ...channelCardMessages,
  ...riskMessages,
  ...nachweisCardMessages,
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
  'list.readOnly.submittedKoordination': {
    de: (p) => `Die Liste ist eingereicht. Mit „${p.button}“ kann die Gemeinde sie erneut bearbeiten.`,
    en: (p) => `The list has been submitted. With "${p.button}" the municipality can edit it again.`,
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
  'list.reopenUntilError': {
    de: (p) => `Die neue Frist darf nicht vor dem ${p.date} liegen.`,
    en: (p) => `The new deadline must not be before ${p.date}.`,
  },
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
  'person.strikeNote': { de: () => 'Begründung: ', en: () => 'Explanation: ' },

  // Forms
  'form.strike.title': { de: () => 'Person streichen', en: () => 'Strike a person' },
  'form.strike.intro': {
    de: () => 'Streichen Sie Personen, die zum Ende des Betrachtungszeitraums nicht mehr in Ihrer Gemeinde gemeldet waren.',
    en: () => 'Strike persons who were no longer registered in your municipality at the end of the reference period.',
  },
  'form.reason': { de: () => 'Grund', en: () => 'Reason' },
  'form.reasonRequired': { de: () => 'Bitte wählen Sie einen Grund.', en: () => 'Please choose a reason.' },
  'form.note': { de: () => 'Begründung (Pflicht beim Grund „sonstiges“)', en: () => 'Explanation (required for the reason "other")' },
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
  // For an empty field (the server's check); on the card each date input names its own range.
  'form.birthDateRequired': { de: () => 'Bitte geben Sie das Geburtsdatum an.', en: () => 'Please enter the date of birth.' },
  'form.child.birthDateError': {
    de: (p) => `Bitte geben Sie ein Geburtsdatum vom ${p.min} bis zum ${p.max} an: nach der Zuweisung des Elternteils und nicht nach dem Stichtag ${p.stichtag}.`,
    en: (p) => `Please enter a date of birth from ${p.min} to ${p.max}: after the parent's assignment and not after the cut-off date ${p.stichtag}.`,
  },
  'form.child.birthDateErrorToday': {
    de: (p) => `Bitte geben Sie ein Geburtsdatum vom ${p.min} bis heute an: nach der Zuweisung des Elternteils, nicht in der Zukunft.`,
    en: (p) => `Please enter a date of birth from ${p.min} until today: after the parent's assignment, not in the future.`,
  },
  'form.other.birthDateError': {
    de: () => 'Bitte geben Sie das Geburtsdatum an; es darf nicht in der Zukunft liegen.',
    en: () => 'Please enter the date of birth; it must not lie in the future.',
  },
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
  'summary.persons': { de: () => 'Personen', en: () => 'Persons' },
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
  'dashboard.purged': {
    de: (p) => `Personendaten gelöscht am ${p.date}: Stand und Zahlen der Listen wie an diesem Tag`,
    en: (p) => `Personal data deleted on ${p.date}: state and figures of the lists as on that day`,
  },
  'dashboard.retention': {
    de: (p) => `Personendaten werden aufbewahrt bis ${p.date}`,
    en: (p) => `Personal data is kept until ${p.date}`,
  },
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
  'dashboard.dueOn': { de: (p) => ` · Frist ${p.date}`, en: (p) => ` · due ${p.date}` },
  'dashboard.rowHint': { de: () => 'Ein Klick auf eine Zeile öffnet die Liste.', en: () => 'Click a row to open its list.' },
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
  'reject.noteRequired': { de: () => 'Bitte begründen Sie die Ablehnung in mindestens 3 Zeichen.', en: () => 'Please give a reason for the rejection in at least 3 characters.' },
  'reject.button': { de: () => 'Ablehnen', en: () => 'Reject' },
  'reject.gone': {
    de: () => 'Dieser Nachtrag wartet nicht mehr auf eine Entscheidung.',
    en: () => 'This addition is no longer waiting for a decision.',
  },

  // Units and small words shared by the step-B and overview cards
  // Between a number and its unit a no-break space (\u00a0): "0,5 VZÄ" never breaks into "0,5 / VZÄ".
  'card.vzae': { de: (p) => `${p.n}\u00a0VZÄ`, en: (p) => `${p.n}\u00a0FTE` },
  'card.approxVzae': { de: (p) => `≈\u00a0${p.n}\u00a0VZÄ`, en: (p) => `≈\u00a0${p.n}\u00a0FTE` },
  'card.provisionalMark': { de: () => ' (vorläufig)', en: () => ' (provisional)' },
  'card.listSeparator': { de: () => ', ', en: () => ', ' },
  /** Additions still waiting for the Koordinierungsstelle, after a list's state (dashboard, overview). */
  'card.pendingShort': {
    de: (p) => ` · ${p.n} ${plural(p.n, 'Nachtrag', 'Nachträge')}`,
    en: (p) => ` · ${p.n} ${plural(p.n, 'addition', 'additions')}`,
  },

  // The channel's summary after publication
  'summary.amount': { de: () => 'Zuwendung', en: () => 'Funding' },
  'summary.vzae': { de: () => 'Stellenanteil', en: () => 'Staff capacity' },
  'summary.decision': { de: () => 'Entscheidung', en: () => 'Decision' },
  'summary.decisionOpen': { de: (p) => `offen (bis ${p.date})`, en: (p) => `open (until ${p.date})` },
  'summary.notValid': { de: () => ' – noch nicht gültig', en: () => ' – not yet valid' },
  'summary.decide': { de: () => 'Entscheidung', en: () => 'Decision' },

  // Step B: the decision card
  'decision.subtitle': {
    de: (p) => `Entscheidung Integrationsmanagement · Berechnungsjahr ${p.year}`,
    en: (p) => `Decision on integration management · calculation year ${p.year}`,
  },
  // The seed's words, then what makes the figures final – which depends on whether the overview is out yet.
  'decision.provisional': {
    de: () => 'Vorläufige Zahlen – sie können sich noch ändern. Verbindlich werden sie mit der Veröffentlichung der Übersicht.',
    en: () => 'Provisional figures – they may still change. They become final once the overview is published.',
  },
  'decision.provisionalPublished': {
    de: () => 'Vorläufige Zahlen – sie können sich noch ändern. Die Übersicht ist vorläufig veröffentlicht, weil noch nicht alle Listen eingereicht oder alle Nachträge entschieden sind.',
    en: () => 'Provisional figures – they may still change. The overview has been published provisionally, because not every list is submitted or every addition decided yet.',
  },
  'decision.persons': { de: () => 'Personen', en: () => 'Persons' },
  'decision.share': { de: () => 'Ihr Anteil', en: () => 'Your share' },
  'decision.shareValue': {
    de: (p) => `${p.amount} ≈\u00a0${p.vzae}\u00a0VZÄ bei ${p.eurPerVzae} je VZÄ`,
    en: (p) => `${p.amount} ≈\u00a0${p.vzae}\u00a0FTE at ${p.eurPerVzae} per FTE`,
  },
  'decision.support.missing': {
    de: (p) => `Eine Stelle von ${p.vzae}\u00a0VZÄ kostet ${p.cost}; Ihr Anteil deckt davon ${p.covered}, es fehlen ${p.missing} Eigenmittel.`,
    en: (p) => `A position of ${p.vzae}\u00a0FTE costs ${p.cost}; your share covers ${p.covered} of it, ${p.missing} would have to come from your own funds.`,
  },
  'decision.form.reason': {
    de: () => 'Begründung der Koordinierungsstelle (nach Fristablauf Pflicht, steht im Protokoll)',
    en: () => "Coordinating office's reason (required after the deadline; goes into the audit log)",
  },
  'decision.form.reasonError': {
    de: () => 'Bitte geben Sie an, warum die Entscheidung nach Fristablauf noch geändert wird.',
    en: () => 'Please state why the decision is still changed after the deadline.',
  },
  'confirm.reason': { de: () => 'Begründung: ', en: () => 'Reason: ' },
  'decision.shareNotYet': {
    de: () => 'noch nicht berechnet (es sind noch keine Personen gezählt)',
    en: () => 'not computed yet (no persons are counted yet)',
  },
  'decision.support.notYet': {
    de: (p) => `Eine Stelle von ${p.vzae}\u00a0VZÄ kostet ${p.cost}; wie viel davon Ihr Anteil deckt, steht fest, sobald die Listen gezählt sind.`,
    en: (p) => `A position of ${p.vzae}\u00a0FTE costs ${p.cost}; how much of it your share covers is known once the lists are counted.`,
  },
  'decision.support.covered': {
    de: (p) => `Eine Stelle von ${p.vzae}\u00a0VZÄ kostet ${p.cost}; Ihr Anteil deckt ${p.vzae}\u00a0VZÄ.`,
    en: (p) => `A position of ${p.vzae}\u00a0FTE costs ${p.cost}; your share covers ${p.vzae}\u00a0FTE.`,
  },
  'decision.support.hint': {
    de: () => '„In eigener Verantwortung“ heißt für Sie deshalb: eine gemeinsame Stelle im Verbund mit anderen Gemeinden oder Eigenmittel.',
    en: () => 'Doing it yourself therefore means a joint position with other municipalities, or your own funds.',
  },
  'decision.deadline': { de: (p) => `Entscheidung bis ${p.date}`, en: (p) => `Decision due by ${p.date}` },
  'decision.deadlinePassed': { de: (p) => `Die Entscheidungsfrist ist am ${p.date} abgelaufen.`, en: (p) => `The decision deadline passed on ${p.date}.` },
  // A Gemeinde's card after the deadline (only then is it read-only): it no longer invites to decide.
  'decision.locked': {
    de: () => 'Nur Ansicht: Änderungen sind nur noch über die Koordinierungsstelle möglich.',
    en: () => 'View only: changes are now possible only through the coordinating office.',
  },
  'decision.current': { de: () => 'Aktuelle Entscheidung', en: () => 'Current decision' },
  'decision.choice': { de: (p) => `Entscheidung: ${p.choice}`, en: (p) => `Decision: ${p.choice}` },
  'decision.noneYet': {
    de: () => 'Noch keine Entscheidung: Ohne Entscheidung übernimmt der Landkreis das Integrationsmanagement.',
    en: () => 'No decision yet: without a decision the district does the integration management.',
  },
  'decision.noneByDeadline': {
    de: () => 'Bis zur Frist wurde nichts entschieden: Der Landkreis übernimmt das Integrationsmanagement.',
    en: () => 'Nothing was decided by the deadline: the district does the integration management.',
  },
  'decision.position': { de: (p) => ` · Stelle ${p.vzae}\u00a0VZÄ`, en: (p) => ` · position ${p.vzae}\u00a0FTE` },
  'decision.valid': { de: () => 'gültig', en: () => 'valid' },
  'decision.invalid': { de: () => 'noch nicht gültig', en: () => 'not yet valid' },
  'decision.invalidMissing': {
    de: () => 'noch nicht gültig: es fehlen Bestätigungen von ',
    en: () => 'not yet valid: confirmations missing from ',
  },
  'decision.members': { de: () => 'Mitglieder des Verbunds:', en: () => 'Members of the joint position:' },
  'decision.memberConfirmed': { de: () => '✓ ', en: () => '✓ ' },
  'decision.memberOpen': { de: () => 'offen: ', en: () => 'pending: ' },
  'decision.memberLead': { de: () => ' (federführend)', en: () => ' (lead)' },
  'decision.traeger': { de: () => 'Träger: ', en: () => 'Provider: ' },
  'decision.funding': {
    de: (p) => `Finanzierung: Anteil ${p.funded} · Stelle ${p.cost}`,
    en: (p) => `Funding: share ${p.funded} · position ${p.cost}`,
  },
  'decision.fundingMissing': { de: (p) => ` · fehlende Eigenmittel ${p.missing}`, en: (p) => ` · own funds needed ${p.missing}` },
  'decision.fundingDeclared': { de: (p) => ` · zugesagt ${p.declared}`, en: (p) => ` · pledged ${p.declared}` },
  'decision.covered': { de: () => ' · gedeckt', en: () => ' · covered' },
  'decision.notCovered': { de: () => ' · nicht gedeckt', en: () => ' · not covered' },
  'decision.decidedAt': { de: (p) => `entschieden am ${p.date}`, en: (p) => `decided on ${p.date}` },
  'decision.invitations': { de: () => 'Einladungen zu einem Verbund', en: () => 'Invitations to a joint position' },
  'decision.invitation.proposes': {
    de: (p) => ` schlägt einen Verbund vor: Stelle ${p.vzae}\u00a0VZÄ mit Ihnen und `,
    en: (p) => ` proposes a joint position: ${p.vzae}\u00a0FTE with you and `,
  },
  'decision.invitation.proposesYou': {
    de: (p) => ` schlägt Ihnen einen Verbund vor: Stelle ${p.vzae}\u00a0VZÄ`,
    en: (p) => ` proposes a joint position with you: ${p.vzae}\u00a0FTE`,
  },
  'decision.invitation.confirmed': { de: () => '✓ Sie haben diesen Verbund bestätigt.', en: () => '✓ You have confirmed this joint position.' },
  'decision.invitation.button': { de: () => 'Verbund bestätigen', en: () => 'Confirm joint position' },
  'decision.invitation.hint': {
    de: () => 'Um einem Verbund beizutreten, bestätigen Sie ihn hier. „Verbund“ im Formular unten schlägt dagegen einen eigenen Verbund vor.',
    en: () => 'To join a joint position, confirm it here. Choosing "joint position" in the form below proposes a joint position of your own instead.',
  },
  'decision.arguments': { de: () => 'Entscheidungshilfe: Argumente und Folgen', en: () => 'Help with the decision: arguments and consequences' },
  'decision.args.landkreis': {
    de: () => 'Für den Landkreis spricht (aus Sicht des Landratsamts)',
    en: () => "For the district (the Landratsamt's view)",
  },
  'decision.args.lk1': { de: () => 'kein Steuerungsaufwand für die Gemeinde', en: () => 'no steering effort for the municipality' },
  'decision.args.lk2': {
    de: () => 'Schwankungen und Vakanzen werden in einem großen Team ausgeglichen',
    en: () => 'fluctuations and vacancies are balanced across a large team',
  },
  'decision.args.lk3': { de: () => 'Vertretung bei Urlaub und Krankheit', en: () => 'substitution during holidays and sickness' },
  'decision.args.lk4': {
    de: () =>
      'qualifiziertes Personal und Fortbildung: in der Regel ein Studium der Sozialen Arbeit, andere Fachkräfte erhalten innerhalb eines Jahres eine mehrtägige Qualifizierung',
    en: () => 'qualified staff and training: as a rule a social-work degree; others receive a multi-day qualification within a year',
  },
  'decision.args.lk5': {
    de: () => 'Integration aus einer Hand, zusammen mit der Flüchtlingssozialarbeit und der Integrationsplanung des Landkreises',
    en: () => "integration from one hand, together with the district's refugee social work and integration planning",
  },
  'decision.args.lk6': { de: () => 'Supervision im Team', en: () => 'team supervision' },
  'decision.args.against': { de: () => 'Gegen den Landkreis spricht', en: () => 'Against the district' },
  'decision.args.against1': {
    de: () => 'Die Gemeinde hat gegenüber den Beschäftigten, die in ihrem Gebiet arbeiten, kein Weisungsrecht.',
    en: () => 'The municipality has no authority to instruct the staff working in its area.',
  },
  'decision.args.own': { de: () => 'Was „in eigener Verantwortung“ bedeutet', en: () => 'What doing it yourself means' },
  'decision.args.own1': {
    de: () => 'eine Stelle von mindestens 50\u00a0% (0,5\u00a0VZÄ), allein oder gemeinsam mit anderen Gemeinden im Verbund',
    en: () => 'a position of at least 50\u00a0% (0.5\u00a0FTE), alone or jointly with other municipalities',
  },
  'decision.args.own2': {
    de: () => 'was der Anteil nicht deckt, trägt die Gemeinde mit Eigenmitteln',
    en: () => 'whatever the share does not cover, the municipality pays from its own funds',
  },
  'decision.args.own3': {
    de: () => 'die Stelle kann einem Träger der freien Wohlfahrtspflege übertragen werden',
    en: () => 'the position may be passed on to a non-statutory welfare organisation',
  },
  'decision.args.own4': {
    de: () => 'das Risiko trägt die Gemeinde: Die Förderung ändert sich jedes Jahr mit dem Landeshaushalt und der Zahl der Personen; bei einer Vakanz findet keine Betreuung statt',
    en: () => 'the municipality carries the risk: the funding changes every year with the state budget and the number of persons; a vacancy means no service',
  },
  'decision.args.own5': {
    de: () => 'jährlicher Verwendungsnachweis gegenüber der Koordinierungsstelle',
    en: () => 'a yearly proof of use of funds (Verwendungsnachweis) to the coordinating office',
  },
  'decision.form.title': { de: () => 'Ihre Entscheidung', en: () => 'Your decision' },
  'decision.form.choice': { de: () => 'Wer übernimmt das Integrationsmanagement?', en: () => 'Who does the integration management?' },
  'decision.form.choiceRequired': { de: () => 'Bitte wählen Sie eine Möglichkeit.', en: () => 'Please choose one option.' },
  'decision.form.landkreis': { de: () => 'Landkreis (Landratsamt, Standard)', en: () => 'District (Landratsamt, default)' },
  'decision.form.eigenstaendig': { de: () => 'in eigener Verantwortung (eigene Stelle der Gemeinde)', en: () => "own position (the municipality's own staff)" },
  'decision.form.verbund': { de: () => 'Verbund (gemeinsame Stelle mit anderen Gemeinden)', en: () => 'joint position (with other municipalities)' },
  'decision.form.hint': {
    de: () => 'Stellenumfang, Eigenmittel, Träger und Partnergemeinden gelten nur für „in eigener Verantwortung“ und „Verbund“.',
    en: () => 'Position size, own funds, provider and partners apply only to an own or a joint position.',
  },
  'decision.form.vzae': { de: () => 'Stellenumfang in VZÄ (mindestens 0,5)', en: () => 'Position size in FTE (at least 0.5)' },
  'decision.form.vzaeError': {
    de: () => 'Bitte geben Sie den Stellenumfang als Zahl von mindestens 0,5 an, z. B. 0,5 oder 0,75.',
    en: () => 'Please enter the position size as a number, e.g. 0.5 – at least 0.5.',
  },
  'decision.form.eigenmittel': { de: () => 'Eigenmittel in € (optional)', en: () => 'Own funds in € (optional)' },
  'decision.form.eigenmittelError': {
    de: () => 'Bitte geben Sie die Eigenmittel als Betrag in Euro an, z. B. 15.640.',
    en: () => 'Please enter the own funds as an amount in euros, e.g. 15,640.',
  },
  'decision.form.traeger': {
    de: () => 'Träger der freien Wohlfahrtspflege (optional)',
    en: () => 'Non-statutory welfare organisation as provider (optional)',
  },
  'decision.form.partners': { de: () => 'Partnergemeinden (nur bei Verbund)', en: () => 'Partner municipalities (joint position only)' },
  'decision.form.partnersPlaceholder': { de: () => 'Gemeinden auswählen', en: () => 'Choose municipalities' },
  'decision.form.button': { de: () => 'Weiter', en: () => 'Next' },

  // Step B: the confirmation before the decision becomes binding
  'confirm.title': { de: () => 'Entscheidung verbindlich machen?', en: () => 'Make the decision binding?' },
  'confirm.position': { de: (p) => `Stelle: ${p.vzae}\u00a0VZÄ, Kosten ${p.cost}`, en: (p) => `Position: ${p.vzae}\u00a0FTE, cost ${p.cost}` },
  'confirm.partners': { de: () => 'Partnergemeinden: ', en: () => 'Partner municipalities: ' },
  'confirm.eigenmittel': { de: (p) => `Eigenmittel zugesagt: ${p.amount}`, en: (p) => `Own funds pledged: ${p.amount}` },
  'confirm.fundedOwn': { de: (p) => `Ihr Anteil: ${p.funded} · Kosten der Stelle: ${p.cost}`, en: (p) => `Your share: ${p.funded} · cost of the position: ${p.cost}` },
  'confirm.fundedJoint': {
    de: (p) => `Anteile aller Mitglieder zusammen: ${p.funded} · Kosten der Stelle: ${p.cost}`,
    en: (p) => `Shares of all members together: ${p.funded} · cost of the position: ${p.cost}`,
  },
  'confirm.covered': { de: () => 'Die Stelle ist mit Anteil und Eigenmitteln gedeckt.', en: () => 'The position is covered by the share and own funds.' },
  'confirm.missing': {
    de: (p) => `Nicht gedeckt: Es fehlen noch ${p.missing} Eigenmittel, die die Gemeinde tragen muss.`,
    en: (p) => `Not covered: ${p.missing} of own funds are still missing, which the municipality has to pay.`,
  },
  'confirm.next.landkreis': {
    de: () => 'Das Landratsamt übernimmt das Integrationsmanagement in Ihrer Gemeinde; für Sie entsteht kein Aufwand.',
    en: () => 'The Landratsamt does the integration management in your municipality; there is no effort for you.',
  },
  'confirm.next.eigenstaendig': {
    de: () =>
      'Ihre Gemeinde trägt die Stelle selbst (oder über einen Träger) und weist die Verwendung der Mittel jährlich mit einem Verwendungsnachweis gegenüber der Koordinierungsstelle nach.',
    en: () =>
      'Your municipality carries the position itself (or through a provider) and proves the use of the funds every year to the coordinating office (Verwendungsnachweis).',
  },
  'confirm.next.verbund': {
    de: () =>
      'Jede Partnergemeinde muss den Verbund auf ihrer Entscheidungskarte bestätigen; erst dann ist die Entscheidung gültig. Die Verwendung der Mittel wird jährlich mit einem Verwendungsnachweis gegenüber der Koordinierungsstelle nachgewiesen.',
    en: () =>
      'Every partner municipality has to confirm the joint position on its decision card; only then is the decision valid. The use of the funds is proven every year to the coordinating office (Verwendungsnachweis).',
  },
  'confirm.override': {
    de: (p) => `Die Entscheidungsfrist ist am ${p.date} abgelaufen: Die Änderung wird als Änderung durch die Koordinierungsstelle protokolliert, mit Ihrer Begründung.`,
    en: (p) => `The decision deadline passed on ${p.date}: the change is recorded as a change by the coordinating office, with your reason.`,
  },
  'confirm.changeable': {
    de: (p) => `Bis zum ${p.date} können Sie die Entscheidung noch ändern; danach nur über die Koordinierungsstelle.`,
    en: (p) => `You can still change the decision until ${p.date}; after that only through the coordinating office.`,
  },
  'confirm.button': { de: () => 'Verbindlich entscheiden', en: () => 'Make it binding' },

  // Step 5/6: the overview of all Gemeinden
  'overview.title': { de: (p) => `Übersicht Integrationsmanagement ${p.year}`, en: (p) => `Integration management overview ${p.year}` },
  'overview.published': { de: (p) => `veröffentlicht am ${p.date}`, en: (p) => `published on ${p.date}` },
  'overview.provisional': {
    de: () => 'Vorläufige Zahlen – sie können sich noch ändern',
    en: () => 'Provisional figures – they may still change',
  },
  'overview.notSubmitted': {
    de: (p) => `Vorläufige Zahlen: ${p.n} ${plural(p.n, 'Liste', 'Listen')} nicht eingereicht`,
    en: (p) => `Provisional figures: ${p.n} ${plural(p.n, 'list', 'lists')} not submitted`,
  },
  'overview.changedSincePublication': {
    de: (p) =>
      `Geändert seit der Veröffentlichung am ${p.date}${p.n ? `: ${p.n} ${plural(p.n, 'Gemeinde', 'Gemeinden')}` : ''}${p.parameters ? ' · Parameter' : ''}${p.state ? ' · Stand der Listen' : ''}. ` +
      (p.purged
        ? `Die Personendaten wurden am ${p.purged} gelöscht; dies sind die Zahlen von diesem Tag. Es gelten die veröffentlichten – veröffentlichen lässt sich das Jahr nicht mehr.`
        : 'Diese Zahlen sind noch nicht veröffentlicht; die Gemeinden sehen die veröffentlichten, bis Sie erneut veröffentlichen.'),
    en: (p) =>
      `Changed since publication on ${p.date}${p.n ? `: ${p.n} ${plural(p.n, 'municipality', 'municipalities')}` : ''}${p.parameters ? ' · parameters' : ''}${p.state ? ' · state of the lists' : ''}. ` +
      (p.purged
        ? `The personal data was deleted on ${p.purged}; these are the figures of that day. The published ones apply – the year can no longer be published.`
        : 'These figures are not published yet; the municipalities see the published ones until you publish again.'),
  },
  'overview.pendingAdditions': {
    de: (p) => ` · ${p.n} ${plural(p.n, 'Nachtrag', 'Nachträge')} offen`,
    en: (p) => ` · ${p.n} ${plural(p.n, 'addition', 'additions')} pending`,
  },
  'overview.parameters': {
    de: (p) => `Zu verteilen: ${p.distributable} auf ${p.persons} Personen · Stichtag ${p.stichtag} · ${p.eurPerVzae} je VZÄ`,
    en: (p) => `To distribute: ${p.distributable} among ${p.persons} persons · cut-off date ${p.stichtag} · ${p.eurPerVzae} per FTE`,
  },
  'overview.source': {
    de: (p) => `Kreisbetrag ${p.kreis} = Landesmittel ${p.land} × Zuteilungsquote ${p.quote}\u00a0%`,
    en: (p) => `District amount ${p.kreis} = state funds ${p.land} × allocation quota ${p.quote}\u00a0%`,
  },
  'overview.vorwegabzug': {
    de: (p) => `Kreisbetrag ${p.kreis}, davon vorweg ${p.amount} für die Koordinierungsstelle`,
    en: (p) => `District amount ${p.kreis}, of which ${p.amount} in advance for the coordinating office`,
  },
  'overview.colGemeinde': { de: () => 'Gemeinde', en: () => 'Municipality' },
  'overview.colPersons': { de: () => 'Pers.', en: () => 'Pers.' },
  'overview.colAmount': { de: () => 'Betrag', en: () => 'Amount' },
  'overview.colVzae': { de: () => 'VZÄ', en: () => 'FTE' },
  'overview.colState': { de: () => 'Liste', en: () => 'List' },
  'overview.submittedOf': { de: (p) => `${p.n}/${p.total} eingereicht`, en: (p) => `${p.n}/${p.total} submitted` },
  'overview.total': { de: () => 'Summe', en: () => 'Total' },
  'overview.rounding': {
    de: (p) =>
      `Rundung: Jeder Betrag wird auf ${p.unit} abgerundet; die verbleibenden ${p.n} × ${p.step} erhalten einzeln die Gemeinden mit den größten Rundungsresten (Verfahren der größten Reste), sodass die Summe genau ${p.total} ergibt.`,
    en: (p) =>
      `Rounding: every amount is rounded down to ${p.unit}; the remaining ${p.n} × ${p.step} go one by one to the municipalities with the largest remainders (largest remainder method), so that the total is exactly ${p.total}.`,
  },
  'overview.unit.1': { de: () => 'volle Euro', en: () => 'whole euros' },
  'overview.unit.0.01': { de: () => 'volle Cent', en: () => 'whole cents' },
  'overview.tieRuleEn': {
    de: () => 'Bei gleichem Rest erhält die Gemeinde mit dem kleineren Amtlichen Gemeindeschlüssel (AGS) den Restbetrag zuerst.',
    en: () => 'If remainders are equal, the municipality with the smaller official municipality key (AGS) receives the remaining amount first.',
  },
  'overview.publishHint': {
    de: (p) => `„${p.button}“ sendet diese Übersicht an alle Gemeinden.`,
    en: (p) => `"${p.button}" sends this overview to all municipalities.`,
  },
  'overview.publish': { de: () => 'Veröffentlichen', en: () => 'Publish' },
  'overview.publishForce': { de: () => 'Trotzdem vorläufig veröffentlichen', en: () => 'Publish provisionally anyway' },
  'overview.refresh': { de: () => 'Aktualisieren', en: () => 'Refresh' },

  // The result of an import
  'import.stored': { de: () => 'Import gespeichert', en: () => 'Import stored' },
  'import.refused': { de: () => 'Import abgelehnt', en: () => 'Import refused' },
  'import.file': { de: (p) => `Berechnungsjahr ${p.year} · Datei: `, en: (p) => `Calculation year ${p.year} · file: ` },
  'import.rowsRead': { de: () => 'Zeilen gelesen', en: () => 'Rows read' },
  'import.persons': { de: () => 'Übernommen', en: () => 'Imported' },
  'import.personsValue': {
    de: (p) => `${p.n} ${plural(p.n, 'Person', 'Personen')}`,
    en: (p) => `${p.n} ${plural(p.n, 'person', 'persons')}`,
  },
  'import.leftOut': { de: () => 'Ausgelassen', en: () => 'Left out' },
  'import.leftOutValue': { de: (p) => `${p.n} (außerhalb des Zeitraums)`, en: (p) => `${p.n} (outside the period)` },
  'import.row': { de: () => 'Zeile', en: () => 'row' },
  'import.rows': { de: () => 'Zeilen', en: () => 'rows' },
  'import.rowNumber': { de: (p) => `Zeile ${p.rows}`, en: (p) => `Row ${p.rows}` },
  'import.rowNumbers': { de: (p) => `Zeilen ${p.rows}`, en: (p) => `Rows ${p.rows}` },
  'import.rowsLink': { de: () => 'Alle Zeilen als Excel-Datei', en: () => 'All rows as an Excel file' },
  'import.rowsLinkHint': {
    de: (p) => `Die Excel-Datei nennt jede betroffene Zeile mit Personen-ID und Namen – nur für die Koordinierungsstelle. Der Link ist persönlich und gilt bis ${p.date} ${p.time} Uhr.`,
    en: (p) => `The Excel file names every row concerned with person ID and name – for the coordinating office only. The link is personal and valid until ${p.date} ${p.time}.`,
  },
  'import.notStored': {
    de: () => 'Die Datei wurde nicht übernommen. Bitte berichtigen Sie die Fehler und senden Sie die Datei erneut.',
    en: () => 'The file was not taken over. Please correct the errors and send the file again.',
  },
  'import.errors': { de: (p) => `Fehler (${p.n})`, en: (p) => `Errors (${p.n})` },
  'import.warnings': { de: (p) => `Hinweise (${p.n})`, en: (p) => `Warnings (${p.n})` },
  'import.more': { de: (p) => `… und ${p.n} weitere`, en: (p) => `… and ${p.n} more` },
  'import.perGemeinde': {
    de: (p) => `Personen je Gemeinde (${p.n} ${plural(p.n, 'Gemeinde', 'Gemeinden')})`,
    en: (p) => `Persons per municipality (${p.n} ${plural(p.n, 'municipality', 'municipalities')})`,
  },
  'import.next': {
    de: () => 'Nächster Schritt: Prüfen Sie die Zahlen und versenden Sie die Listen mit „listen versenden“.',
    en: () => 'Next step: check the figures and send the lists with "send lists".',
  },

  // The status digest for the coordinators' channel
  'digest.title': { de: (p) => `Statusbericht ${p.year} · ${p.date}`, en: (p) => `Status report ${p.year} · ${p.date}` },
  'digest.changesSince': { de: (p) => `Änderungen seit ${p.date}`, en: (p) => `Changes since ${p.date}` },
  'digest.changes': { de: () => 'Änderungen', en: () => 'Changes' },
  'digest.noChanges': { de: () => 'Keine Änderungen seit dem letzten Bericht.', en: () => 'No changes since the last report.' },
  'digest.firstHeading': { de: () => 'Stand der Listen und Entscheidungen', en: () => 'State of the lists and decisions' },
  'digest.first': {
    de: (p) => `Dies ist der erste Statusbericht für ${p.year}. Ab dem nächsten Bericht stehen hier die Änderungen seit dem vorigen.`,
    en: (p) => `This is the first status report for ${p.year}. From the next report on, this section shows the changes since the previous one.`,
  },
  'digest.submittedSoFar': { de: (p) => `Eingereicht (${p.n}): `, en: (p) => `Submitted (${p.n}): ` },
  'digest.decidedSoFar': { de: (p) => `Entschieden (${p.n}): `, en: (p) => `Decided (${p.n}): ` },
  'digest.nothingYet': {
    de: () => 'Noch keine Gemeinde hat ihre Liste eingereicht oder entschieden.',
    en: () => 'No municipality has submitted its list or decided yet.',
  },
  'digest.submitted': { de: () => 'Eingereicht: ', en: () => 'Submitted: ' },
  'digest.newlyOverdue': { de: () => 'Neu überfällig: ', en: () => 'Newly overdue: ' },
  'digest.decided': { de: () => 'Entschieden: ', en: () => 'Decided: ' },
  'digest.overdue': { de: (p) => `Überfällig (${p.n})`, en: (p) => `Overdue (${p.n})` },
  'digest.overdueRow': {
    de: (p) => ` · seit ${p.n}\u00a0${plural(p.n, 'Tag', 'Tagen')} (Frist ${p.due})`,
    en: (p) => ` · for ${p.n}\u00a0${plural(p.n, 'day', 'days')} (due ${p.due})`,
  },
  'digest.decisions': { de: () => 'Entscheidungen', en: () => 'Decisions' },
  'digest.incomplete': { de: () => 'Verbund noch nicht gültig: ', en: () => 'Joint position not yet valid: ' },
  'digest.deadlines': { de: () => 'Nächste Fristen', en: () => 'Next deadlines' },
  'digest.deadline.review': { de: (p) => `Rückmeldung der Listen: ${p.date}`, en: (p) => `Lists due back: ${p.date}` },
  'digest.deadline.publication': { de: (p) => `Veröffentlichung der Übersicht: ${p.date}`, en: (p) => `Publication of the overview: ${p.date}` },
  'digest.deadline.decision': { de: (p) => `Entscheidung der Gemeinden: ${p.date}`, en: (p) => `Decision of the municipalities: ${p.date}` },
  'digest.daysLeft': {
    de: (p) => ` (noch ${p.n}\u00a0${plural(p.n, 'Tag', 'Tage')})`,
    en: (p) => ` (${p.n}\u00a0${plural(p.n, 'day', 'days')} left)`,
  },
  'digest.today': { de: () => ' (heute)', en: () => ' (today)' },
  'digest.status': { de: () => 'Stand aller Gemeinden', en: () => 'State of all municipalities' },

  // Help
  'help.title': { de: () => 'Hilfe: IntM-Bot', en: () => 'Help: IntM-Bot' },
  'help.role': { de: (p) => `Ihre Rolle: ${p.role}`, en: (p) => `Your role: ${p.role}` },
  'help.role.koordination': { de: () => 'Koordinierungsstelle', en: () => 'coordinating office' },
  'help.role.gemeinde': { de: () => 'Gemeinde', en: () => 'municipality' },
  'help.role.none': {
    de: () => 'keine – bitte wenden Sie sich an die Koordinierungsstelle im Landratsamt',
    en: () => 'none – please contact the coordinating office at the Landratsamt',
  },
  'help.commands': { de: () => 'Befehle', en: () => 'Commands' },
  'help.examples': { de: () => 'Das können Sie zum Beispiel fragen', en: () => 'For example, you can ask' },
  'help.buttons': {
    de: () => 'Die Schaltflächen auf den Karten führen Sie durch die einzelnen Schritte.',
    en: () => 'The buttons on the cards guide you through the steps.',
  },

  // The campaign form
  'campaign.title': { de: () => 'Kampagne anlegen', en: () => 'Create a campaign' },
  'campaign.intro': {
    de: () => 'Geben Sie entweder den Kreisbetrag an oder die Landesmittel zusammen mit der Zuteilungsquote des Landkreises.',
    en: () => "Enter either the district amount, or the state funds together with the district's allocation quota.",
  },
  'campaign.year': { de: () => 'Berechnungsjahr', en: () => 'Calculation year' },
  'campaign.yearError': { de: () => 'Bitte geben Sie das Berechnungsjahr als Jahreszahl zwischen 2020 und 2100 an.', en: () => 'Please enter a year between 2020 and 2100.' },
  'campaign.kreisAmount': { de: () => 'Kreisbetrag in €', en: () => 'District amount in €' },
  'campaign.kreisAmountExample': { de: () => 'z. B. 1.508.000', en: () => 'e.g. 1,508,000' },
  'campaign.or': { de: () => 'oder', en: () => 'or' },
  'campaign.landesmittel': { de: () => 'Landesmittel in €', en: () => 'State funds in €' },
  'campaign.landesmittelExample': { de: () => 'z. B. 40.000.000', en: () => 'e.g. 40,000,000' },
  'campaign.quote': { de: () => 'Zuteilungsquote in %', en: () => 'Allocation quota in %' },
  'campaign.quoteExample': { de: () => 'z. B. 3,77', en: () => 'e.g. 3.77' },
  'campaign.kreisAmountError': {
    de: () => 'Bitte geben Sie den Kreisbetrag als Betrag in Euro an, z. B. 1.508.000 – oder lassen Sie das Feld leer und geben Sie Landesmittel und Zuteilungsquote an.',
    en: () => 'Please enter the district amount in euros, e.g. 1,508,000 – or leave it empty and enter the state funds and the allocation quota.',
  },
  'campaign.landesmittelError': {
    de: () => 'Bitte geben Sie die Landesmittel als Betrag in Euro an, z. B. 40.000.000.',
    en: () => 'Please enter the state funds in euros, e.g. 40,000,000.',
  },
  'campaign.eurPerVzaeError': {
    de: () => 'Bitte geben Sie die Kosten je VZÄ als Betrag in Euro an, z. B. 68.000.',
    en: () => 'Please enter the cost per FTE in euros, e.g. 68,000.',
  },
  'campaign.quoteError': { de: () => 'Bitte geben Sie die Zuteilungsquote als Prozentsatz an, z. B. 3,77.', en: () => 'Please enter the quota as a number, e.g. 3.77.' },
  'campaign.unit': { de: () => 'Rundung der Beträge', en: () => 'Rounding of the amounts' },
  'campaign.unitError': { de: () => 'Bitte wählen Sie, worauf die Beträge gerundet werden.', en: () => 'Please choose what the amounts are rounded to.' },
  'campaign.unit.1': { de: () => 'auf volle Euro (1\u00a0€)', en: () => 'to whole euros (€1)' },
  'campaign.unit.0.01': { de: () => 'auf Cent (0,01\u00a0€)', en: () => 'to cents (€0.01)' },
  'campaign.eurPerVzae': { de: () => 'Kosten je VZÄ in €', en: () => 'Cost per FTE in €' },
  'campaign.defaults': {
    de: (p) =>
      `Für ${p.year} gilt: Betrachtungszeitraum ${p.start}–${p.end}, Stichtag ${p.end}. Fristen: Listen versenden ${p.sent}, Rückmeldung ${p.review}, Veröffentlichung ${p.publication}, Entscheidung ${p.decision}.`,
    en: (p) =>
      `For ${p.year}: reference period ${p.start}–${p.end}, cut-off date ${p.end}. Deadlines: lists sent ${p.sent}, replies ${p.review}, publication ${p.publication}, decision ${p.decision}.`,
  },
  'campaign.button': { de: () => 'Kampagne anlegen', en: () => 'Create campaign' },

  // Export links
  'export.title': { de: (p) => `Export Berechnungsjahr ${p.year}`, en: (p) => `Export calculation year ${p.year}` },
  'export.validUntil': { de: (p) => `gültig bis ${p.date} ${p.time}`, en: (p) => `valid until ${p.date} ${p.time}` },
  'export.download': { de: () => 'Herunterladen', en: () => 'Download' },
  'export.none': { de: () => 'Es liegen keine Dateien vor.', en: () => 'There are no files.' },
  'export.personal': {
    de: () => 'Die Links sind persönlich: Bitte geben Sie sie nicht weiter. Sie verfallen zum angegebenen Zeitpunkt; danach fordern Sie den Export neu an.',
    en: () => 'The links are personal: please do not pass them on. They expire at the time shown; after that, request the export again.',
  },

  // Reminders to a Gemeinde
  'reminder.review.title': { de: () => 'Erinnerung: Personenliste prüfen', en: () => 'Reminder: check the list of persons' },
  'reminder.review.overdueTitle': { de: () => 'Frist abgelaufen: Personenliste', en: () => 'Deadline passed: list of persons' },
  'reminder.review.due': {
    de: (p) => `Bitte prüfen Sie die Personenliste für das Berechnungsjahr ${p.year} und reichen Sie sie bis zum ${p.date} ein; noch ${p.n}\u00a0${plural(p.n, 'Tag', 'Tage')}.`,
    en: (p) => `Please check the list of persons for calculation year ${p.year} and submit it by ${p.date}; ${p.n}\u00a0${plural(p.n, 'day', 'days')} left.`,
  },
  'reminder.review.today': {
    de: (p) => `Bitte prüfen Sie die Personenliste für das Berechnungsjahr ${p.year} und reichen Sie sie ein: Heute, am ${p.date}, endet die Frist.`,
    en: (p) => `Please check the list of persons for calculation year ${p.year} and submit it: the deadline ends today, ${p.date}.`,
  },
  'reminder.review.overdue': {
    de: (p) =>
      `Die Frist für die Rückmeldung zur Personenliste für das Berechnungsjahr ${p.year} ist seit ${p.n}\u00a0${plural(p.n, 'Tag', 'Tagen')} abgelaufen (${p.date}); die Liste kann nicht mehr bearbeitet oder eingereicht werden. Wenn sie noch Korrekturen braucht, wenden Sie sich bitte an die Koordinierungsstelle: Sie kann die Liste mit einer neuen Frist wieder öffnen.`,
    en: (p) =>
      `The deadline for the list of persons for calculation year ${p.year} passed ${p.n}\u00a0${plural(p.n, 'day', 'days')} ago (${p.date}); the list can no longer be edited or submitted. If it still needs corrections, please contact the coordinating office: it can reopen the list with a new deadline.`,
  },
  'reminder.review.button': { de: () => 'Liste prüfen', en: () => 'Check list' },
  'reminder.review.viewButton': { de: () => 'Liste ansehen', en: () => 'View list' },
  'reminder.decision.title': { de: () => 'Erinnerung: Entscheidung zum Integrationsmanagement', en: () => 'Reminder: decision on integration management' },
  'reminder.decision.due': {
    de: (p) =>
      `Bitte entscheiden Sie bis zum ${p.date}, wer das Integrationsmanagement im Berechnungsjahr ${p.year} in Ihrer Gemeinde übernimmt; noch ${p.n}\u00a0${plural(p.n, 'Tag', 'Tage')}. Ohne Entscheidung übernimmt es der Landkreis.`,
    en: (p) =>
      `Please decide by ${p.date} who does the integration management in your municipality in calculation year ${p.year}; ${p.n}\u00a0${plural(p.n, 'day', 'days')} left. Without a decision, the district does it.`,
  },
  'reminder.decision.today': {
    de: (p) =>
      `Bitte entscheiden Sie heute, wer das Integrationsmanagement im Berechnungsjahr ${p.year} in Ihrer Gemeinde übernimmt: Die Frist endet am ${p.date}. Ohne Entscheidung übernimmt es der Landkreis.`,
    en: (p) =>
      `Please decide today who does the integration management in your municipality in calculation year ${p.year}: the deadline ends on ${p.date}. Without a decision, the district does it.`,
  },
  'reminder.decision.overdue': {
    de: (p) =>
      `Die Frist für die Entscheidung zum Berechnungsjahr ${p.year} ist seit ${p.n}\u00a0${plural(p.n, 'Tag', 'Tagen')} abgelaufen (${p.date}); ohne Entscheidung übernimmt der Landkreis. Änderungen sind nur noch über die Koordinierungsstelle möglich.`,
    en: (p) =>
      `The deadline for the decision on calculation year ${p.year} passed ${p.n}\u00a0${plural(p.n, 'day', 'days')} ago (${p.date}); without a decision the district does it. Changes are possible only through the coordinating office.`,
  },
  'reminder.decision.button': { de: () => 'Entscheidung', en: () => 'Decision' },
  'reminder.nachweis.title': { de: () => 'Erinnerung: Verwendungsnachweis', en: () => 'Reminder: Verwendungsnachweis (proof of use)' },
  'reminder.nachweis.due': {
    de: (p) =>
      `Bitte reichen Sie den Verwendungsnachweis für das Berechnungsjahr ${p.year} bis zum ${p.date} ein; noch ${p.n}\u00a0${plural(p.n, 'Tag', 'Tage')}.`,
    en: (p) =>
      `Please submit the proof of use for calculation year ${p.year} by ${p.date}; ${p.n}\u00a0${plural(p.n, 'day', 'days')} left.`,
  },
  'reminder.nachweis.today': {
    de: (p) => `Bitte reichen Sie den Verwendungsnachweis für das Berechnungsjahr ${p.year} heute ein: Die Frist endet am ${p.date}.`,
    en: (p) => `Please submit the proof of use for calculation year ${p.year} today: the deadline ends on ${p.date}.`,
  },
  'reminder.nachweis.overdue': {
    de: (p) =>
      `Die Frist für den Verwendungsnachweis ${p.year} ist seit ${p.n}\u00a0${plural(p.n, 'Tag', 'Tagen')} abgelaufen (${p.date}). Bitte reichen Sie ihn so bald wie möglich ein oder sprechen Sie mit der Koordinierungsstelle.`,
    en: (p) =>
      `The deadline for the proof of use ${p.year} passed ${p.n}\u00a0${plural(p.n, 'day', 'days')} ago (${p.date}). Please submit it as soon as possible or talk to the coordinating office.`,
  },
  'reminder.thanks': { de: () => 'Vielen Dank für Ihre Mitarbeit!', en: () => 'Thank you for your cooperation!' },
});

export type CardMessageCode = keyof typeof cardMessages;

export function cardText(code: CardMessageCode, locale: Locale, params: MessageParams = {}): string {
  return cardMessages[code][locale](params);
}

export { CHOICE_LABEL, LIST_STATE_LABEL, STRIKE_REASON_LABEL, ZUGANGSART_LABEL } from './labels';

/** Where a list stands in the overview: submitted, still open, or past its due date. */
export type OverviewListState = 'eingereicht' | 'offen' | 'ueberfaellig';

export const OVERVIEW_STATE_LABEL: Record<Locale, Record<OverviewListState, string>> = {
  de: { eingereicht: 'eingereicht', offen: 'offen', ueberfaellig: 'überfällig' },
  en: { eingereicht: 'submitted', offen: 'open', ueberfaellig: 'overdue' },
};

/** Where a person stands on the list, as the list card shows it. */
export type PersonStatus = 'counted' | 'struck' | 'added' | 'pending' | 'rejected' | 'withdrawn';

export const PERSON_STATUS_LABEL: Record<Locale, Record<PersonStatus, string>> = {
  de: { counted: 'gezählt', struck: 'gestrichen', added: 'nachgetragen', pending: 'Nachtrag offen', rejected: 'abgelehnt', withdrawn: 'zurückgenommen' },
  en: { counted: 'counted', struck: 'struck', added: 'added', pending: 'addition pending', rejected: 'rejected', withdrawn: 'withdrawn' },
};
