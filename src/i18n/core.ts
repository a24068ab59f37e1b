/** Messages of the procedure's rules: campaign, list review, allocation, decision, storage. */
import { formatDateFor } from '../domain/dates';
import { formatEuro } from '../domain/money';
import { defineMessages } from './catalogue';

const euro = (v: unknown, locale: 'de' | 'en' = 'de') => formatEuro(String(v ?? '0'), locale);

/**
 * The fields rules and forms name in German, in English; the procedure's own terms keep the German
 * word in brackets, as the English UI uses them.
 */
const FIELD_EN: Record<string, string> = {
  Geburtsdatum: 'date of birth',
  Zuweisungsdatum: 'assignment date',
  bis: 'until',
  VZÄ: 'FTE',
  Eigenmittel: 'own funds (Eigenmittel)',
  Kreisbetrag: 'district amount',
  Landesmittel: 'state funds (Landesmittel)',
  Zuteilungsquote: 'district quota (Zuteilungsquote)',
  Vorwegabzug: 'deduction in advance (Vorwegabzug)',
  'Kosten je VZÄ': 'cost per FTE',
};
/** Dates arrive as ISO days (or already written out); each language writes them its way. */
/** Names given one per line → "A", "A oder B", "A, B oder C". */
const oneOf = (names: unknown, or: string) => {
  const list = String(names).split('\n');
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${or} ${list[list.length - 1]}`;
};
const de = (date: unknown) => formatDateFor(String(date), 'de');
const en = (date: unknown) => formatDateFor(String(date), 'en');
const field = (p: { field?: unknown }) => FIELD_EN[String(p.field)] ?? String(p.field);
const Field = (p: { field?: unknown }) => field(p).charAt(0).toUpperCase() + field(p).slice(1);

export const coreMessages = defineMessages({
  'input.tooLong': {
    de: (p) => `Der Text ist zu lang (höchstens ${p.max} Zeichen).`,
    en: (p) => `The text is too long (at most ${p.max} characters).`,
  },
  'input.badDate': {
    de: (p) => `„${p.value}“ ist kein gültiges Datum (${p.field}); bitte im Format TT.MM.JJJJ angeben.`,
    en: (p) => `"${p.value}" is not a valid date (${field(p)}); please use DD.MM.YYYY.`,
  },
  'input.badAmount': {
    de: (p) => `„${p.value}“ ist kein gültiger Betrag (${p.field}).`,
    en: (p) => `"${p.value}" is not a valid amount (${field(p)}).`,
  },
  'auth.otherGemeinde': {
    de: () => 'Sie können nur die Daten Ihrer eigenen Gemeinde sehen und ändern.',
    en: () => "You can only see and change your own municipality's data.",
  },
  'auth.koordinationOnly': {
    de: () => 'Das darf nur die Koordinierungsstelle im Landratsamt.',
    en: () => 'Only the coordinating office at the Landratsamt may do this.',
  },
  'conflict.staleRevision': {
    de: () => 'Die Liste wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand und wiederholen Sie die Aktion.',
    en: () => 'The list has changed in the meantime. Please check the current state and try again.',
  },
  'campaign.notFound': {
    de: (p) => `Für das Berechnungsjahr ${p.year} ist keine Kampagne angelegt.`,
    en: (p) => `No campaign has been created for the year ${p.year}.`,
  },
  'campaign.exists': {
    de: (p) => `Für das Berechnungsjahr ${p.year} ist bereits eine Kampagne angelegt. Ändern können Sie sie auf der Kommandozeile: „intm campaign update --year ${p.year} …“.`,
    en: (p) => `A campaign for ${p.year} already exists. You can change it on the command line: "intm campaign update --year ${p.year} …".`,
  },
  'campaign.badYear': {
    de: (p) => `„${p.year}“ ist kein gültiges Berechnungsjahr (2020–2100).`,
    en: (p) => `"${p.year}" is not a valid year (2020–2100).`,
  },
  'campaign.notANumber': {
    de: (p) => `${p.field}: keine gültige Zahl.`,
    en: (p) => `${Field(p)}: not a valid number.`,
  },
  'campaign.mustBePositive': {
    de: (p) => `${p.field} muss größer als 0 sein.`,
    en: (p) => `${Field(p)} must be greater than 0.`,
  },
  'campaign.amountEitherOr': {
    de: () => 'Bitte geben Sie entweder den Kreisbetrag an oder die Landesmittel zusammen mit der Zuteilungsquote.',
    en: () => 'Please give either the district amount, or the state total together with the allocation quota.',
  },
  'campaign.amountCents': {
    de: (p) => `${p.field}: höchstens zwei Nachkommastellen (Cent).`,
    en: (p) => `${Field(p)}: at most two decimal places (cents).`,
  },
  'campaign.quoteRange': {
    de: () => 'Die Zuteilungsquote ist ein Prozentsatz zwischen 0 und 100.',
    en: () => 'The allocation quota is a percentage between 0 and 100.',
  },
  'campaign.badUnit': {
    de: () => 'Die Rundungseinheit ist 1 (ganze Euro) oder 0.01 (Cent).',
    en: () => 'The rounding unit is 1 (whole euros) or 0.01 (cents).',
  },
  'campaign.deductionEitherOr': {
    de: () => 'Den Vorwegabzug bitte entweder als Betrag oder als Prozentsatz angeben, nicht beides.',
    en: () => 'Give the pre-deduction either as an amount or as a percentage, not both.',
  },
  'campaign.deductionRange': {
    de: () => 'Der Vorwegabzug muss kleiner als der Kreisbetrag sein.',
    en: () => 'The pre-deduction must be smaller than the district amount.',
  },
  'campaign.periodOrder': {
    de: (p) => `Der Betrachtungszeitraum beginnt (${de(p.start)}) nach seinem Ende (${de(p.end)}).`,
    en: (p) => `The reference period starts (${en(p.start)}) after it ends (${en(p.end)}).`,
  },
  'campaign.stichtagBeforePeriod': {
    de: (p) =>
      `Der Stichtag ${de(p.stichtag)} liegt vor dem Ende des Betrachtungszeitraums (${de(p.end)}). Gezählt wird am Stichtag; wählen Sie ihn nicht vor dem Ende des Zeitraums, oder kürzen Sie den Zeitraum.`,
    en: (p) =>
      `The cut-off date ${en(p.stichtag)} lies before the end of the reference period (${en(p.end)}). Persons are counted at the cut-off date; choose it no earlier than the end of the period, or shorten the period.`,
  },
  'campaign.deadlineOrder': {
    de: () => 'Die Fristen müssen in dieser Reihenfolge liegen: Versand, Rückmeldung, Veröffentlichung, Entscheidung.',
    en: () => 'The deadlines must be in this order: sending, review, publication, decision.',
  },
  'campaign.deadlineBeforeStichtag': {
    de: (p) => `Die Listen können erst nach dem Stichtag ${de(p.stichtag)} versendet werden.`,
    en: (p) => `Lists can only be sent after the cut-off date ${en(p.stichtag)}.`,
  },
  'campaign.notMultipleOfUnit': {
    de: (p) =>
      `Der zu verteilende Betrag ${euro(p.amount)} ist kein Vielfaches der Rundungseinheit ${p.unit === '1' ? '1\u00a0€' : '0,01\u00a0€'}; die gerundeten Beträge könnten sich nicht exakt zu ihm aufaddieren. Bitte wählen Sie die Rundungseinheit 0,01\u00a0€ oder passen Sie Betrag bzw. Vorwegabzug an.`,
    en: (p) =>
      `The amount to distribute, ${euro(p.amount, 'en')}, is not a multiple of the rounding unit ${p.unit === '1' ? '€1' : '€0.01'}, so rounded amounts could not add up to it exactly. Choose the unit 0.01 or adjust the amount or pre-deduction.`,
  },
  'campaign.published': {
    de: (p) => `Die Übersicht für ${p.year} ist bereits veröffentlicht.`,
    en: (p) => `The overview for ${p.year} has already been published.`,
  },
  'campaign.periodFixedByImport': {
    de: (p) =>
      `Zeitraum und Stichtag bestimmen, wer auf den Listen ${p.year} steht, und die Listen sind schon importiert. Mit „Ersetzen“ (intm: --replace) werden die importierten Listen samt allen Bearbeitungen der Gemeinden und eine Veröffentlichung verworfen; danach den Export neu importieren.`,
    en: (p) =>
      `Period and cut-off date decide who is on the ${p.year} lists, and the lists are already imported. With "replace" (intm: --replace) the imported lists, everything the municipalities did on them and a publication are discarded; then import the export again.`,
  },
  'campaign.changedMeanwhile': {
    de: (p) => `Die Kampagne ${p.year} wurde inzwischen geändert. Bitte prüfen Sie sie (intm campaign show) und wiederholen Sie die Änderung.`,
    en: (p) => `The ${p.year} campaign has changed in the meantime. Please check it (intm campaign show) and repeat the change.`,
  },
  'campaign.changedDuringImport': {
    de: (p) => `Zeitraum oder Stichtag für ${p.year} wurden während des Imports geändert. Es wurde nichts gespeichert; bitte den Export erneut importieren.`,
    en: (p) => `The period or cut-off date for ${p.year} changed during the import. Nothing was stored; please import the export again.`,
  },
  'campaign.notImported': {
    de: (p) => `Für ${p.year} wurden noch keine Listen importiert.`,
    en: (p) => `No lists have been imported for ${p.year} yet.`,
  },
  'campaign.reviewStarted': {
    de: (p) =>
      `${Number(p.count) === 1 ? 'Eine Gemeinde hat ihre Liste' : `${p.count} Gemeinden haben ihre Listen`} bereits bearbeitet. Ein neuer Import würde diese Änderungen verwerfen; er ist nur mit ausdrücklicher Bestätigung („ersetzen“) möglich.`,
    en: (p) =>
      `${Number(p.count) === 1 ? 'One municipality has' : `${p.count} municipalities have`} already worked on their list. A new import would discard those changes; it needs explicit confirmation ("replace").`,
  },
  'publish.provisional': {
    de: (p) =>
      `Die Zahlen sind noch vorläufig: ${p.open} ${Number(p.open) === 1 ? 'Liste' : 'Listen'} nicht eingereicht, ${p.pending} ${Number(p.pending) === 1 ? 'Nachtrag' : 'Nachträge'} nicht entschieden. Veröffentlichen Sie erst danach oder ausdrücklich als vorläufig.`,
    en: (p) =>
      `The figures are still provisional: ${p.open} ${Number(p.open) === 1 ? 'list' : 'lists'} not submitted, ${p.pending} ${Number(p.pending) === 1 ? 'addition' : 'additions'} not decided. Publish afterwards, or explicitly as provisional.`,
  },
  'purge.tooEarly': {
    de: (p) =>
      `Die Personendaten des Berechnungsjahres ${p.year} können frühestens nach dessen Ende gelöscht werden (ab ${p.date}). Löschen Sie sie erst, wenn auch die Prüfung des Verwendungsnachweises abgeschlossen ist: Listen und Änderungsprotokoll sind dessen Nachweis.`,
    en: (p) =>
      `The personal data of ${p.year} can be deleted at the earliest after that year has ended (from ${p.date}). Delete it only once the audit of the Verwendungsnachweis is also complete: the lists and the change log are its evidence.`,
  },
  'purge.retention': {
    de: (p) =>
      `Die Personendaten des Berechnungsjahres ${p.year} sind bis ${p.until} aufzubewahren (Aufbewahrungsfrist der Kampagne: Nachweis für den Verwendungsnachweis und dessen Prüfung). Löschen lässt es sich ab ${p.from}.`,
    en: (p) =>
      `The personal data of ${p.year} must be kept until ${p.until} (the campaign's retention date: evidence for the Verwendungsnachweis and its audit). It can be deleted from ${p.from}.`,
  },
  'purge.reasonRequired': {
    de: () => 'Vorzeitiges Löschen braucht einen Grund; er wird im Änderungsprotokoll festgehalten.',
    en: () => 'Deleting early needs a reason; it is recorded in the change log.',
  },
  'campaign.retentionTooEarly': {
    de: (p) => `Die Aufbewahrungsfrist (${p.date}) darf nicht vor dem Ende des Berechnungsjahres ${p.year} liegen: Bis dahin läuft das Verfahren.`,
    en: (p) => `The retention date (${p.date}) must not be before the end of the Berechnungsjahr ${p.year}: the procedure runs until then.`,
  },
  'campaign.purged': {
    de: (p) => `Die Personendaten des Berechnungsjahres ${p.year} sind gelöscht; erhalten sind nur die Zahlen.`,
    en: (p) => `The personal data of ${p.year} has been deleted; only the figures are kept.`,
  },
  'gemeinde.unknownKey': {
    de: (p) => `Keine Gemeinde des Landkreises Heilbronn hat den Schlüssel bzw. Namen „${p.ags}“.${p.suggestion ? ` Meinten Sie ${oneOf(p.suggestion, 'oder')}?` : ''}`,
    en: (p) => `No municipality of the Landkreis Heilbronn has the key or name "${p.ags}".${p.suggestion ? ` Did you mean ${oneOf(p.suggestion, 'or')}?` : ''}`,
  },
  'list.notFound': {
    de: (p) => `Für die Gemeinde ${p.ags} gibt es im Berechnungsjahr ${p.year} keine Liste.`,
    en: (p) => `There is no list for municipality ${p.ags} in ${p.year}.`,
  },
  'list.personNotInYear': {
    de: (p) => `Eine Person mit der ID „${p.id}“ steht auf keiner Liste des Berechnungsjahres ${p.year}.`,
    en: (p) => `No list of ${p.year} holds a person with the ID "${p.id}".`,
  },
  'list.personNotFound': {
    de: () => 'Diese Person steht nicht auf der Liste Ihrer Gemeinde.',
    en: () => "This person is not on your municipality's list.",
  },
  'list.badReason': {
    de: (p) => `„${p.reason}“ ist kein Streichgrund. Möglich: weggezogen, verstorben, nicht-zugezogen, doppelt, sonstiges.`,
    en: (p) => `"${p.reason}" is not a reason for striking. Possible: weggezogen, verstorben, nicht-zugezogen, doppelt, sonstiges.`,
  },
  'list.strikeAddition': {
    de: () => 'Nachgetragene Personen werden nicht gestrichen, sondern mit „Rückgängig“ zurückgenommen.',
    en: () => 'Added persons are not struck; take them back with "Undo".',
  },
  'list.noteRequired': {
    de: () => 'Beim Grund „sonstiges“ geben Sie bitte in mindestens 3 Zeichen an, warum die Person gestrichen wird.',
    en: () => 'With the reason "other", please explain in at least 3 characters why the person is struck.',
  },
  'list.rejectNoteRequired': {
    de: () => 'Bitte begründen Sie die Ablehnung in mindestens 3 Zeichen; die Gemeinde sieht die Begründung.',
    en: () => 'Please give a reason for the rejection in at least 3 characters; the municipality sees it.',
  },
  'list.justificationRequired': {
    de: () => 'Bitte begründen Sie den Nachtrag (mindestens 10 Zeichen), damit die Koordinierungsstelle ihn prüfen kann.',
    en: () => 'Please justify the addition (at least 10 characters) so that the coordinating office can check it.',
  },
  'list.nameRequired': {
    de: (p) => `${p.field} fehlt.`,
    en: (p) => `${p.field === 'Nachname' ? 'Surname' : 'Given name'} is missing.`,
  },
  'list.locked': {
    de: (p) => `Die Liste wurde am ${de(p.date)} von ${p.name} eingereicht und ist gesperrt. Änderungen nur nach Wiedereröffnung durch die Koordinierungsstelle.`,
    en: (p) => `The list was submitted on ${en(p.date)} by ${p.name} and is locked. Changes only after the coordinating office reopens it.`,
  },
  'list.published': {
    de: () => 'Die Übersicht ist veröffentlicht; die Listen können nur noch von der Koordinierungsstelle geändert werden.',
    en: () => 'The overview has been published; only the coordinating office can still change lists.',
  },
  'list.deadlinePassed': {
    de: (p) => `Die Frist für die Rückmeldung ist am ${de(p.date)} abgelaufen. Bitte wenden Sie sich an die Koordinierungsstelle, wenn Sie noch etwas ändern müssen.`,
    en: (p) => `The deadline for returning the list passed on ${en(p.date)}. Please contact the coordinating office if you still need to change something.`,
  },
  'list.parentNotFound': {
    de: () => 'Der angegebene Elternteil steht nicht auf der Liste Ihrer Gemeinde.',
    en: () => "The parent given is not on your municipality's list.",
  },
  'list.parentNotActive': {
    de: () => 'Der angegebene Elternteil ist gestrichen oder nicht gezählt; ein Kind kann nur zu einer gezählten Person nachgetragen werden.',
    en: () => 'The parent given is struck or not counted; a child can only be added to a counted person.',
  },
  'list.birthInFuture': {
    de: () => 'Das Geburtsdatum liegt in der Zukunft.',
    en: () => 'The date of birth lies in the future.',
  },
  'list.childBornBeforeAssignment': {
    de: (p) => `Nachgeborene Kinder müssen nach der Zuweisung des Elternteils (${de(p.date)}) geboren sein. Früher geborene Kinder stehen bereits auf der Liste oder sind als Familiennachzug nachzutragen.`,
    en: (p) => `Children born later must be born after the parent's assignment (${en(p.date)}). Children born earlier are on the list already or must be added as family reunification.`,
  },
  'list.childAfterStichtag': {
    de: (p) => `Das Kind ist nach dem Stichtag ${de(p.date)} geboren und zählt in diesem Jahr nicht.`,
    en: (p) => `The child was born after the cut-off date ${en(p.date)} and does not count this year.`,
  },
  'list.bornAfterAssignment': {
    de: () => 'Das Geburtsdatum liegt nach dem Zuweisungsdatum.',
    en: () => 'The date of birth lies after the assignment date.',
  },
  'list.assignmentOutsidePeriod': {
    de: (p) => `Das Zuweisungsdatum liegt außerhalb des Betrachtungszeitraums ${de(p.start)}–${de(p.end)}.`,
    en: (p) => `The assignment date lies outside the reference period ${en(p.start)}–${en(p.end)}.`,
  },
  'list.duplicateAddition': {
    de: () => 'Diese Person steht schon auf der Liste (gleicher Vorname und gleiches Geburtsdatum).',
    en: () => 'This person is on the list already (same given name and date of birth).',
  },
  'list.notPendingAddition': {
    de: () => 'Nur nachgetragene weitere Personen werden von der Koordinierungsstelle angenommen oder abgelehnt.',
    en: () => 'Only additional persons added by the municipality are accepted or rejected by the coordinating office.',
  },
  'list.additionWithdrawn': {
    de: () => 'Die Gemeinde hat diesen Nachtrag zurückgenommen.',
    en: () => 'The municipality has withdrawn this addition.',
  },
  'list.extensionInPast': {
    de: () => 'Die neue Frist liegt in der Vergangenheit.',
    en: () => 'The new deadline lies in the past.',
  },
  'list.extensionRequired': {
    de: (p) => `Die Frist ist am ${de(p.date)} abgelaufen: bitte geben Sie eine neue Frist an, damit die Gemeinde die Liste bearbeiten kann.`,
    en: (p) => `The deadline passed on ${en(p.date)}: please give a new deadline so the municipality can work on the list.`,
  },
  'allocation.noPersons': {
    de: () => 'Im ganzen Landkreis ist keine Person gezählt; ohne Personen lässt sich nichts verteilen.',
    en: () => 'No person is counted in the whole district; nothing can be distributed without persons.',
  },
  'allocation.badCount': {
    de: (p) => `Ungültige Personenzahl für ${p.ags}.`,
    en: (p) => `Invalid number of persons for ${p.ags}.`,
  },
  'decision.badChoice': {
    de: (p) => `„${p.choice}“ ist keine Wahl. Möglich: landkreis, eigenstaendig (in eigener Verantwortung), verbund.`,
    en: (p) => `"${p.choice}" is not a choice. Possible: landkreis, eigenstaendig, verbund.`,
  },
  'decision.overrideReasonRequired': {
    de: (p) => `Die Entscheidungsfrist ist am ${de(p.date)} abgelaufen: Bitte geben Sie an, warum die Koordinierungsstelle die Entscheidung jetzt noch ändert (mindestens 3 Zeichen, z. B. „Schreiben vom …“); die Begründung steht im Protokoll.`,
    en: (p) => `The decision deadline passed on ${en(p.date)}: please state why the coordinating office still changes the decision (at least 3 characters, e.g. "letter of …"); the reason goes into the audit log.`,
  },
  'decision.locked': {
    de: (p) => `Die Frist für die Entscheidung ist am ${de(p.date)} abgelaufen; Änderungen nur noch durch die Koordinierungsstelle.`,
    en: (p) => `The deadline for the decision passed on ${en(p.date)}; only the coordinating office can still change it.`,
  },
  'decision.negative': {
    de: (p) => `${p.field} darf nicht negativ sein.`,
    en: (p) => `${Field(p)} must not be negative.`,
  },
  'decision.landkreisNoPosition': {
    de: () => 'Bei der Wahl „Landkreis“ werden keine Stelle und keine Partner angegeben.',
    en: () => 'With the choice "Landkreis" no position and no partners are given.',
  },
  'decision.positionRequired': {
    de: () => 'Bitte geben Sie den Stellenumfang in VZÄ an (mindestens 0,5).',
    en: () => 'Please give the size of the position in FTE (at least 0.5).',
  },
  'decision.positionTooSmall': {
    de: () => 'In eigener Verantwortung geht es nur mit einer Stelle von mindestens 50\u00a0% (0,5\u00a0VZÄ), allein oder im Verbund.',
    en: () => 'Doing it yourself requires a position of at least 50 % (0.5 FTE), alone or jointly.',
  },
  'decision.amountTooLarge': {
    de: (p) => `${p.field}: höchstens ${euro(p.max)} – bitte prüfen Sie den Betrag.`,
    en: (p) => `${Field(p)}: at most ${euro(p.max, 'en')} – please check the amount.`,
  },
  'decision.positionTooLarge': {
    de: () => 'Der Stellenumfang ist unplausibel groß.',
    en: () => 'The size of the position is implausibly large.',
  },
  'decision.partnersRequired': {
    de: () => 'Ein Verbund braucht mindestens eine Partnergemeinde.',
    en: () => 'A joint position needs at least one partner municipality.',
  },
  'decision.partnersOnlyForVerbund': {
    de: () => 'Partnergemeinden gibt es nur bei der Wahl „Verbund“.',
    en: () => 'Partner municipalities only go with the choice "Verbund".',
  },
  'decision.partnerSelf': {
    de: () => 'Die eigene Gemeinde ist kein Partner ihres Verbunds.',
    en: () => 'A municipality is not a partner of its own joint position.',
  },
  'decision.partnerIsLead': {
    de: (p) => `Die Gemeinde ${p.ags} hat selbst einen Verbund vorgeschlagen; sie muss diesen erst zurücknehmen.`,
    en: (p) => `Municipality ${p.ags} has proposed a joint position itself; it must withdraw it first.`,
  },
  'decision.partnerInOtherVerbund': {
    de: (p) => `Die Gemeinde ${p.ags} hat bereits einen anderen Verbund bestätigt.`,
    en: (p) => `Municipality ${p.ags} has already confirmed another joint position.`,
  },
  'decision.noSuchVerbund': {
    de: () => 'Diese Gemeinde hat keinen Verbund mit Ihrer Gemeinde vorgeschlagen.',
    en: () => 'This municipality has not proposed a joint position with yours.',
  },
  'decision.proposalChanged': {
    de: () => 'Der Vorschlag für den Verbund wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Vorschlag und bestätigen Sie ihn erneut.',
    en: () => 'The proposal for the joint position has changed in the meantime. Please check the current proposal and confirm it again.',
  },
  'roster.badObjectId': {
    de: (p) => `„${p.value}“ ist keine Entra-Objekt-ID (Format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
    en: (p) => `"${p.value}" is not an Entra object id (format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
  },
  'roster.agsRequired': {
    de: () => 'Bitte geben Sie die Gemeinde an, zu der die Person gehört.',
    en: () => 'Please name the municipality the person belongs to.',
  },
  'roster.noAgsForKoordination': {
    de: () => 'Die Koordinierungsstelle gehört zu keiner Gemeinde.',
    en: () => 'The coordinating office belongs to no municipality.',
  },
  'storage.corrupt': {
    de: (p) => `Die Datei ${p.file} im Datenverzeichnis ist beschädigt. Bitte aus der Sicherung wiederherstellen.`,
    en: (p) => `The file ${p.file} in the data directory is damaged. Please restore it from the backup.`,
  },
  'storage.newerSchema': {
    de: (p) => `Das Datenverzeichnis stammt von einer neueren Version (Schema ${p.found}, diese Version kennt ${p.known}). Bitte aktualisieren Sie IntM-Bot.`,
    en: (p) => `The data directory comes from a newer version (schema ${p.found}, this version knows ${p.known}). Please update IntM-Bot.`,
  },
  'storage.busy': {
    de: () => 'Die Daten sind gerade durch einen anderen Vorgang gesperrt. Bitte versuchen Sie es gleich noch einmal.',
    en: () => 'The data is locked by another operation right now. Please try again in a moment.',
  },
  'storage.unavailable': {
    de: () => 'Die Datenbank ist nicht erreichbar. Der Vorgang wurde nicht ausgeführt; bitte versuchen Sie es in einigen Minuten noch einmal oder wenden Sie sich an den Betrieb.',
    en: () => 'The database cannot be reached. Nothing was changed; please try again in a few minutes or contact the operators.',
  },
  'storage.badUrl': {
    de: (p) => `Die Datenbank-URL (INTM_DATABASE_URL) ist nicht verwendbar: ${p.reason} (${p.url}).`,
    en: (p) => `The database URL (INTM_DATABASE_URL) cannot be used: ${p.reason} (${p.url}).`,
  },
  'storage.newerDatabase': {
    de: (p) => `Die Datenbank stammt von einer neueren Version von IntM-Bot (Schema ${p.found}, diese Version kennt ${p.known}). Bitte aktualisieren Sie IntM-Bot; die Datenbank bleibt unverändert.`,
    en: (p) => `The database comes from a newer version of IntM-Bot (schema ${p.found}, this version knows ${p.known}). Please update IntM-Bot; the database was left unchanged.`,
  },
  'store.targetNotEmpty': {
    de: (p) => `Das Ziel ${p.target} enthält bereits Daten (${p.what}). Kopiert wird nur in einen leeren Speicher; es wurde nichts verändert.`,
    en: (p) => `The target ${p.target} already holds data (${p.what}). A store is only copied into an empty one; nothing was changed.`,
  },
  'store.sameStore': {
    de: () => 'Quelle und Ziel sind derselbe Speicher.',
    en: () => 'Source and target are the same store.',
  },
  'store.copyMismatch': {
    de: (p) => `Nach dem Kopieren stimmen Quelle und Ziel nicht überein (${p.what}). Bitte das Ziel nicht verwenden und den Betrieb informieren.`,
    en: (p) => `After copying, source and target differ (${p.what}). Please do not use the target and inform the operators.`,
  },
});
