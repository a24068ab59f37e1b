/**
 * Texts of the Gemeinden channel's status card, the notices that go with sending the lists, and the
 * publication's reports (German first, formal "Sie"; English where Teams reports an English locale).
 */
import { formatDateFor } from '../domain/dates';
import { defineMessages } from './catalogue';

const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);
const de = (date: unknown) => formatDateFor(String(date), 'de');
const en = (date: unknown) => formatDateFor(String(date), 'en');

/** On the cards (spread into cardMessages). */
export const channelCardMessages = defineMessages({
  'channel.title': { de: (p) => `Personenlisten ${p.year}`, en: (p) => `Lists of persons ${p.year}` },
  'channel.asOf': {
    de: (p) => `Stand ${p.today} · Rückmeldung bis ${p.review}`,
    en: (p) => `As of ${p.today} · replies due by ${p.review}`,
  },
  'channel.published': {
    de: (p) => `Übersicht veröffentlicht am ${p.date} · Entscheidung bis ${p.decision}`,
    en: (p) => `Overview published on ${p.date} · decision due by ${p.decision}`,
  },
  'channel.hint': {
    de: () => 'Ihre Liste öffnen Sie mit „Meine Liste öffnen“; nur Sie sehen sie.',
    en: () => 'Open your list with "Open my list"; only you see it.',
  },
  'channel.colGemeinde': { de: () => 'Gemeinde', en: () => 'Municipality' },
  'channel.colPersons': { de: () => 'Pers.', en: () => 'Pers.' },
  'channel.colDue': { de: () => 'Frist', en: () => 'Due' },
  'channel.colState': { de: () => 'Stand', en: () => 'Status' },
  'channel.colDecision': { de: () => 'Entscheidung', en: () => 'Decision' },
  'channel.submittedOn': { de: (p) => `eingereicht am ${p.date}`, en: (p) => `submitted on ${p.date}` },
  'channel.decisionOpen': { de: () => 'offen', en: () => 'open' },
  'channel.openMine': { de: () => 'Meine Liste öffnen', en: () => 'Open my list' },
  'channel.decideMine': { de: () => 'Meine Entscheidung öffnen', en: () => 'Open my decision' },
  'channel.chooseGemeinde': { de: () => 'Welche Gemeinde?', en: () => 'Which municipality?' },

  // The notice in a clerk's personal chat when her list is sent.
  'listNotice.title': { de: (p) => `Ihre Personenliste ${p.year} ist da`, en: (p) => `Your list of persons ${p.year} has arrived` },
  'listNotice.text': {
    de: (p) =>
      `Ihre Liste steht zur Prüfung bereit (${p.persons}\u00a0${plural(p.persons, 'Person', 'Personen')}). Bitte streichen Sie, wer zum Stichtag nicht mehr bei Ihnen gemeldet war, tragen Sie nachgeborene Kinder nach und reichen Sie die Liste bis ${de(p.due)} ein.`,
    en: (p) =>
      `Your list is ready for review (${p.persons}\u00a0${plural(p.persons, 'person', 'persons')}). Please strike anyone no longer registered with you at the cut-off date, add children born later and submit the list by ${en(p.due)}.`,
  },
  'listNotice.open': { de: () => 'Liste öffnen', en: () => 'Open list' },

  // The overview posted again after a re-publication: what changed.
  'overview.republished': {
    de: (p) =>
      `Neu veröffentlicht; ersetzt die Übersicht vom ${p.date}.` +
      (p.persons ? ` Geänderte Personenzahlen: ${p.persons}.` : '') +
      (p.parameters ? ' Geändert haben sich auch Betrag, Kosten je VZÄ oder Stichtag.' : '') +
      (Number(p.amounts) ? ` Dadurch ${plural(p.amounts, 'ändert sich der Betrag einer Gemeinde', `ändern sich die Beträge von ${p.amounts} Gemeinden`)}.` : '') +
      (p.final ? ' Die Zahlen sind jetzt endgültig.' : ''),
    en: (p) =>
      `Published again; replaces the overview of ${p.date}.` +
      (p.persons ? ` Changed numbers of persons: ${p.persons}.` : '') +
      (p.parameters ? ' The amount, the cost per FTE or the cut-off date changed too.' : '') +
      (Number(p.amounts) ? ` ${plural(p.amounts, 'One municipality\'s amount changes', `The amounts of ${p.amounts} municipalities change`)} as a result.` : '') +
      (p.final ? ' The figures are now final.' : ''),
  },
  // The allocation card after publication.
  'overview.unchangedSincePublication': {
    de: (p) => `Veröffentlicht am ${p.date}; seitdem hat sich nichts geändert.`,
    en: (p) => `Published on ${p.date}; nothing has changed since.`,
  },
  'overview.republishReason': { de: () => 'Grund der neuen Veröffentlichung (wird protokolliert)', en: () => 'Reason for publishing again (recorded in the audit log)' },
  'overview.republishReasonMissing': { de: () => 'Bitte geben Sie den Grund an.', en: () => 'Please give the reason.' },
  'overview.republish': { de: () => 'Neu veröffentlichen', en: () => 'Publish again' },
});

