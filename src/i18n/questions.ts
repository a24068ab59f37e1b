/**
 * Answers to questions typed to the bot (src/app/questions). Plain text only — no Markdown — because
 * the bot may post them in a channel; they hold aggregate figures, never persons. Numbers and dates
 * arrive formatted for the locale; `n`-style parameters are raw counts for singular/plural.
 */
import { defineMessages, MessageParams } from './catalogue';

const num = (v: MessageParams[string]) => Number(String(v ?? '0').replace(/\D/g, ''));
const de = {
  persons: (v: MessageParams[string]) => (num(v) === 1 ? '1 Person' : `${v} Personen`),
  days: (n: number) => (n === 1 ? '1 Tag' : `${n} Tagen`),
  additions: (v: MessageParams[string]) => (num(v) === 1 ? '1 Nachtrag' : `${v} Nachträge`),
};
const en = {
  persons: (v: MessageParams[string]) => (num(v) === 1 ? '1 person' : `${v} persons`),
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  additions: (v: MessageParams[string]) => (num(v) === 1 ? '1 addition' : `${v} additions`),
};

export const questionMessages = defineMessages({
  'q.unknown': {
    de: (p) => `Das habe ich leider nicht verstanden. Sie können zum Beispiel fragen: ${p.examples}`,
    en: (p) => `Sorry, I did not understand that. You can ask, for example: ${p.examples}`,
  },
  'q.noCampaign': {
    de: (p) => (p.year ? `Für das Berechnungsjahr ${p.year} ist noch keine Kampagne angelegt; es gibt noch keine Zahlen.` : 'Es ist noch keine Kampagne angelegt; es gibt noch keine Zahlen.'),
    en: (p) => (p.year ? `No campaign has been created for ${p.year} yet, so there are no figures.` : 'No campaign has been created yet, so there are no figures.'),
  },
  'q.purged.note': {
    de: (p) => `Die Personendaten des Berechnungsjahres ${p.year} wurden am ${p.date} gelöscht; erhalten sind nur diese Zahlen.`,
    en: (p) => `The personal data of ${p.year} was deleted on ${p.date}; only these figures are kept.`,
  },
  'q.purged': {
    de: (p) => `Die Personendaten des Berechnungsjahres ${p.year} sind gelöscht, die Listen gibt es nicht mehr. Erhalten sind die Zahlen: Fragen Sie zum Beispiel „Förderung ${p.year}“.`,
    en: (p) => `The personal data of ${p.year} has been deleted, so the lists are gone. The figures are kept: ask, for example, "funding ${p.year}".`,
  },
  'q.notImported': {
    de: (p) => `Für das Berechnungsjahr ${p.year} sind die Listen noch nicht importiert; Zahlen gibt es erst danach.`,
    en: (p) => `The lists for ${p.year} have not been imported yet; figures will follow.`,
  },
  'q.noPersons': {
    de: (p) => `Eine Verteilung für ${p.year} ist noch nicht möglich: im ganzen Landkreis ist bisher keine Person gezählt.`,
    en: (p) => `No allocation for ${p.year} is possible yet: no person is counted in the whole district so far.`,
  },
  'q.otherNotPublished': {
    de: (p) => `Die Förderung von ${p.name} zeigt die Übersicht allen Gemeinden, sobald sie veröffentlicht ist (geplant bis ${p.date}); bis dahin nenne ich Ihnen nur die Ihrer eigenen Gemeinde.`,
    en: (p) => `The overview shows ${p.name}'s funding to all municipalities once it is published (planned by ${p.date}); until then I can only tell you your own municipality's.`,
  },
  'q.sharedNotPublished': {
    de: (p) => `Hier lesen andere Gemeinden mit: Die Förderung von ${p.name} nenne ich hier erst, wenn die Übersicht veröffentlicht ist (geplant bis ${p.date}); im persönlichen Chat mit mir sofort.`,
    en: (p) => `Other municipalities read along here: I post ${p.name}'s funding here only once the overview is published (planned by ${p.date}); in our personal chat right away.`,
  },
  'q.otherGemeinde': {
    de: (p) => `Bitte haben Sie Verständnis: Von ${p.name} kann ich Ihnen nur die Förderung und die Personenzahl nennen, wie die Übersicht sie allen Gemeinden zeigt (zum Beispiel „Förderung ${p.name}“); alles Weitere nur für Ihre eigene Gemeinde.`,
    en: (p) => `Sorry, about ${p.name} I can only tell you its funding and its number of persons as the overview shows them to all municipalities (for example "funding ${p.name}"); everything else only for your own municipality.`,
  },
  'q.koordinationOnly': {
    de: () => 'Bitte haben Sie Verständnis: Angaben über alle Gemeinden gibt es nur für die Koordinierungsstelle. Fragen Sie gern nach Ihrer eigenen Gemeinde, zum Beispiel „Wie hoch ist unsere Förderung?“',
    en: () => 'Sorry, figures for all municipalities are for the coordinating office only. Feel free to ask about your own municipality, for example "What is our expected funding?"',
  },
  'q.noGemeinde': {
    de: () => 'Ihr Zugang ist keiner Gemeinde zugeordnet. Bitte wenden Sie sich an die Koordinierungsstelle im Landratsamt.',
    en: () => 'Your access is not assigned to a municipality. Please contact the coordinating office at the Landratsamt.',
  },
  'q.stadtkreis': {
    de: () => 'Heilbronn ist ein eigener Stadtkreis und gehört nicht zum Landkreis Heilbronn; für die Stadt Heilbronn gibt es hier keine Zahlen. Gemeint ist vielleicht eine der Städte und Gemeinden des Landkreises?',
    en: () => 'Heilbronn is a separate city district and not part of the Landkreis Heilbronn, so there are no figures for it here. Did you mean one of the district\'s towns and municipalities?',
  },
  'q.sharedDecisionPersonal': {
    de: () => 'Hier lesen andere Gemeinden mit: Was eine Gemeinde entschieden hat und was eine Stelle für sie kostet, nenne ich nur im persönlichen Chat („entscheidung“).',
    en: () => 'Other municipalities read along here: what a municipality decided and what a position costs it, I only tell you in our personal chat ("decision").',
  },
  'q.districtInPersonalChat': {
    de: () => 'Angaben über alle Gemeinden gebe ich hier nicht aus, weil alle Gemeinden mitlesen – bitte fragen Sie mich im persönlichen Chat oder im Kanal der Koordinierungsstelle.',
    en: () => 'I do not post figures for all municipalities here, where every municipality reads along – please ask me in our personal chat or in the coordinating office\'s channel.',
  },
  'q.nameAGemeinde': {
    de: () => 'Für eine einzelne Gemeinde nennen Sie bitte ihren Namen, zum Beispiel „Förderung Eppingen“.',
    en: () => 'For a single municipality, please name it, for example "funding Eppingen".',
  },

  'q.funding.amount': {
    de: (p) => `Förderung für ${p.name}, Berechnungsjahr ${p.year}: ${p.amount} für ${de.persons(p.persons)}, das sind ${p.vzae} VZÄ bei ${p.eurPerVzae} je VZÄ.`,
    en: (p) => `Funding for ${p.name}, year ${p.year}: ${p.amount} for ${en.persons(p.persons)}, that is ${p.vzae} FTE at ${p.eurPerVzae} per FTE.`,
  },
  'q.funding.listChanged': {
    de: (p) => `Die Liste von ${p.name} hat sich seit der Veröffentlichung geändert (jetzt ${de.persons(p.persons)}); der Betrag gilt, bis die Koordinierungsstelle erneut veröffentlicht.`,
    en: (p) => `The list of ${p.name} has changed since publication (now ${en.persons(p.persons)}); the amount stands until the coordinating office publishes again.`,
  },
  'q.gap.short': {
    de: (p) => `${p.minVzae} VZÄ kosten ${p.cost}; es fehlen ${p.missing}.`,
    en: (p) => `${p.minVzae} FTE cost ${p.cost}; ${p.missing} short.`,
  },
  'q.gap.covered': {
    de: (p) => `Der Anteil deckt ${p.minVzae} VZÄ (${p.cost}).`,
    en: (p) => `The share covers ${p.minVzae} FTE (${p.cost}).`,
  },
  'q.published': {
    de: (p) => `Stand: veröffentlicht am ${p.date}.`,
    en: (p) => `As published on ${p.date}.`,
  },
  'q.provisional': {
    de: (p) => `Die Zahlen sind vorläufig: ${p.reasons}.`,
    en: (p) => `The figures are provisional: ${p.reasons}.`,
  },
  'q.reason.notPublished': {
    de: () => 'die Übersicht ist noch nicht veröffentlicht',
    en: () => 'the overview has not been published yet',
  },
  'q.reason.publishedProvisional': {
    de: (p) => `am ${p.date} ausdrücklich als vorläufig veröffentlicht`,
    en: (p) => `published on ${p.date} explicitly as provisional`,
  },
  'q.reason.openLists': {
    de: (p) => `${p.open} von ${p.total} Listen ${num(p.open) === 1 ? 'ist' : 'sind'} noch nicht eingereicht${p.own ? `, darunter die von ${p.own}` : ''}`,
    en: (p) => `${p.open} of ${p.total} lists ${num(p.open) === 1 ? 'has' : 'have'} not been submitted yet${p.own ? `, including that of ${p.own}` : ''}`,
  },
  'q.reason.completeSince': {
    de: () => 'seither sind alle Listen eingereicht und geprüft, die endgültigen Zahlen gelten mit der nächsten Veröffentlichung',
    en: () => 'all lists have been submitted and checked since; the final figures count from the next publication',
  },
  'q.reason.pending': {
    de: (p) => `${de.additions(p.pending)} ${num(p.pending) === 1 ? 'wird' : 'werden'} noch geprüft`,
    en: (p) => `${en.additions(p.pending)} still to be checked`,
  },

  'q.persons.counts': {
    de: (p) => `Liste von ${p.name}, Berechnungsjahr ${p.year}: ${p.listed} aufgeführt, ${p.struck} gestrichen, ${p.added} nachgetragen; das ergibt ${de.persons(p.persons)} zum Stichtag ${p.stichtag}.`,
    en: (p) => `List of ${p.name}, year ${p.year}: ${p.listed} listed, ${p.struck} struck, ${p.added} added; that makes ${en.persons(p.persons)} at the cut-off date ${p.stichtag}.`,
  },
  'q.persons.pending': {
    de: (p) => `${de.additions(p.pending)} ${num(p.pending) === 1 ? 'wartet' : 'warten'} noch auf die Prüfung durch die Koordinierungsstelle und ${num(p.pending) === 1 ? 'zählt' : 'zählen'} erst danach.`,
    en: (p) => (num(p.pending) === 1 ? `${en.additions(p.pending)} still awaits the coordinating office's check and counts only after it.` : `${en.additions(p.pending)} still await the coordinating office's check and count only after it.`),
  },
  'q.persons.notFinal': {
    de: () => 'Die Liste ist noch nicht eingereicht; die Zahl kann sich noch ändern.',
    en: () => 'The list has not been submitted yet; the number may still change.',
  },

  'q.status.state': {
    de: (p) => `Die Liste von ${p.name} (Berechnungsjahr ${p.year}) ist ${p.state}${p.date ? ` (am ${p.date})` : ''}.`,
    en: (p) => `The list of ${p.name} (year ${p.year}) is ${p.state}${p.date ? ` (on ${p.date})` : ''}.`,
  },
  'q.status.notSent': {
    de: (p) => `Die Koordinierungsstelle hat die Liste noch nicht versendet; Abgabefrist ist der ${p.date}.`,
    en: (p) => `The coordinating office has not sent the list yet; it is due on ${p.date}.`,
  },
  'q.status.due': {
    de: (p) => {
      const d = Number(p.daysLeft);
      return `Abgabefrist: ${p.date} (${d > 0 ? `noch ${d === 1 ? '1 Tag' : `${d} Tage`}` : d === 0 ? 'heute' : `seit ${de.days(-d)} überfällig`}).`;
    },
    en: (p) => {
      const d = Number(p.daysLeft);
      return `Due: ${p.date} (${d > 0 ? `${en.days(d)} left` : d === 0 ? 'today' : `${en.days(-d)} overdue`}).`;
    },
  },
  'q.status.todo': {
    de: (p) => `Es fehlt noch: ${p.items}.`,
    en: (p) => `Still missing: ${p.items}.`,
  },
  'q.status.complete': {
    de: () => 'Es fehlt nichts mehr.',
    en: () => 'Nothing is missing.',
  },
  'q.status.awaitPublication': {
    de: (p) => `Die Koordinierungsstelle veröffentlicht die Übersicht voraussichtlich am ${p.date}.`,
    en: (p) => `The coordinating office expects to publish the overview on ${p.date}.`,
  },
  'q.todo.submit': { de: () => 'die Liste prüfen und einreichen', en: () => 'check and submit the list' },
  'q.todo.pending': {
    de: (p) => `die Prüfung von ${de.additions(p.pending)} durch die Koordinierungsstelle`,
    en: (p) => `the coordinating office's check of ${en.additions(p.pending)}`,
  },
  'q.todo.decision': {
    de: (p) => `die Entscheidung zu Schritt B (Landkreis, in eigener Verantwortung oder Verbund) bis ${p.date}`,
    en: (p) => `the step B decision (district, own position or joint position) by ${p.date}`,
  },
  'q.todo.verbund': {
    de: () => 'die Bestätigung des Verbunds durch alle Partner',
    en: () => 'confirmation of the joint position by all partners',
  },

  'q.deadlines.head': { de: (p) => `Fristen für das Berechnungsjahr ${p.year}:`, en: (p) => `Deadlines for the year ${p.year}:` },
  'q.deadlines.review': {
    de: (p) => `Liste prüfen und zurücksenden: bis ${p.date}${p.past ? ' (abgelaufen)' : ''}`,
    en: (p) => `Check and return the list: by ${p.date}${p.past ? ' (passed)' : ''}`,
  },
  'q.deadlines.publication': {
    de: (p) => `Veröffentlichung der Übersicht: ${p.date}${p.past ? ' (vorbei)' : ''}`,
    en: (p) => `Publication of the overview: ${p.date}${p.past ? ' (passed)' : ''}`,
  },
  'q.deadlines.decision': {
    de: (p) => `Entscheidung zu Schritt B (Landkreis, in eigener Verantwortung oder Verbund): bis ${p.date}${p.past ? ' (abgelaufen)' : ''}`,
    en: (p) => `Step B decision (district, own position or joint position): by ${p.date}${p.past ? ' (passed)' : ''}`,
  },
  'q.deadlines.extension': {
    de: (p) => `Für ${p.name} ist die Abgabefrist verlängert bis ${p.date}.`,
    en: (p) => `For ${p.name} the deadline has been extended to ${p.date}.`,
  },
  'q.deadlines.period': {
    de: (p) => `Gezählt werden Personen mit Zuweisung vom ${p.start} bis ${p.end}; Stichtag ist der ${p.stichtag}.`,
    en: (p) => `Persons assigned from ${p.start} to ${p.end} count; the cut-off date is ${p.stichtag}.`,
  },

  'q.options.intro': {
    de: () => 'Schritt B: Wer macht das Integrationsmanagement in Ihrer Gemeinde? Es gibt drei Möglichkeiten.',
    en: () => 'Step B: who does the Integrationsmanagement in your municipality? There are three options.',
  },
  'q.options.landkreis': {
    de: () => 'Landkreis (Standard, auch ohne Entscheidung): Das Team des Landratsamts übernimmt die Arbeit in Ihrer Gemeinde; für die Gemeinde entsteht kein Aufwand.',
    en: () => 'District (the default, also without a decision): the Landratsamt\'s team does the work in your municipality; no effort for the municipality.',
  },
  'q.options.eigenstaendig': {
    de: (p) =>
      `In eigener Verantwortung: Die Gemeinde beschäftigt selbst eine Stelle von mindestens ${p.minVzae} VZÄ, auf Wunsch mit Eigenmitteln aufgestockt oder an einen Träger der freien Wohlfahrtspflege übertragen. Die Gemeinde trägt dann das Risiko: Die Förderung ändert sich jedes Jahr mit dem Landeshaushalt und der Personenzahl, eine unbesetzte Stelle bedeutet keine Betreuung, und jedes Jahr ist ein Verwendungsnachweis an die Koordinierungsstelle fällig.`,
    en: (p) =>
      `Own position (eigenständig): the municipality employs a position of at least ${p.minVzae} FTE itself, topped up with its own money (Eigenmittel) if it wishes, or passed on to a welfare organisation (Träger). The municipality then carries the risk: funding changes every year with the state budget and the count, a vacancy means no service, and each year it must prove how the money was used (Verwendungsnachweis) to the coordinating office.`,
  },
  'q.options.verbund': {
    de: (p) => `Verbund: Mehrere Gemeinden tragen gemeinsam eine Stelle von mindestens ${p.minVzae} VZÄ; ihre Anteile werden zusammengelegt.`,
    en: (p) => `Joint position (Verbund): several municipalities carry one position of at least ${p.minVzae} FTE together; their shares are pooled.`,
  },
  'q.options.arguments': {
    de: () =>
      'Für den Landkreis spricht aus Sicht des Landratsamts: kein Steuerungsaufwand, Ausgleich von Schwankungen und unbesetzten Stellen im großen Team, Vertretung bei Urlaub und Krankheit, qualifizierte Fachkräfte mit Fortbildung, Integration aus einer Hand mit Flüchtlingssozialarbeit und Integrationsplanung, Supervision im Team. Dagegen: Die Gemeinde kann den Fachkräften in ihrem Gebiet keine Weisungen erteilen.',
    en: () =>
      'The Landratsamt\'s arguments for the district: no steering effort, fluctuations and vacancies balanced across a large team, cover during holidays and sickness, qualified staff with training, integration from one hand together with refugee social work and integration planning, team supervision. Against: the municipality cannot instruct the staff working in its area.',
  },
  'q.options.figures': {
    de: (p) => `Zahlen für ${p.name}: Anteil ${p.amount}, das sind ${p.vzae} VZÄ.`,
    en: (p) => `Figures for ${p.name}: share ${p.amount}, that is ${p.vzae} FTE.`,
  },
  'q.options.hintShort': {
    de: () => 'In eigener Verantwortung ginge es also nur im Verbund oder mit Eigenmitteln.',
    en: () => 'An own position would therefore need a joint position or own money.',
  },
  'q.options.hintCovered': {
    de: (p) => `Der Anteil allein reicht für eine Stelle von ${p.minVzae} VZÄ.`,
    en: (p) => `The share alone pays for a position of ${p.minVzae} FTE.`,
  },
  'q.options.decision': {
    de: (p) => `Entscheidung von ${p.name} bisher: ${p.choice}; Frist ${p.date}.`,
    en: (p) => `Decision of ${p.name} so far: ${p.choice}; deadline ${p.date}.`,
  },
  'q.options.defaulted': {
    de: (p) => `Die Frist ist am ${p.date} ohne Entscheidung abgelaufen: Das Integrationsmanagement in ${p.name} macht der Landkreis.`,
    en: (p) => `The deadline passed on ${p.date} without a decision: the district does the Integrationsmanagement in ${p.name}.`,
  },
  'q.options.position': {
    de: (p) => `Die Stelle von ${p.position} VZÄ kostet ${p.cost}; Anteil${p.members ? 'e' : ''} zusammen ${p.funded}; es fehlen ${p.missing}, erklärte Eigenmittel ${p.declared}${p.covered ? ' (gedeckt)' : ' (nicht gedeckt)'}.`,
    en: (p) => `The position of ${p.position} FTE costs ${p.cost}; share${p.members ? 's' : ''} together ${p.funded}; ${p.missing} short, own money declared ${p.declared}${p.covered ? ' (covered)' : ' (not covered)'}.`,
  },
  'q.options.unconfirmed': {
    de: (p) => `Noch nicht bestätigt haben: ${p.names}.`,
    en: (p) => `Not confirmed yet by: ${p.names}.`,
  },

  'q.totals.persons': {
    de: (p) => `Landkreis gesamt, Berechnungsjahr ${p.year}: ${de.persons(p.persons)} zum Stichtag ${p.stichtag}; verteilt werden ${p.distributable}, das sind ${p.vzae} VZÄ bei ${p.eurPerVzae} je VZÄ.`,
    en: (p) => `Whole district, year ${p.year}: ${en.persons(p.persons)} at the cut-off date ${p.stichtag}; ${p.distributable} is distributed, that is ${p.vzae} FTE at ${p.eurPerVzae} per FTE.`,
  },
  'q.totals.deduction': {
    de: (p) => `Kreisbetrag ${p.kreisAmount}, davon vorab ${p.vorwegabzug} für die Koordinierungsstelle.`,
    en: (p) => `District amount ${p.kreisAmount}, of which ${p.vorwegabzug} is deducted first for the coordinating office.`,
  },
  'q.totals.changedSincePublication': {
    de: (p) => {
      const what = p.n ? `die Zahlen von ${num(p.n) === 1 ? '1 Gemeinde' : `${p.n} Gemeinden`}${p.parameters ? ' und die Parameter' : ''}` : 'die Parameter oder der Stand der Listen';
      return `Seit der Veröffentlichung haben sich ${what} geändert; „berechnen“ zeigt die aktuellen Zahlen, sie gelten mit der nächsten Veröffentlichung.`;
    },
    en: (p) => {
      const what = p.n ? `the figures of ${num(p.n) === 1 ? '1 municipality' : `${p.n} municipalities`}${p.parameters ? ' and the parameters' : ''}` : 'the parameters or the state of the lists';
      return `Since publication, ${what} changed; "calculate" shows the current figures, which count from the next publication.`;
    },
  },
  'q.totals.lists': {
    de: (p) => `Listen: ${p.submitted} von ${p.total} eingereicht, ${p.overdue} überfällig; ${de.additions(p.pending)} in Prüfung.`,
    en: (p) => `Lists: ${p.submitted} of ${p.total} submitted, ${p.overdue} overdue; ${en.additions(p.pending)} to be checked.`,
  },
  'q.totals.decisions': {
    de: (p) => `Entscheidungen: ${p.landkreis} Landkreis, ${p.eigenstaendig} in eigener Verantwortung, ${p.verbund} Verbund, ${p.offen} offen.`,
    en: (p) => `Decisions: ${p.landkreis} district, ${p.eigenstaendig} own position, ${p.verbund} joint position, ${p.offen} open.`,
  },

  'q.missing.none': {
    de: (p) => `Alle ${p.total} Listen für ${p.year} sind eingereicht.`,
    en: (p) => `All ${p.total} lists for ${p.year} have been submitted.`,
  },
  'q.missing.list': {
    de: (p) => `Noch nicht eingereicht (${p.open} von ${p.total}, Berechnungsjahr ${p.year}): ${p.names}.`,
    en: (p) => `Not submitted yet (${p.open} of ${p.total}, year ${p.year}): ${p.names}.`,
  },
  'q.undecided.list': {
    de: (p) => `Noch nicht entschieden (${p.open} von ${p.total}, Berechnungsjahr ${p.year}, Frist ${p.date}): ${p.names}.`,
    en: (p) => `No decision yet (${p.open} of ${p.total}, year ${p.year}, deadline ${p.date}): ${p.names}.`,
  },
  'q.undecided.defaulted': {
    de: (p) => `Ohne Entscheidung bis zum ${p.date} (${p.n}), das Integrationsmanagement macht dort der Landkreis: ${p.names}.`,
    en: (p) => `No decision by ${p.date} (${p.n}), so the district does the Integrationsmanagement there: ${p.names}.`,
  },
  'q.undecided.verbund': {
    de: (p) => `Verbund noch nicht von allen Partnern bestätigt: ${p.names}.`,
    en: (p) => `Joint position not yet confirmed by all partners: ${p.names}.`,
  },
  'q.undecided.none': {
    de: (p) => `Alle ${p.total} Gemeinden haben für ${p.year} entschieden.`,
    en: (p) => `All ${p.total} municipalities have decided for ${p.year}.`,
  },
  'q.undecided.notPublished': {
    de: () => 'Die Übersicht ist noch nicht veröffentlicht; die Gemeinden werden erst danach um ihre Entscheidung gebeten.',
    en: () => 'The overview has not been published yet; the municipalities are asked for their decision only after that.',
  },
  'q.missing.overdueMark': { de: (p) => `${p.name} (überfällig)`, en: (p) => `${p.name} (overdue)` },
  'q.missing.overdueCount': {
    de: (p) => `Davon überfällig: ${p.overdue}.`,
    en: (p) => `Overdue among them: ${p.overdue}.`,
  },
  'q.missing.pending': {
    de: (p) => `Außerdem ${num(p.pending) === 1 ? 'wartet' : 'warten'} ${de.additions(p.pending)} auf Ihre Prüfung: ${p.names}.`,
    en: (p) => `Also, ${en.additions(p.pending)} ${num(p.pending) === 1 ? 'awaits' : 'await'} your check: ${p.names}.`,
  },
});