/** In chats (spread into the message catalogue). */
export const channelMessages = defineMessages({
  'bot.listsSending': {
    de: () => 'Ich versende jetzt die Listen: eine Statuskarte in den Kanal der Gemeinden und eine Nachricht an jede zugeordnete Mitarbeiterin und jeden zugeordneten Mitarbeiter. Ich melde mich, sobald alles zugestellt ist.',
    en: () => "Sending the lists now: one status card to the municipalities' channel and a message to each assigned member of staff. I will report when everything is out.",
  },
  'bot.listsSent': {
    de: (p) =>
      (p.channel === 'failed'
        ? `Die Statuskarte ${p.year} konnte nicht in den Kanal der Gemeinden gestellt werden; keine Liste ist versendet. Bitte versuchen Sie es später erneut mit „listen versenden“.`
        : `Listen ${p.year} versendet: Statuskarte im Kanal der Gemeinden ${p.channel === 'updated' ? 'aktualisiert' : 'gepostet'}; ${p.lists} ${plural(p.lists, 'Liste', 'Listen')} neu versendet.`) +
      (p.notified !== undefined ? ` Benachrichtigt im persönlichen Chat: ${p.notified} ${plural(p.notified, 'Person', 'Personen')}.` : '') +
      (p.failed ? ` Nachricht fehlgeschlagen: ${p.failed} (erneut „listen versenden“ schreibt nur diesen).` : '') +
      (p.unreachable ? ` Nicht erreichbar, Bot nicht installiert: ${p.unreachable}.` : '') +
      (p.noStaff ? ` Keine Mitarbeitenden zugeordnet: ${p.noStaffCount} ${plural(p.noStaffCount, 'Gemeinde', 'Gemeinden')}.` : ''),
    en: (p) =>
      (p.channel === 'failed'
        ? `The status card ${p.year} could not be posted to the municipalities' channel; no list has been sent. Please "send lists" again later.`
        : `Lists ${p.year} sent: status card in the municipalities' channel ${p.channel === 'updated' ? 'updated' : 'posted'}; ${p.lists} ${plural(p.lists, 'list', 'lists')} newly sent.`) +
      (p.notified !== undefined ? ` Notified in the personal chat: ${p.notified} ${plural(p.notified, 'person', 'persons')}.` : '') +
      (p.failed ? ` Message failed: ${p.failed} ("send lists" again writes only to these).` : '') +
      (p.unreachable ? ` Not reachable, bot not installed: ${p.unreachable}.` : '') +
      (p.noStaff ? ` No staff assigned: ${p.noStaffCount} ${plural(p.noStaffCount, 'municipality', 'municipalities')}.` : ''),
  },
  'bot.allocationPersonalOnly': {
    de: () => 'Die Verteilung zeige ich vor der Veröffentlichung nur der Koordinierungsstelle im persönlichen Chat, weil hier andere mitlesen. Schreiben Sie mir dort „berechnen“.',
    en: () => 'Before publication I show the distribution only to the coordinating office in the personal chat, because others read along here. Write "calculate" to me there.',
  },
  'bot.noOwnGemeinde': {
    de: () => 'Sie sind keiner Gemeinde zugeordnet, daher gibt es keine eigene Liste. Die Liste einer Gemeinde öffnet die Koordinierungsstelle mit „liste <Gemeinde>“; wer zu einer Gemeinde gehört, wendet sich an die Koordinierungsstelle.',
    en: () => 'You are not assigned to a municipality, so there is no list of your own. The coordinating office opens a municipality\'s list with "list <municipality>"; staff of a municipality please contact the coordinating office.',
  },
  'bot.distributed': {
    de: (p) =>
      `Verteilt: ${p.channelPosted ? 'Übersicht im Kanal der Gemeinden' : 'keine Übersicht im Kanal der Gemeinden (nicht registriert oder Senden fehlgeschlagen)'}; ` +
      `Entscheidungskarten zugestellt: ${p.delivered} an ${p.reached} ${plural(p.reached, 'Gemeinde', 'Gemeinden')}.` +
      (p.failed ? ` Zustellung fehlgeschlagen: ${p.failed} – bitte „Erneut senden“.` : '') +
      (p.unreachable ? ` Nicht erreichbar (keine Mitarbeitenden mit dem Bot): ${p.unreachableCount} ${plural(p.unreachableCount, 'Gemeinde', 'Gemeinden')}: ${p.unreachable}.` : ''),
    en: (p) =>
      `Handed out: ${p.channelPosted ? "overview in the municipalities' channel" : "no overview in the municipalities' channel (not registered, or posting failed)"}; ` +
      `decision cards delivered: ${p.delivered} to ${p.reached} ${plural(p.reached, 'municipality', 'municipalities')}.` +
      (p.failed ? ` Delivery failed: ${p.failed} – please "Send again".` : '') +
      (p.unreachable ? ` Not reachable (no staff with the bot): ${p.unreachableCount} ${plural(p.unreachableCount, 'municipality', 'municipalities')}: ${p.unreachable}.` : ''),
  },
  'bot.published': {
    de: (p) =>
      `Die Übersicht ist ${p.again ? 'neu ' : ''}veröffentlicht${p.provisional ? ' (vorläufig)' : ''}. Ich verteile sie jetzt an die Gemeinden und melde mich, sobald alles zugestellt ist.`,
    en: (p) =>
      `The overview has been ${p.again ? 'published again' : 'published'}${p.provisional ? ' (provisional)' : ''}. I am now handing it out to the municipalities and will report when everything is out.`,
  },
  'publish.notYet': {
    de: (p) => `Die Übersicht ${p.year} ist noch nicht veröffentlicht; es gibt noch keine Entscheidungskarten.`,
    en: (p) => `The overview ${p.year} has not been published yet; there are no decision cards yet.`,
  },
  'bot.resendDecisions': { de: () => 'Erneut senden', en: () => 'Send again' },
  'publish.unchanged': {
    de: (p) => `Die Übersicht ist bereits am ${de(p.date)} veröffentlicht; seitdem hat sich nichts geändert. Es wurde nichts erneut veröffentlicht und nichts gesendet.`,
    en: (p) => `The overview was already published on ${en(p.date)}; nothing has changed since. Nothing was published again and nothing was sent.`,
  },
  'publish.reasonRequired': {
    de: (p) => `Die Übersicht ist bereits am ${de(p.date)} veröffentlicht. Eine neue Veröffentlichung braucht einen Grund (mindestens ${p.min} Zeichen); er wird protokolliert.`,
    en: (p) => `The overview was already published on ${en(p.date)}. Publishing again needs a reason (at least ${p.min} characters); it is recorded in the audit log.`,
  },
});
